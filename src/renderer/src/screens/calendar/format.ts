// Display helpers of the calendar: dates in the rep's time zone, labels, and the undo history of moves.
import type { CalendarChange } from '../../../../shared/contract/calendar';
import { addCalendarDays } from '../../../../shared/domain/time';
import type { AllDaySpan, TouchDue } from '../../../../shared/schema';

/** Where a meeting is moved: a start and an end, or the dates of an all-day meeting. */
export type MeetingTarget = { start: string; end: string } | { allDay: AllDaySpan };

const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "Thu, 12 Nov 2026" for a local date (YYYY-MM-DD). */
export function formatLocalDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateFormat.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();
/** "Thu, 12 Nov 2026, 10:00" for an instant, in the rep's time zone. */
export function formatInstant(instant: string, timeZone: string): string {
  let format = instantFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    instantFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

export function formatDue(due: TouchDue, timeZone: string): string {
  return due.allDay ? `${formatLocalDate(due.date)} (all day)` : formatInstant(due.at, timeZone);
}

/** "Thu, 3 Dec 2026 (all day)", or "Thu, 3 Dec 2026 – Fri, 4 Dec 2026 (all day)" for several days. */
export function formatAllDaySpan(span: AllDaySpan): string {
  const last = addCalendarDays(span.endDate, -1);
  return last === span.startDate ? `${formatLocalDate(span.startDate)} (all day)` : `${formatLocalDate(span.startDate)} – ${formatLocalDate(last)} (all day)`;
}

export function formatMeetingTarget(target: MeetingTarget, timeZone: string): string {
  return 'allDay' in target ? formatAllDaySpan(target.allDay) : formatInstant(target.start, timeZone);
}

/** A sentence describing a saved move, for the toast. */
export function describeMove(changes: CalendarChange[]): string {
  const first = changes[0];
  if (!first) return 'Nothing to move.';
  const others = changes.length - 1;
  const rest = others === 0 ? '' : first.kind === 'meeting' ? ` and ${others} follow-up${others === 1 ? '' : 's'}` : ` and ${others} later touch${others === 1 ? '' : 'es'}`;
  return `Moved “${first.title}”${rest}.`;
}
