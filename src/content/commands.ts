/**
 * The content script's check of what the background sends it (`TabCommand`, defined by `TabCommandSchema` in
 * `src/messages.ts`). Written out by hand rather than with valibot so the content script doesn't carry a
 * validation library on every page; `test/unit/content/commands.test.ts` holds it to the schema (same verdict,
 * same output, on crafted and random messages). Unknown keys are dropped, as valibot's `object` does.
 */
import type { PanelViewName, TabCommand } from '../messages';

/** valibot's `uuid()` pattern. */
const UUID = /^[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}$/iu;
const VIEWS: readonly unknown[] = ['quotes', 'notes', 'editor'] satisfies PanelViewName[];

type Fields = Record<string, unknown>;

/** An optional field: absent, undefined, or passing `ok`. */
const optional = (m: Fields, key: string, ok: (x: unknown) => boolean): boolean => !(key in m) || m[key] === undefined || ok(m[key]);
const isBoolean = (x: unknown): x is boolean => typeof x === 'boolean';
const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** The command, or null for anything that isn't exactly one. */
export function parseTabCommand(message: unknown): TabCommand | null {
  if (!message || typeof message !== 'object') return null;
  const m = message as Fields;
  switch (m.type) {
    case 'view/set':
      if (!optional(m, 'boilerplateShown', isBoolean) || !optional(m, 'quotesShown', isBoolean)) return null;
      return { type: 'view/set', boilerplateShown: m.boilerplateShown as boolean | undefined, quotesShown: m.quotesShown as boolean | undefined };
    case 'panel/set':
      if (!isBoolean(m.open) || !optional(m, 'view', (x) => VIEWS.includes(x)) || !optional(m, 'toggle', isBoolean)) return null;
      return { type: 'panel/set', open: m.open, view: m.view as PanelViewName | undefined, toggle: m.toggle as boolean | undefined };
    case 'quote/focus':
      return isIndex(m.index) ? { type: 'quote/focus', index: m.index } : null;
    case 'note/focus':
      return typeof m.id === 'string' && UUID.test(m.id) ? { type: 'note/focus', id: m.id } : null;
    case 'page/status':
    case 'quotes/list':
    case 'note/from-selection':
    case 'notes/changed':
      return { type: m.type };
    default:
      return null;
  }
}
