/**
 * Every weight and threshold the re-anchoring uses, in one place. The guiding rule: a note shown on the
 * wrong words is worse than a note shown as "could not find this text", so each threshold errs towards
 * the orphan. Figures from `npm run bench:anchoring` (see docs/anchoring.md) justify the values.
 */
export const ANCHORING_RULES = {
  /** Weights of the 0–1 placement score: per character found again, a quoted character counts a little
   *  more than a context character (they are the reader's words); the distance from the stored offset is
   *  a small share that only breaks near-ties. */
  weights: { quoteChar: 1.5, contextChar: 1, position: 0.02 },

  /** Context agreement that unrelated text reaches by chance (side similarity as `contextErrors` measures
   *  it: median about 0.22, 80th percentile 0.25 between random 32-character stretches of the corpus). The
   *  score counts a context side only as far as it agrees beyond this. */
  chanceContextSimilarity: 0.25,

  /** An exact occurrence is trusted when its surroundings (prefix and suffix together, by edit similarity)
   *  agree at least this much. Unrelated English text agrees about 0.3, so 0.5 leaves a wide gap while an
   *  ad pasted against one side of the quote still passes on the other side. (Similarity = 1 − edit
   *  distance / length, over prefix and suffix together.) */
  minContextSimilarity: 0.5,

  /** ... and its better-kept side must agree at least this much. Text that merely resembles the stored
   *  context on both sides (boilerplate, repetitive prose) scores about 0.5 a side and fails here. */
  minBestSideSimilarity: 0.75,

  /** A quote this long that occurs exactly once is its own evidence, even with both sides rewritten
   *  (a whole paragraph moved elsewhere). Shorter quotes ("the minister") need their context. */
  selfEvidentChars: 40,
  /** ... and so is a shorter one that was a paragraph of its own (a heading, a caption) and still is. */
  selfEvidentBlockChars: 12,

  /** Fuzzy matching: at most this share of the quote may differ (insertions, deletions, substitutions). */
  maxQuoteErrorRate: 0.25,
  /** ... and the searched pattern of prefix + quote + suffix at most this share. */
  maxContextErrorRate: 0.4,
  /** Upper bound on allowed errors, which bounds the search cost (Myers' algorithm is O(errors/32 · n)). */
  maxErrors: 256,
  /** A fuzzy match must agree with its context at least this much (stricter than for exact matches, since
   *  the quote itself no longer vouches for the place). */
  minFuzzyContextSimilarity: 0.6,
  /** ... or one side at least this similar (practically intact) whatever became of the other. */
  intactSide: 0.9,
  /** Two places whose scores are this close are indistinguishable: orphan rather than guess. Wide enough
   *  that a near-copy of the passage (repeated paragraph, pull quote) beats an edited original only by a
   *  clear distance; an untouched quote with one side of context intact still clears it. */
  ambiguityMargin: 0.1,
  /** The note's old home (its context found again around other words) vetoes a place that explains the
   *  remembered passage no better than it: the quote was deleted or rewritten there, and an identical
   *  short line elsewhere (a newsletter box, a photo credit) is not the note's. */
  homeMargin: 0,
  /** A quote found again with no support from its context must be nearly intact (a paragraph moved and
   *  corrected), not merely within the fuzzy bound: lorem-ipsum-like near-copies differ by 10–25 %. */
  selfEvidentErrorRate: 0.1,
  /** Another place scoring this well reproduces the remembered passage to within about a quarter: the
   *  page repeats it, and no text anchor can say which copy the reader meant once one was edited. */
  repeatScore: 0.75,
  /** ... unless the winner is this much better still (a verbatim passage against a loose resemblance). */
  repeatMargin: 0.2,
  /** Context this similar around two different places means the page repeats the passage's setting. */
  repeatContext: 0.8,
  /** ... provided some of the quote is still there too (a context found around nothing of the quote is
   *  the quote's old home, weighed by score instead). */
  minRepeatQuoteSim: 0.25,
  /** A context side this similar vouches for a place; it must not stand this well anywhere else. */
  strongSide: 0.9,
  /** An edited quote whose context on one side is lost (similarity below this) must still begin/end with
   *  this many of its own characters on that side. */
  minSideSimilarity: 0.5,
  edgeChars: 6,
  /** ... or begin/end a little inside the quote (words deleted at its edge) if that side keeps this much. */
  minEdgeDeletionSide: 0.3,
  /** At most this many candidate places are scored (a one-letter quote could occur thousands of times). */
  maxCandidates: 2000,
} as const;
