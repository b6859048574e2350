import { describe, expect, it } from 'vitest';
import { describeSpan, isNoteAnchor, placeAnchor, type NoteAnchor } from '../../../src/core/anchoring/index';

// A made-up article: no corpus text. Paragraphs joined by a blank line, as TextMap does.
const PARAS = [
  'The harbour board met on Tuesday to discuss the new ferry timetable.',
  'Members said the plan would cut waiting times, the chair said, but residents were not convinced.',
  'One resident said the plan was rushed. The chair said the plan would be reviewed in spring.',
  'A decision is expected next month after a public consultation closes.',
];
const ARTICLE = PARAS.join('\n\n');

function anchorOn(text: string, quote: string, nth = 0): NoteAnchor {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`no ${quote}`);
  return describeSpan(text, at, at + quote.length);
}

function placedText(text: string, anchor: NoteAnchor) {
  const p = placeAnchor(text, anchor);
  return p && { text: text.slice(p.start, p.end), method: p.method, start: p.start };
}

describe('describeSpan', () => {
  it('stores exact, 36 characters of context for a quote the page holds once, and the offsets', () => {
    const a = anchorOn(ARTICLE, 'new ferry timetable');
    expect(a.quote.exact).toBe('new ferry timetable');
    expect(a.quote.prefix).toBe(ARTICLE.slice(a.position.start - 36, a.position.start));
    expect(a.quote.suffix).toBe(ARTICLE.slice(a.position.end, a.position.end + 36));
    expect(isNoteAnchor(a)).toBe(true);
  });
  it('stores 32 characters of context for a quote the page holds more than once', () => {
    const a = anchorOn(ARTICLE, 'the plan', 1);
    expect(a.quote.prefix).toBe(ARTICLE.slice(a.position.start - 32, a.position.start));
    expect(a.quote.suffix).toBe(ARTICLE.slice(a.position.end, a.position.end + 32));
  });
  it('clamps and orders offsets', () => {
    const a = describeSpan('abc', 5, -2);
    expect(a.position).toEqual({ type: 'TextPositionSelector', start: 0, end: 3 });
    expect(a.quote.prefix).toBe('');
  });
});

describe('isNoteAnchor', () => {
  const good = anchorOn(ARTICLE, 'ferry');
  it.each<[string, unknown, boolean]>([
    ['a described anchor', good, true],
    ['null', null, false],
    ['empty exact', { ...good, quote: { ...good.quote, exact: '' } }, false],
    ['wrong selector type', { ...good, quote: { ...good.quote, type: 'RangeSelector' } }, false],
    ['negative offset', { ...good, position: { ...good.position, start: -1 } }, false],
    ['start after end', { ...good, position: { ...good.position, start: 9, end: 3 } }, false],
    ['non-integer offset', { ...good, position: { ...good.position, end: 1.5 } }, false],
    ['missing prefix', { ...good, quote: { type: 'TextQuoteSelector', exact: 'x', suffix: '' } }, false],
    ['array', [good], false],
  ])('%s', (_name, x, expected) => {
    expect(isNoteAnchor(x)).toBe(expected);
  });
});

