// Add or edit one touch: when (all day, or a date and time), channel, action, title and the value the prospect gets.
import { ActionField, ChannelField } from '../../components/TouchKindFields';
import { useState, type FormEvent } from 'react';
import { addBusinessDays } from '../../../../shared/domain/businessDays';
import { localDateOf, localTimeOf } from '../../../../shared/domain/time';
import { type Action, type Channel, type Touch, type TouchDue } from '../../../../shared/schema';
import { call, useQuery } from '../../api/client';
import { FormError, useFormAction } from '../../components/Toasts';
import { LintWarning } from './bits';
import { fromLocalInput, todayIn } from '../../dates';

export function TouchForm({
  dealId,
  meetingId,
  touch,
  zone,
  defaultDate,
  onDone,
}: {
  dealId: string;
  meetingId?: string;
  touch?: Touch;
  zone: string;
  defaultDate?: string;
  onDone: (saved: Touch) => void;
}) {
  const settings = useQuery('settings.get', {});
  const { run, error } = useFormAction();
  const fallbackDate = defaultDate ?? (settings.data ? addBusinessDays(todayIn(zone), 1, settings.data) : todayIn(zone));
  const [allDay, setAllDay] = useState(touch ? touch.due.allDay : true);
  const [date, setDate] = useState(touch ? (touch.due.allDay ? touch.due.date : localDateOf(touch.due.at, zone)) : fallbackDate);
  const [time, setTime] = useState(touch && !touch.due.allDay ? localTimeOf(touch.due.at, zone) : '10:00');
  const [channel, setChannel] = useState<Channel>(touch?.channel ?? 'email');
  const [action, setAction] = useState<Action>(touch?.action ?? 'recap');
  const [title, setTitle] = useState(touch?.title ?? '');
  const [value, setValue] = useState(touch?.value ?? '');
  const [locked, setLocked] = useState(touch?.locked ?? false);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    await run(async () => {
      let due: TouchDue;
      if (allDay) due = { allDay: true, date };
      else {
        const at = fromLocalInput(`${date}T${time}`, zone);
        if (!at) throw new Error('Enter a date and a time.');
        due = { allDay: false, at };
      }
      const fields = { due, channel, action, title, value, locked };
      const saved = touch
        ? await call('touches.update', { id: touch.id, patch: fields })
        : await call('touches.create', { ...fields, dealId, meetingId: meetingId ?? null });
      onDone(saved);
    });
    setSaving(false);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-row">
        <label>
          Due date
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </label>
        <label>
          Time
          <input type="time" value={time} onChange={(e) => setTime(e.target.value)} disabled={allDay} />
        </label>
        <label className="check plan-check-bottom">
          <input type="checkbox" checked={allDay} onChange={(e) => setAllDay(e.target.checked)} />
          All day
        </label>
      </div>
      <div className="form-row">
        <ChannelField value={channel} onChange={setChannel} />
        <ActionField value={action} onChange={setAction} />
      </div>
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} required placeholder="Send the ROI model we discussed" />
      </label>
      <label>
        Value for them
        <textarea value={value} onChange={(e) => setValue(e.target.value)} rows={2} required placeholder="What the prospect gets from this touch" />
      </label>
      <LintWarning title={title} value={value} />
      <label className="check">
        <input type="checkbox" checked={locked} onChange={(e) => setLocked(e.target.checked)} />
        Locked (no shift or adaptation moves it)
      </label>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {touch ? 'Save touch' : 'Add touch'}
        </button>
      </div>
    </form>
  );
}
