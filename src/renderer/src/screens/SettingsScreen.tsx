// Settings: the working week that business days are counted in, reminders, and where the data lives.
import { hrefOf } from '../router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Settings, Theme } from '../../../shared/schema';
import { call, useQuery } from '../api/client';
import { FieldError, messagesFor, useFieldErrors } from '../components/FieldError';
import { useAction, useToast } from '../components/Toasts';
import { BackupsPanel } from './BackupsPanel';
import { CalendarAccountPanel } from './sync/CalendarAccountPanel';

const WEEKDAYS = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [7, 'Sun'],
] as const;

function timeZoneChoices(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

export function SettingsScreen() {
  const settings = useQuery('settings.get', {});
  return (
    <section className="screen" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      {settings.data && <SettingsForm key={JSON.stringify(settings.data)} saved={settings.data} />}
      <CalendarAccountPanel />
      <BackupsPanel />
      <section className="panel" aria-labelledby="interop-title">
        <h2 id="interop-title">Import &amp; export</h2>
        <p>
          <a href={hrefOf({ screen: 'import' })}>Import &amp; export</a>: calendar files, prospects from a CRM, a full backup.
        </p>
      </section>
    </section>
  );
}

/** The form starts from the saved settings and is re-created (by key) whenever they change. */
function SettingsForm({ saved }: { saved: Settings }) {
  const [draft, setDraft] = useState<Settings>(saved);
  const [holidays, setHolidays] = useState(saved.nonWorkingDates.join(', '));
  const run = useAction();
  const toast = useToast();
  const { errors, capture } = useFieldErrors();
  const holidayErrors = messagesFor(errors, 'nonWorkingDates');
  const holidaysInput = useRef<HTMLInputElement>(null);
  const holidaysRefused = holidayErrors.length > 0;
  useEffect(() => {
    if (holidaysRefused) holidaysInput.current?.focus(); // the field may be scrolled out of view after Save
  }, [holidaysRefused, errors]);
  const set = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });
  const toggleDay = (day: number) =>
    set({ workingDays: draft.workingDays.includes(day) ? draft.workingDays.filter((d) => d !== day) : [...draft.workingDays, day].sort() });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const nonWorkingDates = holidays.split(/[\s,]+/).filter(Boolean);
    const ok = await run(() => capture(() => call('settings.update', { patch: { ...draft, nonWorkingDates } })));
    if (ok) toast({ kind: 'info', message: 'Settings saved.' });
  };

  return (
      <form className="form settings" onSubmit={save}>
        <fieldset>
          <legend>Working week</legend>
          <div className="weekdays" role="group" aria-label="Working days">
            {WEEKDAYS.map(([day, label]) => (
              <label key={day} className="chip">
                <input type="checkbox" checked={draft.workingDays.includes(day)} onChange={() => toggleDay(day)} />
                {label}
              </label>
            ))}
          </div>
          <div className="form-row">
            <label>
              Working day starts
              <input type="time" value={draft.workdayStart} onChange={(e) => set({ workdayStart: e.target.value })} />
            </label>
            <label>
              Working day ends
              <input type="time" value={draft.workdayEnd} onChange={(e) => set({ workdayEnd: e.target.value })} />
            </label>
            <label>
              Time zone
              <select value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
                {timeZoneChoices(draft.timeZone).map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label>
            Non-working dates (holidays), as YYYY-MM-DD separated by commas
            <input
              ref={holidaysInput}
              value={holidays}
              onChange={(e) => setHolidays(e.target.value)}
              placeholder="2026-12-24, 2026-12-25"
              aria-invalid={holidayErrors.length > 0}
              aria-describedby={holidayErrors.length > 0 ? 'holidays-error' : undefined}
            />
            <FieldError id="holidays-error" messages={holidayErrors} />
          </label>
          <label>
            Your company’s email domain
            <input
              value={draft.ownDomain}
              onChange={(e) => set({ ownDomain: e.target.value })}
              placeholder="example.com"
              aria-describedby="own-domain-hint"
            />
            <span id="own-domain-hint" className="muted field-hint">
              Never offered as a prospect when you import a calendar. Filled in from your first calendar import.
            </span>
          </label>
          <label>
            Week starts on
            <select value={draft.weekStartsOn} onChange={(e) => set({ weekStartsOn: Number(e.target.value) })}>
              <option value={1}>Monday</option>
              <option value={0}>Sunday</option>
              <option value={6}>Saturday</option>
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>Reminders</legend>
          <div className="form-row">
            <label>
              Morning digest at
              <input type="time" value={draft.digestTime} onChange={(e) => set({ digestTime: e.target.value })} />
            </label>
            <label>
              Meeting reminder (minutes before)
              <input type="number" min={0} value={draft.meetingLeadMinutes} onChange={(e) => set({ meetingLeadMinutes: Number(e.target.value) })} />
            </label>
            <label>
              Touch reminder (minutes before)
              <input type="number" min={0} value={draft.touchLeadMinutes} onChange={(e) => set({ touchLeadMinutes: Number(e.target.value) })} />
            </label>
          </div>
          <label className="check">
            <input type="checkbox" checked={draft.notifyOutsideWorkingHours} onChange={(e) => set({ notifyOutsideWorkingHours: e.target.checked })} />
            Notify me outside working hours too
          </label>
        </fieldset>
        <fieldset>
          <legend>Follow-up</legend>
          <label className="check">
            <input type="checkbox" checked={draft.autoFirstTouch} onChange={(e) => set({ autoFirstTouch: e.target.checked })} />
            Plan a first touch within one business day for every new prospect and deal
          </label>
          <label>
            When I drag a touch that has later touches
            <select value={draft.shiftDefault} onChange={(e) => set({ shiftDefault: e.target.value as Settings['shiftDefault'] })}>
              <option value="ask">Ask me each time</option>
              <option value="this">Move only that touch</option>
              <option value="later">Move it and the later ones, keeping their spacing</option>
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>App</legend>
          <label>
            Appearance
            <select value={draft.theme} onChange={(e) => set({ theme: e.target.value as Theme })}>
              <option value="system">Same as the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.closeToTray} onChange={(e) => set({ closeToTray: e.target.checked })} />
            Keep Touchplan in the tray when the window is closed
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.openAtLogin} onChange={(e) => set({ openAtLogin: e.target.checked })} />
            Start Touchplan at login
          </label>
        </fieldset>
        <div className="form-actions">
          <button type="submit">Save settings</button>
        </div>
      </form>
  );
}
