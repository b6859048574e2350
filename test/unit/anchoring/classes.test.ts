/**
 * One table per class of edit that used to orphan a note whose words survived (each class found among the
 * orphans of `npm run bench:anchoring`, see docs/anchoring.md), and the cases next to it that must stay
 * orphans. Made-up text only: no corpus page's words.
 */
import { describe, expect, it } from 'vitest';
import { describeSpan, placeAnchor, type NoteAnchor } from '../../../src/core/anchoring/index';
import { contextKind } from '../../../src/core/anchoring/selectors';

const PARAS = [
  'Ferry timetable',
  'The harbour board met on Tuesday to discuss the new timetable for the island routes.',
  'Members said the plan would cut waiting times at both terminals, but residents were not convinced by the figures.',
  'Timetable changes take effect in May',
  'One resident said the consultation had been rushed. If you live on the island, she said, nobody asked you anything at all.',
  'The operator said the new boats would carry more cars and run later in the evening.',
  'A decision on further changes is expected next month after a public consultation closes.',
  'Comments are closed',
];
const ARTICLE = PARAS.join('\n\n');

type Case = [name: string, quote: string, edit: (text: string) => string, expected: string | null];

/** Anchor the first `quote` in ARTICLE, apply the edit, and return the placed words (or null). */
function run(quote: string, edit: (text: string) => string): string | null {
  const at = ARTICLE.indexOf(quote);
  if (at < 0) throw new Error(`no ${quote}`);
  const anchor = describeSpan(ARTICLE, at, at + quote.length);
  const edited = edit(ARTICLE);
  const p = placeAnchor(edited, anchor);
  return p && edited.slice(p.start, p.end);
}

const replaceOnce = (from: string, to: string) => (t: string) => {
  if (!t.includes(from)) throw new Error(`no ${from}`);
  return t.replace(from, to);
};
/** Move paragraph `from` so that it stands before paragraph `to` of the remaining ones. */
const moveParagraph = (from: number, to: number) => (t: string) => {
  const ps = t.split('\n\n');
  const [p] = ps.splice(from, 1);
  ps.splice(to, 0, p!);
  return ps.join('\n\n');
};
const SENTENCE = 'If you live on the island, she said, nobody asked you anything at all.';

describe('context shifted by words pasted or deleted in it (compared from the quote outward)', () => {
  it.each<Case>([
    ['words deleted across the quote\'s start and the end of its prefix', SENTENCE,
      replaceOnce('been rushed. If you live', 'been live'), 'live on the island, she said, nobody asked you anything at all.'],
    ['the same at its end', 'One resident said the consultation had been rushed.',
      replaceOnce('been rushed. If you', 'been you'), 'One resident said the consultation had been'],
    ['a paragraph pasted on each side of a short heading', 'Timetable changes take effect in May',
      (t) => t.replace('figures.\n\n', 'figures.\n\nAdvert\n\n').replace('in May\n\n', 'in May\n\nSponsored\n\n'), 'Timetable changes take effect in May'],
    ['a word pasted on each side of a single word', 'operator',
      replaceOnce('The operator said the new', 'Then The operator also said the new'), 'operator'],
    ['the quote\'s words deleted with their context: still an orphan', SENTENCE,
      replaceOnce(`been rushed. ${SENTENCE}`, 'been rushed.'), null],
  ])('%s', (_name, quote, edit, expected) => {
    expect(run(quote, edit)).toBe(expected);
  });
});

describe('a quote across a paragraph break, one paragraph moved away or deleted: the larger piece', () => {
  const QUOTE = 'but residents were not convinced by the figures.\n\nTimetable';
  it.each<Case>([
    ['the second paragraph moved to the end', QUOTE, moveParagraph(3, 7), 'but residents were not convinced by the figures.'],
    ['the second paragraph deleted', QUOTE, replaceOnce('Timetable changes take effect in May\n\n', ''), 'but residents were not convinced by the figures.'],
    ['the first paragraph moved to the top', 'at all.\n\nThe operator said the new boats would carry more cars',
      moveParagraph(4, 0), 'The operator said the new boats would carry more cars'],
    ['a piece under three quarters of the quote: orphan', 'convinced by the figures.\n\nTimetable changes take effect',
      moveParagraph(3, 7), null],
  ])('%s', (_name, quote, edit, expected) => {
    expect(run(quote, edit)).toBe(expected);
  });

  it('the quote rewritten where it stood, its first piece repeated elsewhere: orphan, not the copy', () => {
    const page = [
      'Minutes of the meeting',
      'Then the board met again and the members agreed on the plan at last.',
      'Tempor words follow here in the second paragraph of the minutes.',
      'Notes from the second meeting',
      'Then the board met again and the members agreed on the plan at last.',
      'Closing remarks from the chair.',
    ].join('\n\n');
    const quote = 'the members agreed on the plan at last.\n\nTempor';
    const at = page.indexOf(quote);
    const anchor = describeSpan(page, at, at + quote.length);
    // The words rewritten, their context on both sides intact: the note's place is here, its words gone.
    const edited = page.replace(quote, 'None.\n\nSeveral');
    expect(placeAnchor(edited, anchor)).toBeNull();
  });
});

describe('spaces gained or lost at the quote\'s edge', () => {
  it.each<Case>([
    ['a space before the final full stop, the next paragraph replaced', 'nobody asked you anything at all.',
      (t) => t.replace('anything at all.', 'anything at all .').replace('The operator said', 'Advertisement\n\nThe operator said'),
      'nobody asked you anything at all .'],
    ['a space lost after the first comma, the previous paragraph replaced', 'she said, nobody asked',
      (t) => t.replace('she said, nobody', 'she said,nobody').replace('One resident said the consultation had been rushed. If you live on the island, ',
        'Breaking news just in from the coast. If you live on the island, '), 'she said,nobody asked'],
  ])('%s', (_name, quote, edit, expected) => {
    expect(run(quote, edit)).toBe(expected);
  });
});

