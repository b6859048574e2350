/**
 * The content script checks the background's commands by hand (src/content/commands.ts) so it carries no valibot;
 * this holds that check to `TabCommandSchema`: the same verdict and the same output on crafted and random messages.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { TabCommandSchema } from '../../../src/messages';
import { parseTabCommand } from '../../../src/content/commands';

const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function bySchema(message: unknown) {
  const r = v.safeParse(TabCommandSchema, message);
  return r.success ? r.output : null;
}

/** Same verdict, same output (keys valibot leaves out may be present as undefined). */
function agree(message: unknown): void {
  const expected = bySchema(message);
  const got = parseTabCommand(message);
  if (expected === null) expect(got, JSON.stringify(message)).toBeNull();
  else expect(got, JSON.stringify(message)).toEqual(expected);
}

const crafted: unknown[] = [
  null, undefined, 0, 'page/status', [], {}, { type: 'nope' }, { type: 7 },
  { type: 'page/status' }, { type: 'page/status', extra: '<img>' }, { type: 'quotes/list' }, { type: 'note/from-selection' }, { type: 'notes/changed' },
  { type: 'view/set' }, { type: 'view/set', boilerplateShown: true }, { type: 'view/set', quotesShown: false, boilerplateShown: undefined },
  { type: 'view/set', boilerplateShown: 'yes' }, { type: 'view/set', quotesShown: 1 }, { type: 'view/set', quotesShown: null },
  { type: 'panel/set' }, { type: 'panel/set', open: true }, { type: 'panel/set', open: false, view: 'notes', toggle: true },
  { type: 'panel/set', open: 'true' }, { type: 'panel/set', open: true, view: 'evil' }, { type: 'panel/set', open: true, view: null },
  { type: 'panel/set', open: true, toggle: 0 }, { type: 'panel/set', open: true, view: 'editor', toggle: undefined },
  { type: 'quote/focus' }, { type: 'quote/focus', index: 0 }, { type: 'quote/focus', index: 3 }, { type: 'quote/focus', index: -1 },
  { type: 'quote/focus', index: 1.5 }, { type: 'quote/focus', index: NaN }, { type: 'quote/focus', index: Infinity }, { type: 'quote/focus', index: '2' },
  { type: 'quote/focus', index: -0 }, { type: 'quote/focus', index: 2 ** 53 },
  { type: 'note/focus' }, { type: 'note/focus', id: UUID }, { type: 'note/focus', id: UUID.toUpperCase() }, { type: 'note/focus', id: `${UUID}x` },
  { type: 'note/focus', id: 'not-a-uuid' }, { type: 'note/focus', id: 42 },
  Object.assign(Object.create({ type: 'page/status' }) as object, {}),
];

describe('content script command check', () => {
  it('agrees with TabCommandSchema on crafted messages', () => {
    for (const m of crafted) agree(m);
  });

  it('agrees with TabCommandSchema on random messages', () => {
    const type = fc.constantFrom('view/set', 'page/status', 'panel/set', 'quotes/list', 'quote/focus', 'note/from-selection', 'note/focus', 'notes/changed', 'other');
    const value = fc.oneof(fc.boolean(), fc.integer({ min: -3, max: 5 }), fc.double(), fc.constantFrom('quotes', 'notes', 'editor', UUID, ''), fc.string(), fc.constant(null), fc.constant(undefined));
    const message = fc.record(
      { type, open: value, view: value, toggle: value, index: value, id: value, boilerplateShown: value, quotesShown: value, junk: fc.anything() },
      { requiredKeys: ['type'] },
    );
    fc.assert(fc.property(message, (m) => agree(m)), { numRuns: 3000 });
    fc.assert(fc.property(fc.anything(), (m) => agree(m)), { numRuns: 1000 });
  });

  it('drops keys the command does not have', () => {
    expect(parseTabCommand({ type: 'quote/focus', index: 1, script: 'alert(1)' })).toEqual({ type: 'quote/focus', index: 1 });
  });
});
