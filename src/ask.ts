/**
 * The one way any context talks to the background: `ask({type: …})`, typed by the request's type.
 */
import browser from 'webextension-polyfill';
import type { Draft, QuoteSummary, Reply, ReportAnswer, Request, RequestType } from './messages';
import type { Note } from './storage/db';
import type { TabPage } from './background/tabs';

/** What each request answers with. */
export interface Responses {
  'page/report': ReportAnswer;
  'tab/status': TabPage | null;
  'notes/create': Note;
  'notes/list-page': Note[];
  'notes/list-all': Note[];
  'notes/update': Note;
  'notes/delete': null;
  'tab/set-view': unknown;
  'tab/panel': unknown;
  'tab/quotes': QuoteSummary[];
  'tab/focus-quote': boolean;
  'draft/set': null;
  'draft/get': Draft | null;
  'panel/token': null;
  'notes/restore': Note;
  'notes/open': { tabId: number; opened: boolean };
  'tab/focus-note': unknown;
}

export async function ask<T extends RequestType>(request: Request<T> & { type: T }): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<Responses[T]> | undefined;
  if (!reply) throw new Error('Newsmark’s background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