describe('a quote inside a short paragraph that moved: the paragraph found whole', () => {
  it.each<Case>([
    ['part of a short paragraph, moved to the top', 'take effect in May', moveParagraph(3, 0), 'take effect in May'],
    ['a word the page repeats, its short paragraph moved to the top', 'changes', moveParagraph(3, 0), 'changes'],
    ['a word the page repeats, a heading moved down', 'timetable', moveParagraph(0, 5), 'timetable'],
    ['the paragraph moved and then deleted: orphan', 'take effect in May', (t) => moveParagraph(3, 0)(t).replace('Timetable changes take effect in May\n\n', ''), null],
  ])('%s', (_name, quote, edit, expected) => {
    expect(run(quote, edit)).toBe(expected);
  });
});

describe('a short paragraph moved far away, both sides of its context changed', () => {
  // Its old home is found empty (its context, now side by side), exactly as when a line is deleted
  // while an identical line survives elsewhere. The anchor tells the two apart: its context is
  // UNIQUE_CONTEXT_CHARS wide only when the page held the quote once.
  const CAPTIONS = [
    'Photo by Ann Lee for the Harbour Times',
    'The new ferry leaves the harbour on its first run to the island.',
    'Photo by Tom Ray for the Harbour Times',
    'Residents queue for tickets at the terminal on Monday morning.',
    'Photo by Sam Fox for the Harbour Times',
    'Crew members prepare the car deck before the evening crossing.',
    'Sign up for our daily briefing',
    'The operator expects the route to carry twice as many cars by summer.',
    'Sign up for our daily briefing',
  ];
  const PAGE = CAPTIONS.join('\n\n');
  const moveTo = (from: number, to: number) => (t: string) => {
    const ps = t.split('\n\n');
    const [p] = ps.splice(from, 1);
    ps.splice(to, 0, p!);
    return ps.join('\n\n');
  };
  it.each<[string, string, number, (t: string) => string, string | null]>([
    ['a caption moved to the top (look-alike captions stay)', 'Photo by Tom Ray for the Harbour Times', 0, moveTo(2, 0), 'Photo by Tom Ray for the Harbour Times'],
    ['a caption moved to the end', 'Photo by Ann Lee for the Harbour Times', 0, moveTo(0, 8), 'Photo by Ann Lee for the Harbour Times'],
    ['a caption deleted, look-alikes stay: orphan', 'Photo by Tom Ray for the Harbour Times', 0,
      (t) => t.replace('Photo by Tom Ray for the Harbour Times\n\n', ''), null],
    ['a line the page repeats, moved: orphan (indistinguishable from a deletion)', 'Sign up for our daily briefing', 0, moveTo(6, 0), null],
    ['a line the page repeats, deleted while its twin stays: orphan', 'Sign up for our daily briefing', 0,
      (t) => t.replace('Sign up for our daily briefing\n\nThe operator', 'The operator'), null],
  ])('%s', (_name, quote, nth, edit, expected) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = PAGE.indexOf(quote, at + 1);
    const anchor = describeSpan(PAGE, at, at + quote.length);
    const edited = edit(PAGE);
    const p = placeAnchor(edited, anchor);
    expect(p && edited.slice(p.start, p.end)).toBe(expected);
  });
});

describe('context width round trip (describeSpan → contextKind)', () => {
  const PARA = 'Every resident may apply for the grant before the deadline in March.';
  const anchorAt = (text: string, quote: string, nth = 0): NoteAnchor => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
    return describeSpan(text, at, at + quote.length);
  };
  const legacy = (a: NoteAnchor): NoteAnchor => ({ ...a, quote: { ...a.quote, prefix: a.quote.prefix.slice(-32), suffix: a.quote.suffix.slice(0, 32) } });
  const long = `Intro line here for the page.\n\n${PARA}\n\nClosing words follow after it.`;
  it.each<[string, NoteAnchor, ReturnType<typeof contextKind>]>([
    ['a quote the page holds once', anchorAt(long, 'grant'), 'unique'],
    ['a quote the page holds once, near the start', anchorAt(long, 'Intro'), 'unique'],
    ['a quote the page holds once, on a text too short for a full side', anchorAt('One short line.', 'short'), 'plain'],
    ['a word the page repeats', anchorAt(long, 'the', 1), 'plain'],
    ['a repeated passage', anchorAt(`First heading\n\n${PARA}\n\nSecond heading\n\n${PARA}\n\nEnd.`, 'apply', 1), 'widened'],
    // Both sides cut by the text's edges to exactly 36 would read 'unique': one character less each.
    ['a repeated passage cut to 36 a side by the text\'s edges', describeSpan(Array(19).fill('kal').join(' '), 36, 39), 'widened'],
    ['a repeated passage on a text so short both sides are under 32 (as before widths existed)', anchorAt('kaka vofi bemi\n\nkaka vofi bemi', 'vofi', 1), 'plain'],
    ['an anchor from before these widths', legacy(anchorAt(long, 'grant')), 'plain'],
    ['a widened anchor', { ...anchorAt(long, 'grant'), quote: { ...anchorAt(long, 'grant').quote, prefix: 'x'.repeat(64) } }, 'widened'],
  ])('%s', (_name, anchor, kind) => {
    expect(contextKind(anchor)).toBe(kind);
  });
});
