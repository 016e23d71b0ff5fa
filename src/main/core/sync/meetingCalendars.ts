// Reading the calendars chosen for meetings: what changed since the last sync (sync token, or ctag and ETags),
// the changed objects read in batches and parsed with the .ics import's reader, and the meeting keys each
// object yields remembered, so an event deleted on the server (or an occurrence dropped from a series) is
// known to be gone.
import { addCalendarDays, instantMsAt, todayLocalDate } from '../../../shared/domain/time';
import type { CalendarAccount } from '../../../shared/syncSchema';
import { parseIcs, type IcsOccurrence } from '../interop/icsParse';
import type { HttpFetch } from '../ports';
import type { ServiceContext } from '../services/context';
import type { AccountWork } from './accountState';
import { changesOf, readObjects } from './caldav';

/** How far back and ahead the occurrences of a recurring series become meetings. */
export const WINDOW_PAST_DAYS = 30;
export const WINDOW_AHEAD_DAYS = 365;

export interface Incoming {
  occurrences: IcsOccurrence[];
  goneKeys: string[];
  objects: number;
}

export function meetingWindow(ctx: ServiceContext): { windowStartMs: number; windowEndMs: number } {
  const settings = ctx.store.state.settings;
  const today = todayLocalDate(ctx.clock.now(), settings);
  return {
    windowStartMs: instantMsAt(addCalendarDays(today, -WINDOW_PAST_DAYS), '00:00', settings.timeZone),
    windowEndMs: instantMsAt(addCalendarDays(today, WINDOW_AHEAD_DAYS), '00:00', settings.timeZone),
  };
}

/** Parses one object's text into occurrences; a broken object yields none (and is read again when it changes). */
export function occurrencesOf(ctx: ServiceContext, data: string, window: ReturnType<typeof meetingWindow>): IcsOccurrence[] {
  try {
    return parseIcs(data, { timeZone: ctx.store.state.settings.timeZone, ...window, maxOccurrences: 5_000 }).occurrences;
  } catch {
    return [];
  }
}

export async function readMeetingCalendars(
  ctx: ServiceContext,
  fetch: HttpFetch,
  account: CalendarAccount,
  work: AccountWork,
  onProgress: (done: number, total: number) => void,
): Promise<Incoming> {
  const incoming: Incoming = { occurrences: [], goneKeys: [], objects: 0 };
  const window = meetingWindow(ctx);
  for (const calendar of account.calendars) {
    if (!calendar.read || calendar.url === account.touchCalendarUrl) continue;
    const known = work.calendars.get(calendar.url);
    if (!known) continue;
    const etags = new Map(Object.entries(known.objects).map(([path, o]) => [path, o.etag] as const));
    const changes = await changesOf(fetch, calendar.url, { syncToken: known.syncToken, ctag: known.ctag, etags }, calendar.supportsSync);
    if (!changes) continue;
    const objects = { ...known.objects };
    for (const path of changes.deleted) {
      incoming.goneKeys.push(...(objects[path]?.keys ?? []));
      delete objects[path];
    }
    const paths = [...changes.changed.keys()];
    let done = 0;
    onProgress(done, paths.length);
    const read = await readObjects(fetch, calendar.url, paths);
    for (const [path, object] of read) {
      const occurrences = occurrencesOf(ctx, object.data, window);
      const keys = occurrences.filter((o) => !o.problem && o.inWindow).map((o) => o.key);
      const kept = new Set(keys);
      incoming.goneKeys.push(...(objects[path]?.keys ?? []).filter((key) => !kept.has(key)));
      objects[path] = { etag: object.etag, keys };
      incoming.occurrences.push(...occurrences);
      incoming.objects++;
      onProgress(++done, paths.length);
    }
    if (changes.syncToken !== known.syncToken || changes.ctag !== known.ctag || paths.length > 0 || changes.deleted.length > 0) work.dirty = true;
    work.calendars.set(calendar.url, { syncToken: changes.syncToken, ctag: changes.ctag, objects });
  }
  return incoming;
}
