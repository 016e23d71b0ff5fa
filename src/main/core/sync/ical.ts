// Read-only iCal subscriptions (Google's secret address, an Outlook published calendar): the address is
// fetched with If-None-Match / If-Modified-Since, so an unchanged calendar costs one small answer (304); a
// changed one is read in the .ics import's worker (caps on size, time and memory) and applied like a CalDAV
// calendar: new events become meetings, changed ones are updated, ones gone from the file are cancelled.
import { IcsError } from '../interop/icsParse';
import { parseIcsInWorker } from '../interop/icsInWorker';
import type { HttpFetch } from '../ports';
import type { ServiceContext } from '../services/context';
import { findAccount, saveWork, workOf } from './accountState';
import { isLoopback, SyncError } from './http';
import { applyMeetingsIn, type MeetingsInResult } from './meetingsIn';
import { meetingWindow } from './meetingCalendars';
import { plainSyncError } from './engine';

/** A calendar file larger than this is refused: no real calendar comes near it. */
const MAX_BYTES = 50 * 1024 * 1024;

/** "webcal://…" -> "https://…"; only https (or loopback http, for tests and demos) is accepted. */
export function subscriptionAddress(input: string): string {
  const trimmed = input.trim().replace(/^webcals?:\/\//i, 'https://');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new SyncError(`"${input.slice(0, 60)}" is not a calendar address (it starts with https:// or webcal://).`, 'input');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new SyncError('A calendar address starts with https:// (or webcal://).', 'input');
  }
  return url.href;
}

export async function syncSubscription(ctx: ServiceContext, fetch: HttpFetch, accountId: string): Promise<MeetingsInResult> {
  const account = findAccount(ctx, accountId);
  if (!account) throw new SyncError('That calendar address is no longer subscribed.', 'input');
  const work = workOf(account);
  const none: MeetingsInResult = { created: 0, updated: 0, cancelled: 0 };
  try {
    const headers: Record<string, string> = { accept: 'text/calendar' };
    if (work.etag) headers['if-none-match'] = work.etag;
    if (work.lastModified) headers['if-modified-since'] = work.lastModified;
    const response = await fetch(account.url, { headers });
    if (response.status === 304) {
      await saveWork(ctx, work, { status: { lastSyncAt: ctx.nowIso(), lastError: null } });
      return none;
    }
    if (response.status === 404 || response.status === 410) throw new SyncError('The calendar address is not found on its server any more: copy it again from your calendar.', 'server', response.status);
    if (!response.ok) throw new SyncError(`The calendar address answered ${response.status} ${response.statusText}.`.trim(), 'server', response.status);
    if (Number(response.headers.get('content-length') ?? 0) > MAX_BYTES) throw new SyncError('The calendar at that address is over 50 MB: Touchplan does not read it.', 'server');
    const text = await response.text();
    if (text.length > MAX_BYTES) throw new SyncError('The calendar at that address is over 50 MB: Touchplan does not read it.', 'server');
    let parsed;
    try {
      parsed = await parseIcsInWorker(text, { timeZone: ctx.store.state.settings.timeZone, ...meetingWindow(ctx) });
    } catch (error) {
      throw new SyncError(error instanceof IcsError ? error.message : 'The calendar at that address cannot be read.', 'server');
    }
    const keys = parsed.occurrences.filter((o) => !o.problem && o.inWindow && !o.cancelled).map((o) => o.key);
    const kept = new Set(keys);
    const gone = work.keys.filter((key) => !kept.has(key));
    work.etag = response.headers.get('etag');
    work.lastModified = response.headers.get('last-modified');
    work.keys = keys;
    let result = none;
    await saveWork(ctx, work, {
      apply: (tx, questions) => void (result = applyMeetingsIn(ctx, tx, parsed.occurrences, gone, questions, parsed.calendarName)),
      status: { lastSyncAt: ctx.nowIso(), lastError: null },
    });
    return result;
  } catch (error) {
    await saveWork(ctx, work, { status: { lastError: plainSyncError(error) } }).catch(() => undefined);
    throw error;
  }
}
