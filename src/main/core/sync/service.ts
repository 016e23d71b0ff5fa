// Calendar accounts as the channels see them: connect a CalDAV server (discovery, the password into the
// SecretStore), subscribe to an iCal address, choose the calendars, sync now, pause, the status, disconnect.
import type { AccountView, SyncStatus } from '../../../shared/contract/calendarSync';
import { calendarAccountSchema, type CalendarAccount } from '../../../shared/syncSchema';
import { ApiFailure, invalid, notFound } from '../errors';
import type { ServiceContext } from '../services/context';
import { findAccount, updateSync, workOf } from './accountState';
import { createCalendar, discover, listCalendars, type RemoteCalendar } from './caldav';
import { authedFetch, serverAddress, SyncError } from './http';
import { subscriptionAddress } from './ical';
import { answerQuestion } from './questions';
import { secretKey, type SyncPorts, type SyncRunner } from './runner';
import { pendingPushes } from './touchesOut';

const TOUCHPLAN_CALENDAR = 'Touchplan';

/** A SyncError as the refusal dispatch answers with. */
function refusal(error: unknown): unknown {
  if (error instanceof SyncError) return error.kind === 'offline' || error.kind === 'server' ? new ApiFailure('conflict', error.message) : invalid(error.message);
  return error;
}

async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw refusal(error);
  }
}

