// The calendar's moves: where a meeting goes and the sentence a saved move shows (undo and redo: moveHistory.ts).
import type { CalendarChange } from '../../../../shared/contract/calendar';
import type { AllDaySpan } from '../../../../shared/schema';
import { formatAllDaySpan, formatDateTime } from '../../dates';

/** Where a meeting is moved: a start and an end, or the dates of an all-day meeting. */
export type MeetingTarget = { start: string; end: string } | { allDay: AllDaySpan };

export function formatMeetingTarget(target: MeetingTarget, timeZone: string): string {
  return 'allDay' in target ? formatAllDaySpan(target.allDay) : formatDateTime(target.start, timeZone);
}

/** A sentence describing a saved move, for the toast. */
export function describeMove(changes: CalendarChange[]): string {
  const first = changes[0];
  if (!first) return 'Nothing to move.';
  const others = changes.length - 1;
  const rest = others === 0 ? '' : first.kind === 'meeting' ? ` and ${others} follow-up${others === 1 ? '' : 's'}` : ` and ${others} later touch${others === 1 ? '' : 'es'}`;
  return `Moved “${first.title}”${rest}.`;
}
