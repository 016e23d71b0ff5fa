// Schedule a meeting for a deal (or edit one): title, start, end, place or link, attendees from the prospect's contacts.
import { useState, type FormEvent } from 'react';
import { addBusinessDays } from '../../../../shared/domain/businessDays';
import { addCalendarDays } from '../../../../shared/domain/time';
import type { Deal, Meeting, Prospect } from '../../../../shared/schema';
import { call, useQuery } from '../../api/client';
import { FormError, useFormAction } from '../../components/Toasts';
import { fromLocalInput, todayIn, toLocalInput } from '../../dates';

function defaultStart(zone: string, settings: Parameters<typeof addBusinessDays>[2] | undefined): string {
  const date = settings ? addBusinessDays(todayIn(zone), 1, settings) : todayIn(zone);
  return `${date}T10:00`;
}

const plusMinutes = (local: string, minutes: number, zone: string): string | null => {
  const start = fromLocalInput(local, zone);
  return start ? toLocalInput(new Date(Date.parse(start) + minutes * 60_000).toISOString(), zone) : null;
};

export function MeetingForm({
  deal,
  prospect,
  meeting,
  zone,
  onDone,
}: {
  deal: Deal;
  prospect: Prospect;
  meeting?: Meeting;
  zone: string;
  onDone: (saved: Meeting) => void;
}) {
  const settings = useQuery('settings.get', {});
  const { run, error } = useFormAction();
  const [title, setTitle] = useState(meeting?.title ?? `${deal.title}: discovery`);
  const initialStart = meeting ? toLocalInput(meeting.start, zone) : defaultStart(zone, settings.data);
  const [start, setStart] = useState(initialStart);
  const [end, setEnd] = useState(meeting ? toLocalInput(meeting.end, zone) : (plusMinutes(initialStart, 60, zone) ?? ''));
  const [allDay, setAllDay] = useState(meeting?.allDay != null);
  const [firstDay, setFirstDay] = useState(meeting?.allDay?.startDate ?? initialStart.slice(0, 10));
  const [lastDay, setLastDay] = useState(meeting?.allDay ? addCalendarDays(meeting.allDay.endDate, -1) : initialStart.slice(0, 10));
  const [location, setLocation] = useState(meeting?.location ?? '');
  const [attendees, setAttendees] = useState<string[]>(meeting?.attendeeIds ?? []);
  const [saving, setSaving] = useState(false);

  const changeStart = (value: string) => {
    // Keep the duration when the start moves.
    const oldStart = fromLocalInput(start, zone);
    const oldEnd = fromLocalInput(end, zone);
    const minutes = oldStart && oldEnd ? Math.max(15, (Date.parse(oldEnd) - Date.parse(oldStart)) / 60_000) : 60;
    setStart(value);
    const next = plusMinutes(value, minutes, zone);
    if (next) setEnd(next);
  };

  /** All day: the dates (the last one inclusive here, exclusive in the record); else the start and end. */
  const when = () => {
    if (allDay) {
      if (!firstDay || !lastDay) throw new Error('Enter the first and last day of the meeting.');
      if (lastDay < firstDay) throw new Error('The last day cannot be before the first day.');
      return { allDay: { startDate: firstDay, endDate: addCalendarDays(lastDay, 1) } };
    }
    const startAt = fromLocalInput(start, zone);
    const endAt = fromLocalInput(end, zone);
    if (!startAt || !endAt) throw new Error('Enter when the meeting starts and ends.');
    return { start: startAt, end: endAt, allDay: null };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    await run(async () => {
      const fields = { title, ...when(), location, attendeeIds: attendees };
      const saved = meeting
        ? await call('meetings.update', { id: meeting.id, patch: fields })
        : await call('meetings.create', { ...fields, dealId: deal.id });
      onDone(saved);
    });
    setSaving(false);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <label>
        Meeting title
        <input value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
      </label>
      <label className="check">
        <input type="checkbox" checked={allDay} onChange={(e) => setAllDay(e.target.checked)} />
        All day
      </label>
      {allDay ? (
        <div className="form-row">
          <label>
            First day
            <input type="date" value={firstDay} onChange={(e) => setFirstDay(e.target.value)} required />
          </label>
          <label>
            Last day
            <input type="date" value={lastDay} onChange={(e) => setLastDay(e.target.value)} required />
          </label>
        </div>
      ) : (
        <div className="form-row">
          <label>
            Starts
            <input type="datetime-local" value={start} onChange={(e) => changeStart(e.target.value)} required />
          </label>
          <label>
            Ends
            <input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} required />
          </label>
        </div>
      )}
      {meeting && !allDay && !meeting.allDay && meeting.start !== fromLocalInput(start, zone) && (
        <p className="plan-hint">Changing the time here keeps the follow-up dates. To move the meeting with its touches, drag it on the Calendar.</p>
      )}
      <label>
        Place or link
        <input value={location} onChange={(e) => setLocation(e.target.value)} placeholder="Their office, or a video link" />
      </label>
      <fieldset>
        <legend>Attendees</legend>
        {prospect.contacts.length === 0 ? (
          <p className="muted">{prospect.company} has no contacts yet: add them on the prospect.</p>
        ) : (
          <div className="plan-attendees">
            {prospect.contacts.map((c) => (
              <label key={c.id} className="check">
                <input
                  type="checkbox"
                  checked={attendees.includes(c.id)}
                  onChange={(e) => setAttendees((all) => (e.target.checked ? [...all, c.id] : all.filter((a) => a !== c.id)))}
                />
                {c.name}
                {c.role && <span className="muted"> · {c.role}</span>}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {meeting ? 'Save meeting' : 'Schedule meeting'}
        </button>
      </div>
    </form>
  );
}
