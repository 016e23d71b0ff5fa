// One sync of a CalDAV account: meetings in from the chosen calendars, touches moved on the server back,
// then the touches out. Each step saves what it read or wrote before the next, so an interrupted sync
// (offline, the app closed) resumes where it stopped and never duplicates.
import type { HttpFetch } from '../ports';
import type { ServiceContext } from '../services/context';
import { findAccount, saveWork, workOf } from './accountState';
import { SyncError } from './http';
import { applyMeetingsIn, type MeetingsInResult } from './meetingsIn';
import { readMeetingCalendars } from './meetingCalendars';
import { readTouchCalendar } from './touchesBack';
import { pushTouches, type PushResult } from './touchesOut';

/** How stale the stored time of the last sync may get while syncs find nothing. */
const QUIET_SAVE_MS = 60 * 60_000;

export interface SyncProgress {
  phase: 'meetings' | 'touches';
  done: number;
  total: number;
}

export interface SyncOutcome {
  meetings: MeetingsInResult;
  touches: PushResult;
}

/** A failure in plain words, for the status line. */
export function plainSyncError(error: unknown): string {
  if (error instanceof SyncError) return error.message;
  const message = (error as Error)?.message ?? String(error);
  return `The sync stopped: ${message}`.slice(0, 300);
}

export async function syncCalDavAccount(
  ctx: ServiceContext,
  fetch: HttpFetch,
  accountId: string,
  onProgress: (progress: SyncProgress) => void = () => undefined,
): Promise<SyncOutcome> {
  const account = findAccount(ctx, accountId);
  if (!account) throw new SyncError('That calendar account is no longer connected.', 'input');
  const work = workOf(account);
  const outcome: SyncOutcome = { meetings: { created: 0, updated: 0, cancelled: 0 }, touches: { written: 0, removed: 0 } };
  try {
    const touchCalendar = account.calendars.find((c) => c.url === account.touchCalendarUrl);
    // The two read different calendars and different parts of `work`: asked at once.
    const [incoming, touchesBack] = await Promise.all([
      readMeetingCalendars(ctx, fetch, account, work, (done, total) => onProgress({ phase: 'meetings', done, total })),
      account.touchCalendarUrl ? readTouchCalendar(ctx, fetch, work, account.touchCalendarUrl, touchCalendar?.supportsSync ?? true) : null,
    ]);
    const meetingsIn = incoming.occurrences.length > 0 || incoming.goneKeys.length > 0;
    if (work.dirty || meetingsIn || touchesBack) {
      await saveWork(ctx, work, {
        apply: (tx, questions) => {
          if (meetingsIn) outcome.meetings = applyMeetingsIn(ctx, tx, incoming.occurrences, incoming.goneKeys, questions);
          touchesBack?.(tx, questions);
        },
      });
    }
    if (account.touchCalendarUrl) {
      onProgress({ phase: 'touches', done: 0, total: 0 });
      outcome.touches = await pushTouches(ctx, fetch, work, account.touchCalendarUrl);
    }
    // A sync that found nothing and wrote nothing leaves the files alone; its time is kept in memory (the
    // runner), and written at most once an hour.
    const quiet = !work.dirty && !meetingsIn && !touchesBack && outcome.touches.written + outcome.touches.removed === 0 && account.lastError === null;
    const stored = account.lastSyncAt ? Date.parse(account.lastSyncAt) : 0;
    if (!quiet || ctx.clock.now() - stored >= QUIET_SAVE_MS) await saveWork(ctx, work, { status: { lastSyncAt: ctx.nowIso(), lastError: null } });
    return outcome;
  } catch (error) {
    await saveWork(ctx, work, { status: { lastError: plainSyncError(error) } }).catch(() => undefined);
    throw error;
  }
}

/** Only the touches out (right after a change in Touchplan): no reading first. */
export async function pushCalDavAccount(ctx: ServiceContext, fetch: HttpFetch, accountId: string): Promise<PushResult> {
  const account = findAccount(ctx, accountId);
  if (!account?.touchCalendarUrl) return { written: 0, removed: 0 };
  const work = workOf(account);
  try {
    const result = await pushTouches(ctx, fetch, work, account.touchCalendarUrl);
    if (account.lastError) await saveWork(ctx, work, { status: { lastError: null } });
    return result;
  } catch (error) {
    await saveWork(ctx, work, { status: { lastError: plainSyncError(error) } }).catch(() => undefined);
    throw error;
  }
}
