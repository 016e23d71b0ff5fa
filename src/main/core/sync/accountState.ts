// Reading and writing one account's sync state in the store. A sync works on its own copy of what it owns
// (tokens, ETags, what was pushed) and saves it merged into the account as the store holds it then, so a
// pause, a calendar choice or an answered question made meanwhile is never overwritten.
import type { CalendarAccount, CalendarSyncState, SyncQuestion } from '../../../shared/syncSchema';
import type { ServiceContext } from '../services/context';
import type { Transaction } from '../store/store';

export interface AccountWork {
  id: string;
  calendars: Map<string, Pick<CalendarAccount['calendars'][number], 'syncToken' | 'ctag' | 'objects'>>;
  touchCalendar: CalendarAccount['touchCalendar'];
  pushed: CalendarAccount['pushed'];
  /** iCal subscriptions. */
  etag: string | null;
  lastModified: string | null;
  keys: string[];
  /** Something read or written differs from the stored state (a sync that finds nothing writes nothing). */
  dirty: boolean;
}

export function findAccount(ctx: ServiceContext, id: string): CalendarAccount | undefined {
  return ctx.store.state.calendarSync.accounts.find((a) => a.id === id);
}

export function workOf(account: CalendarAccount): AccountWork {
  return {
    id: account.id,
    calendars: new Map(account.calendars.map((c) => [c.url, { syncToken: c.syncToken, ctag: c.ctag, objects: { ...c.objects } }])),
    touchCalendar: { ...account.touchCalendar },
    pushed: { ...account.pushed },
    etag: account.etag,
    lastModified: account.lastModified,
    keys: [...account.keys],
    dirty: false,
  };
}

export interface SaveOptions {
  /** Other changes of the same transaction (meetings, touches); may add or answer questions. */
  apply?: (tx: Transaction, questions: SyncQuestion[]) => void;
  status?: Partial<Pick<CalendarAccount, 'lastSyncAt' | 'lastError'>>;
}

/** Saves `work` into its account (if it is still connected) with `options`, as one durable change. */
export function saveWork(ctx: ServiceContext, work: AccountWork, options: SaveOptions = {}): Promise<void> {
  return ctx.store.transact((tx) => {
    const state = ctx.store.state.calendarSync;
    const current = state.accounts.find((a) => a.id === work.id);
    if (!current) return; // disconnected meanwhile: nothing of it is kept
    const questions = [...state.questions];
    options.apply?.(tx, questions);
    const merged: CalendarAccount = {
      ...current,
      calendars: current.calendars.map((c) => {
        const mine = work.calendars.get(c.url);
        return mine ? { ...c, syncToken: mine.syncToken, ctag: mine.ctag, objects: mine.objects } : c;
      }),
      touchCalendar: work.touchCalendar,
      pushed: work.pushed,
      etag: work.etag,
      lastModified: work.lastModified,
      keys: work.keys,
      ...options.status,
    };
    tx.setCalendarSync({ ...state, accounts: state.accounts.map((a) => (a.id === work.id ? merged : a)), questions });
  });
}

/** Replaces the whole sync state through `change` (connect, choose, pause, answer...), as one durable change. */
export function updateSync(ctx: ServiceContext, change: (state: CalendarSyncState, tx: Transaction) => CalendarSyncState): Promise<void> {
  return ctx.store.transact((tx) => tx.setCalendarSync(change(ctx.store.state.calendarSync, tx)));
}