export function createCalendarSyncService(ctx: ServiceContext, ports: SyncPorts, runner: SyncRunner) {
  const getAccount = (id: string): CalendarAccount => {
    const account = findAccount(ctx, id);
    if (!account) throw notFound('Calendar account', id);
    return account;
  };

  const view = (account: CalendarAccount): AccountView => ({
    id: account.id,
    kind: account.kind,
    label: account.label,
    url: account.url,
    username: account.username,
    calendars: account.calendars.map((c) => ({ url: c.url, name: c.name, read: c.read, touches: c.url === account.touchCalendarUrl })),
    touchCalendarUrl: account.touchCalendarUrl,
    paused: account.paused,
    lastSyncAt: runner.lastSyncAt(account),
    lastError: account.lastError,
    syncing: runner.syncing(account.id),
    progress: runner.progress(account.id),
    pending: account.kind === 'caldav' && account.touchCalendarUrl ? countPending(account) : 0,
  });
  const countPending = (account: CalendarAccount) => {
    const { write, remove } = pendingPushes(ctx, workOf(account));
    return write.length + remove.length;
  };
  const viewOf = (id: string) => view(getAccount(id));

  /** The server's calendars merged into the stored ones (choices and read marks kept). */
  const mergeCalendars = (account: CalendarAccount, remote: RemoteCalendar[]): CalendarAccount['calendars'] =>
    remote
      .filter((c) => c.events)
      .map((c) => {
        const known = account.calendars.find((k) => k.url === c.url);
        return known ? { ...known, name: c.name } : { url: c.url, name: c.name, read: false, supportsSync: c.syncToken !== null, ctag: null, syncToken: null, objects: {} };
      });

  const saveAccount = (account: CalendarAccount) =>
    updateSync(ctx, (state) => ({ ...state, accounts: state.accounts.some((a) => a.id === account.id) ? state.accounts.map((a) => (a.id === account.id ? account : a)) : [...state.accounts, account] }));

  const fetchOf = async (account: CalendarAccount) => {
    const password = await ports.secrets.get(secretKey(account.id));
    if (password === null) throw new SyncError('This host no longer has the password of this account: connect it again.', 'auth');
    return authedFetch(ports.fetch, { username: account.username, password });
  };

  return {
    status(): SyncStatus {
      const { accounts, questions } = ctx.store.state.calendarSync;
      return { accounts: accounts.map(view), questions, passwordsKept: ports.secrets.persistent };
    },

    connect: (request: { server: string; username: string; password: string }): Promise<AccountView> =>
      refusing(async () => {
        const serverUrl = serverAddress(request.server);
        const credentials = { username: request.username, password: request.password };
        const found = await discover(authedFetch(ports.fetch, credentials), serverUrl);
        const existing = ctx.store.state.calendarSync.accounts.find((a) => a.kind === 'caldav' && a.homeUrl === found.homeUrl && a.username === request.username);
        const base = existing ?? calendarAccountSchema.parse({ id: ctx.newId(), kind: 'caldav', url: found.serverUrl, username: request.username, homeUrl: found.homeUrl, label: `${request.username} on ${new URL(found.serverUrl).host}` });
        const account = { ...base, calendars: mergeCalendars(base, found.calendars), lastError: null };
        await ports.secrets.set(secretKey(account.id), request.password);
        await saveAccount(account);
        return viewOf(account.id);
      }),

    subscribe: (request: { url: string; label: string }): Promise<AccountView> =>
      refusing(async () => {
        const url = subscriptionAddress(request.url);
        if (ctx.store.state.calendarSync.accounts.some((a) => a.kind === 'ical' && a.url === url)) throw invalid('That calendar address is already subscribed.');
        // Tried first: an address that does not answer a calendar is refused and nothing is stored.
        const probe = await authedFetch(ports.fetch, null)(url, { headers: { accept: 'text/calendar' } });
        await probe.body?.cancel();
        if (!probe.ok) throw new SyncError(`That address answered ${probe.status}${probe.status === 404 ? ' (not found)' : ''}: copy it again from your calendar.`, 'input');
        const label = request.label.trim() || new URL(url).host;
        const account = calendarAccountSchema.parse({ id: ctx.newId(), kind: 'ical', url, label });
        await saveAccount(account);
        await runner.enqueue(account.id, 'sync');
        return viewOf(account.id);
      }),

    calendars: (accountId: string): Promise<AccountView> =>
      refusing(async () => {
        const account = getAccount(accountId);
        if (account.kind !== 'caldav') return view(account);
        const remote = await listCalendars(await fetchOf(account), account.homeUrl, account.url);
        await saveAccount({ ...account, calendars: mergeCalendars(account, remote) });
        return viewOf(accountId);
      }),

    choose: (request: { accountId: string; read: string[]; touchCalendar: { kind: 'none' } | { kind: 'existing'; url: string } | { kind: 'create' } }): Promise<AccountView> =>
      refusing(async () => {
        let account = getAccount(request.accountId);
        if (account.kind !== 'caldav') throw invalid('An iCal address is read-only: it has no calendars to choose.');
        const known = new Set(account.calendars.map((c) => c.url));
        const unknown = request.read.find((url) => !known.has(url));
        if (unknown) throw invalid(`"${unknown.slice(0, 80)}" is not one of this account's calendars.`);
        let touchUrl: string | null = null;
        if (request.touchCalendar.kind === 'existing') {
          if (!known.has(request.touchCalendar.url)) throw invalid('The calendar chosen for touches is not one of this account\'s calendars.');
          touchUrl = request.touchCalendar.url;
        } else if (request.touchCalendar.kind === 'create') {
          const named = account.calendars.find((c) => c.name === TOUCHPLAN_CALENDAR);
          if (named) touchUrl = named.url;
          else {
            const fetch = await fetchOf(account);
            touchUrl = await createCalendar(fetch, account.homeUrl, 'touchplan', TOUCHPLAN_CALENDAR);
            account = { ...account, calendars: mergeCalendars(account, await listCalendars(fetch, account.homeUrl, account.url)) };
          }
        }
        if (touchUrl && request.read.includes(touchUrl)) throw invalid('The calendar the touches are written to cannot also be read for meetings.');
        const read = new Set(request.read);
        const changedTouchCalendar = touchUrl !== account.touchCalendarUrl;
        await saveAccount({
          ...account,
          calendars: account.calendars.map((c) => ({ ...c, read: read.has(c.url) })),
          touchCalendarUrl: touchUrl,
          ...(changedTouchCalendar ? { pushed: {}, touchCalendar: { syncToken: null, ctag: null } } : {}),
        });
        return viewOf(account.id);
      }),

    async syncNow(accountId?: string): Promise<SyncStatus> {
      const ids = accountId ? [getAccount(accountId).id] : ctx.store.state.calendarSync.accounts.filter((a) => !a.paused).map((a) => a.id);
      await Promise.all(ids.map((id) => runner.enqueue(id, 'sync')));
      return this.status();
    },

    /** Only the touches out, now (after a change; the bench). */
    pushNow: (accountId: string) => runner.enqueue(getAccount(accountId).id, 'push'),

    async pause(accountId: string, paused: boolean): Promise<AccountView> {
      const account = getAccount(accountId);
      await saveAccount({ ...account, paused });
      return viewOf(accountId);
    },

    async disconnect(accountId: string): Promise<null> {
      getAccount(accountId);
      await runner.idle();
      await updateSync(ctx, (state) => ({ ...state, accounts: state.accounts.filter((a) => a.id !== accountId) }));
      await ports.secrets.delete(secretKey(accountId));
      return null;
    },

    answer: (questionId: string, answer: 'apply' | 'keep') => answerQuestion(ctx, questionId, answer),
  };
}
export type CalendarSyncService = ReturnType<typeof createCalendarSyncService>;
