// "New meeting" for a time range selected on the calendar: choose a deal, a title, and adjust the times.
import { useState, type FormEvent } from 'react';
import { instantAt } from '../../../../shared/domain/time';
import type { Meeting } from '../../../../shared/schema';
import { call, useQuery } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FormError, useFormAction } from '../../components/Toasts';
import { MeetingTimeFields, type MeetingTime } from './MeetingTimeFields';

/** Where a new meeting goes: a local date and start and end times. */
export type MeetingSlot = MeetingTime;

export function NewMeetingDialog({
  slot,
  timeZone,
  defaultDealId,
  onClose,
  onCreated,
}: {
  slot: MeetingSlot;
  timeZone: string;
  defaultDealId?: string;
  onClose: () => void;
  onCreated: (meeting: Meeting) => void;
}) {
  const deals = useQuery('deals.list', { includeClosed: false });
  const prospects = useQuery('prospects.list', { query: '', includeArchived: false });
  const { run, error } = useFormAction();
  const [dealId, setDealId] = useState(defaultDealId ?? '');
  const [title, setTitle] = useState('');
  const [time, setTime] = useState<MeetingTime>(slot);
  const { date, start, end } = time;
  const [saving, setSaving] = useState(false);
  const company = (prospectId: string) => prospects.data?.find((p) => p.id === prospectId)?.company;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    await run(async () => {
      if (!dealId) throw new Error('Choose the deal this meeting is for.');
      if (!date || !start || !end) throw new Error('Enter the date, start and end of the meeting.');
      const meeting = await call('meetings.create', {
        dealId,
        title,
        start: instantAt(date, start, timeZone),
        end: instantAt(date, end, timeZone),
      });
      onCreated(meeting);
    });
    setSaving(false);
  };

  return (
    <Dialog title="New meeting" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <label>
          Deal
          <select value={dealId} onChange={(e) => setDealId(e.target.value)} required>
            <option value="">Choose a deal…</option>
            {deals.data?.map((d) => (
              <option key={d.id} value={d.id}>
                {company(d.prospectId) ? `${company(d.prospectId)}: ${d.title}` : d.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Meeting title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
        </label>
        <MeetingTimeFields value={time} onChange={setTime} />
        <p className="muted">Times are in {timeZone}.</p>
        <FormError error={error} />
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={saving}>
            Create meeting
          </button>
        </div>
      </form>
    </Dialog>
  );
}
