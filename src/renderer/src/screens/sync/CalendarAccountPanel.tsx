// Settings > Calendar account: connect a CalDAV server (or subscribe to an iCal address), choose the calendars
// to read meetings from and the one to write touches to, sync now, pause, disconnect; the status in plain words.
// Self-contained: it talks to the host only through the calendarSync channels.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AccountView, SyncStatus } from '../../../../shared/contract/calendarSync';
import { call } from '../../api/client';

const CREATE = '__create__';
const NONE = '';

function useSyncStatus() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const reload = useCallback(() => void call('calendarSync.status', {}).then(setStatus, () => undefined), []);
  useEffect(reload, [reload]);
  const busy = status?.accounts.some((a) => a.syncing) ?? false;
  useEffect(() => {
    if (!busy) return;
    const timer = window.setInterval(reload, 1_000); // progress of a first sync
    return () => window.clearInterval(timer);
  }, [busy, reload]);
  return { status, reload, setStatus };
}

export function CalendarAccountPanel() {
  const { status, reload, setStatus } = useSyncStatus();
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    }
    reload();
  };
  return (
    <section className="panel" aria-labelledby="calendar-account-title">
      <h2 id="calendar-account-title">Calendar account</h2>
      <p>
        Meetings come in from your calendar server (iCloud, Fastmail, Nextcloud… through CalDAV); your planned touches go out to a
        calendar of your choice, so they reach your phone. Google and Outlook: subscribe to their secret or published iCal address
        (read-only).
      </p>
      {status && !status.passwordsKept && (
        <p className="muted">This host keeps passwords in memory only: after a restart, connect the account again.</p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {status?.accounts.map((account) => (
        // Re-created when the server's answer changes the choices (a calendar created, the list refreshed).
        <AccountCard key={`${account.id} ${account.touchCalendarUrl} ${account.calendars.map((c) => `${c.url}:${c.read}`).join()}`} account={account} run={run} onStatus={setStatus} />
      ))}
      <ConnectForm run={run} />
      <SubscribeForm run={run} />
    </section>
  );
}

type Run = (action: () => Promise<unknown>) => Promise<void>;

function ConnectForm({ run }: { run: Run }) {
  const [server, setServer] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await call('calendarSync.connect', { server, username, password });
      setPassword('');
    });
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Connect a CalDAV account">
      <label>
        CalDAV server
        <input value={server} onChange={(e) => setServer(e.target.value)} placeholder="caldav.fastmail.com" required />
      </label>
      <label>
        User name
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
      </label>
      <label>
        App password
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
      </label>
      <div className="form-actions">
        <button type="submit">Connect</button>
      </div>
    </form>
  );
}

function SubscribeForm({ run }: { run: Run }) {
  const [url, setUrl] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await call('calendarSync.subscribe', { url, label: '' });
      setUrl('');
    });
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Subscribe to an iCal address">
      <label>
        iCal address
        <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://calendar.google.com/calendar/ical/…/basic.ics" required />
      </label>
      <div className="form-actions">
        <button type="submit" className="secondary">
          Subscribe
        </button>
      </div>
    </form>
  );
}

function statusLine(account: AccountView): string {
  if (account.syncing) {
    const p = account.progress;
    return p && p.total > 0 ? `Syncing: ${p.done} of ${p.total} events read…` : 'Syncing…';
  }
  if (account.paused) return 'Paused.';
  const last = account.lastSyncAt ? `Last sync ${new Date(account.lastSyncAt).toLocaleString()}.` : 'Not synced yet.';
  return account.pending > 0 ? `${last} ${account.pending} touch change(s) waiting to be sent.` : last;
}

function AccountCard({ account, run, onStatus }: { account: AccountView; run: Run; onStatus: (s: SyncStatus) => void }) {
  const [read, setRead] = useState(() => new Set(account.calendars.filter((c) => c.read).map((c) => c.url)));
  const [touches, setTouches] = useState(account.touchCalendarUrl ?? NONE);
  const hasTouchplan = account.calendars.some((c) => c.name === 'Touchplan');
  const save = () =>
    run(() =>
      call('calendarSync.choose', {
        accountId: account.id,
        read: [...read].filter((url) => url !== touches),
        touchCalendar: touches === CREATE ? { kind: 'create' } : touches === NONE ? { kind: 'none' } : { kind: 'existing', url: touches },
      }),
    );
  return (
    <article className="panel" aria-label={`Calendar account ${account.label}`}>
      <h3>{account.label}</h3>
      <p role="status">{statusLine(account)}</p>
      {account.lastError && (
        <p className="form-error" role="alert">
          {account.lastError}
        </p>
      )}
      {account.kind === 'caldav' && (
        <fieldset>
          <legend>Read meetings from</legend>
          {account.calendars.map((c) => (
            <label key={c.url} style={{ display: 'block' }}>
              <input
                type="checkbox"
                checked={read.has(c.url)}
                disabled={c.url === touches}
                onChange={(e) => {
                  const next = new Set(read);
                  if (e.target.checked) next.add(c.url);
                  else next.delete(c.url);
                  setRead(next);
                }}
              />
              {c.name}
            </label>
          ))}
          <label style={{ display: 'block' }}>
            Write touches to
            <select value={touches} onChange={(e) => setTouches(e.target.value)}>
              <option value={NONE}>Nowhere</option>
              {account.calendars.map((c) => (
                <option key={c.url} value={c.url}>
                  {c.name}
                </option>
              ))}
              {!hasTouchplan && <option value={CREATE}>A new calendar named “Touchplan”</option>}
            </select>
          </label>
          <button type="button" onClick={() => void save()}>
            Save calendars
          </button>
        </fieldset>
      )}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => void run(async () => onStatus(await call('calendarSync.syncNow', { accountId: account.id })))}>
          Sync now
        </button>
        <button type="button" className="secondary" onClick={() => void run(() => call('calendarSync.pause', { accountId: account.id, paused: !account.paused }))}>
          {account.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="secondary" onClick={() => void run(() => call('calendarSync.disconnect', { accountId: account.id }))}>
          Disconnect
        </button>
      </div>
    </article>
  );
}
