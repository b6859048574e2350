/**
 * Each text pattern carries `needs`, the literal words it cannot match without; `kindFromText` tests them
 * before the regex. The gate must never turn away a text the regex matches: checked on strings generated
 * from every pattern (with its word boundaries dropped, which only widens what is generated) and on
 * hand-picked phrases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_PATTERNS } from '../../../src/core/article/patterns';
import { kindFromText, passesGate } from '../../../src/core/article/kinds';

describe('text pattern gates', () => {
  for (const p of TEXT_PATTERNS) {
    it(`${p.name}: every string the regex matches passes the gate`, () => {
      const wide = new RegExp(p.re.source.replace(/\\b/g, ''), p.re.flags);
      fc.assert(
        fc.property(fc.stringMatching(wide), (s) => {
          if (p.re.test(s)) expect(passesGate(p, s)).toBe(true);
          if (wide.test(s)) expect(passesGate(p, s)).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('still finds the appeals', () => {
    expect(kindFromText('Sign up to our newsletter')?.name).toBe('newsletter');
    expect(kindFromText('Advertisement')?.name).toBe('ad-label');
    expect(kindFromText('Join the conversation')?.name).toBe('join-the-conversation');
    expect(kindFromText('Most read')?.name).toBe('read-more-heading');
    expect(kindFromText('The council said it would consider the plan.')).toBeNull();
  });
});
