// When syncs run: one at a time per account (a queue), every 5 minutes for CalDAV accounts and every 15 for
// iCal addresses (timers on the Clock port), on "Sync now", and a push shortly after touches change in
// Touchplan. A failed sync is not thrown at the caller: it is the account's lastError, shown by the status.
import type { CalendarAccount } from '../../../shared/syncSchema';
import type { Clock, HttpFetch, SecretStore } from '../ports';
import type { ServiceContext } from '../services/context';
import { findAccount } from './accountState';
import { pushCalDavAccount, syncCalDavAccount, type SyncProgress } from './engine';
import { authedFetch, SyncError } from './http';
import { syncSubscription } from './ical';

export const CALDAV_EVERY_MS = 5 * 60_000;
export const ICAL_EVERY_MS = 15 * 60_000;
/** A burst of edits (a sequence shifted) goes out as one push. */
const PUSH_DELAY_MS = 1_000;

export const secretKey = (accountId: string) => `calendar-account:${accountId}`;

export interface SyncPorts {
  secrets: SecretStore;
  fetch: HttpFetch;
}

export function createSyncRunner(ctx: ServiceContext, ports: SyncPorts, clock: Clock) {
  const tails = new Map<string, Promise<void>>();
  const progress = new Map<string, SyncProgress>();
  const syncing = new Set<string>();
  const lastRun = new Map<string, number>();
  /** When each account last synced well, including the quiet syncs that wrote nothing. */
  const lastSynced = new Map<string, string>();
  const pushQueued = new Set<string>();
  let timer: unknown = null;
  let pushTimer: unknown = null;
  let stopped = true;

  async function fetchFor(account: CalendarAccount): Promise<HttpFetch> {
    if (account.kind === 'ical') return authedFetch(ports.fetch, null);
    const password = await ports.secrets.get(secretKey(account.id));
    if (password === null) {
      throw new SyncError(
        ports.secrets.persistent
          ? 'The password of this account is missing from the keychain: connect the account again.'
          : 'This host keeps passwords only while it runs: connect the account again to sync.',
        'auth',
      );
    }
    return authedFetch(ports.fetch, { username: account.username, password });
  }

  /** Queues a job on the account's queue; resolves when it has run (its failure is in lastError). */
  function enqueue(accountId: string, job: 'sync' | 'push'): Promise<void> {
    const previous = tails.get(accountId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const account = findAccount(ctx, accountId);
      if (!account) return;
      if (job === 'push') pushQueued.delete(accountId);
      syncing.add(accountId);
      try {
        const fetch = await fetchFor(account);
        if (account.kind === 'ical') await syncSubscription(ctx, fetch, accountId);
        else if (job === 'sync') {
          await syncCalDavAccount(ctx, fetch, accountId, (p) => progress.set(accountId, p));
          lastSynced.set(accountId, new Date(clock.now()).toISOString());
        }
        else await pushCalDavAccount(ctx, fetch, accountId);
      } catch (error) {
        // A missing password never reached the engine: record it here.
        if (error instanceof SyncError && error.kind === 'auth' && findAccount(ctx, accountId)?.lastError !== error.message) {
          await recordError(accountId, error.message);
        }
      } finally {
        syncing.delete(accountId);
        progress.delete(accountId);
        lastRun.set(accountId, clock.now());
      }
    });
    tails.set(accountId, next);
    return next;
  }

  async function recordError(accountId: string, message: string): Promise<void> {
    await ctx.store
      .transact((tx) => {
        const state = ctx.store.state.calendarSync;
        tx.setCalendarSync({ ...state, accounts: state.accounts.map((a) => (a.id === accountId ? { ...a, lastError: message } : a)) });
      })
      .catch(() => undefined);
  }

  function schedule(): void {
    if (stopped) return;
    timer = clock.setTimeout(() => {
      timer = null;
      const now = clock.now();
      for (const account of ctx.store.state.calendarSync.accounts) {
        const every = account.kind === 'ical' ? ICAL_EVERY_MS : CALDAV_EVERY_MS;
        if (!account.paused && now - (lastRun.get(account.id) ?? 0) >= every - 1_000) void enqueue(account.id, 'sync');
      }
      schedule();
    }, CALDAV_EVERY_MS);
  }

  function schedulePush(): void {
    if (stopped || pushTimer !== null) return;
    pushTimer = clock.setTimeout(() => {
      pushTimer = null;
      for (const account of ctx.store.state.calendarSync.accounts) {
        if (account.kind !== 'caldav' || account.paused || !account.touchCalendarUrl || pushQueued.has(account.id)) continue;
        pushQueued.add(account.id);
        void enqueue(account.id, 'push');
      }
    }, PUSH_DELAY_MS);
  }

  return {
    enqueue,
    syncing: (accountId: string) => syncing.has(accountId),
    progress: (accountId: string) => progress.get(accountId) ?? null,
    /** The later of the stored time of the last sync and the last quiet one. */
    lastSyncAt: (account: CalendarAccount): string | null => {
      const quiet = lastSynced.get(account.id) ?? null;
      return account.lastError === null && quiet !== null && (account.lastSyncAt === null || quiet > account.lastSyncAt) ? quiet : account.lastSyncAt;
    },
    /** Resolves when every queued sync has run. */
    async idle(): Promise<void> {
      let size = -1;
      while (size !== tails.size) {
        size = tails.size;
        await Promise.all(tails.values());
      }
    },
    /** Starts the timers: a first sync of every account at once, then periodically; pushes after changes. */
    start(): () => void {
      stopped = false;
      const unsubscribe = ctx.store.onCommitted((changed) => {
        if (changed.has('touches') || changed.has('prospects') || changed.has('deals')) schedulePush();
      });
      for (const account of ctx.store.state.calendarSync.accounts) if (!account.paused) void enqueue(account.id, 'sync');
      schedule();
      return unsubscribe;
    },
    stop(): void {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      if (pushTimer !== null) clock.clearTimeout(pushTimer);
      timer = pushTimer = null;
    },
  };
}
export type SyncRunner = ReturnType<typeof createSyncRunner>;
