// A meeting's day and its start and end times, as the New meeting dialog and the side panel's move form ask them.
export interface MeetingTime {
  date: string;
  start: string;
  end: string;
}

export function MeetingTimeFields({
  value,
  onChange,
  dateLabel = 'Date',
}: {
  value: MeetingTime;
  onChange: (value: MeetingTime) => void;
  dateLabel?: string;
}) {
  return (
    <div className="form-row">
      <label>
        {dateLabel}
        <input type="date" value={value.date} onChange={(e) => onChange({ ...value, date: e.target.value })} required />
      </label>
      <label>
        Starts
        <input type="time" value={value.start} onChange={(e) => onChange({ ...value, start: e.target.value })} required />
      </label>
      <label>
        Ends
        <input type="time" value={value.end} onChange={(e) => onChange({ ...value, end: e.target.value })} required />
      </label>
    </div>
  );
}