describe('placeAnchor', () => {
  const quote = 'the plan would be reviewed in spring';
  const anchor = anchorOn(ARTICLE, quote);
  const rewrite = (from: string, to: string) => ARTICLE.replace(from, to);

  it.each<[string, string, string | null, string | null]>([
    // [case, edited article, expected placed text, expected method]
    ['unchanged: the stored position', ARTICLE, quote, 'position'],
    ['paragraph inserted before: exact, moved', `An advertisement paragraph.\n\n${ARTICLE}`, quote, 'exact'],
    ['ad pasted right before the quote', rewrite('The chair said the plan', 'The chair said ADVERT the plan'), quote, 'exact'],
    ['paragraph moved to the top', [PARAS[2], PARAS[0], PARAS[1], PARAS[3]].join('\n\n'), quote, 'exact'],
    ['a word corrected inside the quote', rewrite(quote, 'the plan would be revisited in spring'), 'the plan would be revisited in spring', 'fuzzy'],
    ['punctuation added inside', rewrite(quote, 'the plan would, be reviewed in spring'), 'the plan would, be reviewed in spring', 'fuzzy'],
    ['curly quotes around a word', rewrite(quote, 'the plan would be “reviewed” in spring'), 'the plan would be “reviewed” in spring', 'fuzzy'],
    ['paragraph split inside', rewrite('rushed. The chair', 'rushed.\n\nThe chair'), quote, 'exact'],
    ['the sentence deleted: orphan', rewrite(' The chair said the plan would be reviewed in spring.', ''), null, null],
    ['the sentence rewritten: orphan', rewrite(quote, 'officials will look again at the scheme next year'), null, null],
    ['empty article: orphan', '', null, null],
  ])('%s', (_name, edited, expectedText, method) => {
    const got = placedText(edited, anchor);
    expect(got?.text ?? null).toBe(expectedText);
    expect(got?.method ?? null).toBe(method);
  });

  it('picks the right one of repeated words by their context', () => {
    // "the chair said" occurs twice; anchor the second, then shift everything.
    const second = anchorOn(ARTICLE, 'The chair said', 0);
    const edited = `Breaking.\n\n${ARTICLE}`;
    const p = placeAnchor(edited, second)!;
    expect(p.method).toBe('exact');
    expect(p.start).toBe(second.position.start + 'Breaking.\n\n'.length);
  });

  it('disambiguates a short repeated word by prefix/suffix', () => {
    const plan = anchorOn(ARTICLE, 'plan', 1); // "the plan was rushed"
    const edited = `Intro.\n\n${ARTICLE}`;
    const p = placeAnchor(edited, plan)!;
    expect(edited.slice(p.start - 4, p.end + 8)).toBe('the plan was rus');
  });

  it('near the stored position among duplicates with the same context: orphan rather than a guess', () => {
    const para = 'Same words here again and again in a repeated paragraph.';
    const text = [para, para, para].join('\n\n');
    const mid = describeSpan(text, para.length + 2 + 5, para.length + 2 + 16); // "words here" in the middle copy
    expect(placeAnchor(text, mid)?.method).toBe('position'); // unchanged: still found
    const shifted = `X\n\n${text}`;
    // Each copy of "words here" has context similar to the stored one: the middle one matches exactly,
    // the outer ones almost; placing it anywhere but the middle would be wrong.
    const p = placeAnchor(shifted, mid);
    if (p) expect(p.start).toBe(mid.position.start + 3);
  });

  it('whitespace changes: a space lost after a comma', () => {
    const a = anchorOn(ARTICLE, 'cut waiting times, the chair said, but residents');
    const edited = ARTICLE.replace('times, the chair', 'times,the chair');
    expect(placedText(edited, a)?.text).toBe('cut waiting times,the chair said, but residents');
  });

  it('a quote that was the whole text', () => {
    const a = describeSpan('Short note.', 0, 11);
    expect(placedText('Short note.', a)?.method).toBe('position');
    expect(placedText('Intro.\n\nShort note.', a)).toEqual({ text: 'Short note.', method: 'exact', start: 8 });
  });
});

describe('placeAnchor: never the wrong words', () => {
  const LINE = 'Sign up for our daily briefing';
  const PAGE = [
    'The council approved the new budget after a long debate on Monday evening.',
    LINE,
    'Opposition members said the spending plans left schools short of money.',
    'Officials expect the first payments to reach families in early autumn.',
    LINE,
    'A final vote on the remaining measures is due before the end of the year.',
  ].join('\n\n');

  it.each<[string, (text: string) => string, string | null]>([
    // [case, edit of the page, expected placed text]
    ['a boilerplate line deleted while its twin survives elsewhere: orphan', (t) => t.replace(`${LINE}\n\nOpposition`, 'Opposition'), null],
    ['a boilerplate line rewritten while its twin survives elsewhere: orphan', (t) => t.replace(`${LINE}\n\nOpposition`, 'Advertisement feature\n\nOpposition'), null],
    ['nothing changed: still found', (t) => t, LINE],
  ])('%s', (_name, edit, expected) => {
    const first = describeSpan(PAGE, PAGE.indexOf(LINE), PAGE.indexOf(LINE) + LINE.length);
    const edited = edit(PAGE);
    const p = placeAnchor(edited, first);
    expect(p && edited.slice(p.start, p.end)).toBe(expected);
    if (p) expect(p.start).toBe(PAGE.indexOf(LINE));
  });

  it('a word that lost a letter is not found inside a longer word', () => {
    const text = 'Ask for ti tipa vosa when you order.';
    const a = describeSpan(text, 8, 10); // the word "ti"
    // "ti" lost its first letter; the "ti" that begins "tipa" has nearly the same surroundings.
    expect(placeAnchor('Ask for i tipa vosa when you order.', a)).toBeNull();
  });
});

describe('describeSpan: context for passages the page repeats', () => {
  const PARA = 'Every resident may apply for the grant before the deadline in March.';
  it('keeps 36 characters of context for a passage that occurs once', () => {
    const text = `Intro line here.\n\n${PARA}\n\nClosing words follow.`;
    const at = text.indexOf('apply');
    const a = describeSpan(text, at, at + 5);
    expect(a.quote.prefix.length).toBe(36);
    expect(a.quote.suffix.length).toBe(36);
  });
  it('widens the context until a repeated passage is unique, and then places it only verbatim', () => {
    const text = `First heading\n\n${PARA}\n\nSecond heading\n\n${PARA}\n\nEnd.`;
    const at = text.lastIndexOf('apply');
    const a = describeSpan(text, at, at + 5);
    expect(a.quote.prefix.length).toBeGreaterThan(32);
    expect(placeAnchor(`Advert.\n\n${text}`, a)?.start).toBe(at + 'Advert.\n\n'.length);
    // The reader's copy edited: the other copy is just as good a match, so no placement.
    const edited = text.slice(0, at) + 'apply,' + text.slice(at + 5);
    expect(placeAnchor(edited, a)).toBeNull();
  });
});
