// When a meeting takes place. A timed meeting is two instants; an all-day meeting is its local dates (the
// calendar's truth, never moved by a time-zone change), with start/end instants derived from them in the rep's
// zone so that sorting, reminders and readiness treat every meeting alike.
import type { AllDaySpan, Meeting } from '../schema';
import { addCalendarDays, calendarDaysBetween, instantAt, localDateOf } from './time';

export type MeetingTimes = Pick<Meeting, 'start' | 'end' | 'allDay'>;

/** The start and end instants of an all-day span: 00:00 of its first day and of the day after its last. */
export function allDayInstants(span: AllDaySpan, timeZone: string): { start: string; end: string } {
  return { start: instantAt(span.startDate, '00:00', timeZone), end: instantAt(span.endDate, '00:00', timeZone) };
}

/** The times of an all-day meeting (instants derived from its dates), or of a timed one as given. */
export function meetingTimes(when: { allDay: AllDaySpan } | { start: string; end: string }, timeZone: string): MeetingTimes {
  if ('allDay' in when) return { ...allDayInstants(when.allDay, timeZone), allDay: when.allDay };
  return { start: when.start, end: when.end, allDay: null };
}

/** The same all-day meeting with its instants derived in another zone; a timed meeting is returned as it is. */
export function rezoned<M extends MeetingTimes>(meeting: M, timeZone: string): M {
  if (!meeting.allDay) return meeting;
  const { start, end } = allDayInstants(meeting.allDay, timeZone);
  return start === meeting.start && end === meeting.end ? meeting : { ...meeting, start, end };
}

/** How many days an all-day meeting spans (1 for a one-day event). */
export function allDayLength(span: AllDaySpan): number {
  return calendarDaysBetween(span.startDate, span.endDate);
}

/** The span moved to start on another date, keeping its length. */
export function allDaySpanFrom(startDate: string, length: number): AllDaySpan {
  return { startDate, endDate: addCalendarDays(startDate, Math.max(1, length)) };
}

/** The local date a meeting starts on: its first date when all-day, else its start in the zone. */
export function meetingStartDate(meeting: MeetingTimes, timeZone: string): string {
  return meeting.allDay ? meeting.allDay.startDate : localDateOf(meeting.start, timeZone);
}
