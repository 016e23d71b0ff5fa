// Dates and times for the planning screens, always in the rep's time zone from Settings.
import type { MeetingTimes } from '../../../../shared/domain/meetingTimes';
import { addCalendarDays, instantAt, localDateOf, localTimeOf } from '../../../../shared/domain/time';
import type { Settings, TouchDue } from '../../../../shared/schema';

export function zoneOf(settings: Pick<Settings, 'timeZone'> | undefined): string {
  return settings?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function fmt(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone });
    } catch {
      f = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, f);
  }
  return f;
}

/** "Wed 1 Apr 2026" for a local date (YYYY-MM-DD). */
export function formatDate(date: string): string {
  return fmt('UTC', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
}

/** "10:00" for an instant, in the zone. */
export function formatTime(instant: string, zone: string): string {
  return fmt(zone, { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(instant));
}

/** The local date of a due. */
export function dueDate(due: TouchDue, zone: string): string {
  return due.allDay ? due.date : localDateOf(due.at, zone);
}

/** "Wed 1 Apr 2026" (all day) or "Wed 1 Apr 2026, 10:00". */
export function formatDue(due: TouchDue, zone: string): string {
  return due.allDay ? formatDate(due.date) : `${formatDate(localDateOf(due.at, zone))}, ${formatTime(due.at, zone)}`;
}

/** "Fri 27 Mar 2026, 10:00–11:00". */
/** "Thu 3 Dec, 10:00–11:00"; an all-day meeting by its dates ("Thu 3 Dec, all day"; "Thu 3 Dec – Fri 4 Dec, all day"). */
export function formatMeetingTime(meeting: MeetingTimes, zone: string): string {
  if (meeting.allDay) {
    const last = addCalendarDays(meeting.allDay.endDate, -1);
    const first = formatDate(meeting.allDay.startDate);
    return last === meeting.allDay.startDate ? `${first}, all day` : `${first} – ${formatDate(last)}, all day`;
  }
  return `${formatDate(localDateOf(meeting.start, zone))}, ${formatTime(meeting.start, zone)}–${formatTime(meeting.end, zone)}`;
}

/** The value of a datetime-local input for an instant, in the zone. */
export function toLocalInput(instant: string, zone: string): string {
  return `${localDateOf(instant, zone)}T${localTimeOf(instant, zone)}`;
}

/** The instant of a datetime-local input value ("2026-03-27T10:00"), in the zone; null if incomplete. */
export function fromLocalInput(value: string, zone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? instantAt(m[1] as string, m[2] as string, zone) : null;
}

/** Today's local date in the zone. */
export function todayIn(zone: string): string {
  return localDateOf(Date.now(), zone);
}
