// The calendar's moves: where a meeting goes, the sentence a saved move shows, and the undo history of moves.
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

/** Undo ids of the moves made in this window, newest last (main keeps the records). */
const undoStack: string[] = [];
export const undoHistory = {
  push(id: string | null) {
    if (id) undoStack.push(id);
    if (undoStack.length > 50) undoStack.shift();
  },
  pop: (): string | undefined => undoStack.pop(),
  remove(id: string) {
    const at = undoStack.lastIndexOf(id);
    if (at >= 0) undoStack.splice(at, 1);
  },
};
