// Sequences: a template's steps planned from a meeting, and reschedule-with-shift.
import type { Action, Channel, Settings, TemplateStep, Touch, TouchDue } from '../schema';
import { addBusinessDays, businessDaysBetween, clampTimeToWorkingHours } from './businessDays';
import {
  type InstantInput,
  type LocalDate,
  dueLocalDate,
  dueSortKey,
  instantAt,
  localDateOf,
  localTimeOf,
  sameDue,
} from './time';

/** A touch planned from a template step, before it gets an id, a deal and timestamps. */
export interface TouchDraft {
  stepId: string;
  due: TouchDue;
  channel: Channel;
  action: Action;
  title: string;
  value: string;
}

/** One touch moved by a reschedule. */
export interface TouchShift {
  id: string;
  before: TouchDue;
  after: TouchDue;
}

/** 'this' moves only the dragged touch; 'later' also moves the later planned, unlocked touches of its sequence. */
export type ShiftMode = 'this' | 'later';

/** The fields of a touch that shifting reads. */
export type ShiftableTouch = Pick<Touch, 'id' | 'due' | 'status' | 'locked' | 'meetingId'>;

/**
 * The touches of a template planned after a meeting. A step's date is `offsetDays` business days
 * after the meeting's local date (when the meeting falls on a non-working day, offsets count from the
 * next working day, so every step keeps its own day). A step with a time is due at that wall-clock
 * time in settings.timeZone (so DST changes keep the time), moved into working hours; a step without
 * a time is all-day. Drafts come out in date order (steps with equal offsets keep their order).
 */
export function planSequence(
  steps: readonly TemplateStep[],
  anchor: { meetingStart: InstantInput },
  settings: Settings,
): TouchDraft[] {
  const base = addBusinessDays(localDateOf(anchor.meetingStart, settings.timeZone), 0, settings);
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.offsetDays - b.step.offsetDays || a.index - b.index)
    .map(({ step }) => {
      const date = addBusinessDays(base, step.offsetDays, settings);
      const due: TouchDue = step.time
        ? { allDay: false, at: instantAt(date, clampTimeToWorkingHours(step.time, settings), settings.timeZone) }
        : { allDay: true, date };
      return {
        stepId: step.id,
        due,
        channel: step.channel,
        action: step.action,
        title: step.title,
        value: step.value,
      };
    });
}

/** A due moved by a signed number of business days; a timed due keeps its local wall-clock time. */
export function shiftDueByBusinessDays(due: TouchDue, offset: number, settings: Settings): TouchDue {
  if (offset === 0) return due;
  if (due.allDay) return { allDay: true, date: addBusinessDays(due.date, offset, settings) };
  const date = addBusinessDays(localDateOf(due.at, settings.timeZone), offset, settings);
  return { allDay: false, at: instantAt(date, localTimeOf(due.at, settings.timeZone), settings.timeZone) };
}

/**
 * Business days between two dates as a shift offset: both ends are first moved to a working day
 * (a drop on Saturday counts as the Monday), so a move of Friday -> Monday is +1.
 */
export function shiftOffset(from: LocalDate, to: LocalDate, settings: Settings): number {
  return businessDaysBetween(addBusinessDays(from, 0, settings), addBusinessDays(to, 0, settings), settings);
}

const canShift = (t: ShiftableTouch): boolean => t.status === 'planned' && !t.locked;

/**
 * Reschedule-with-shift. The moved touch gets `newDue` (even if locked: the rep moved it by hand).
 * Mode 'later' also moves every planned, unlocked touch of the same sequence (same meetingId) that was
 * due after the moved touch, by the same signed business-day offset: their spacing is kept and timed
 * ones keep their wall-clock time. Locked, done and skipped touches stay. A touch without a meeting
 * has no sequence: only it moves. Returns the changes (touches whose due did not change are left out).
 */
export function shiftTouches(
  touches: readonly ShiftableTouch[],
  movedId: string,
  newDue: TouchDue,
  mode: ShiftMode,
  settings: Settings,
): TouchShift[] {
  const moved = touches.find((t) => t.id === movedId);
  if (!moved) throw new Error(`Touch ${movedId} is not in the sequence being shifted`);
  const changes: TouchShift[] = [];
  if (!sameDue(moved.due, newDue)) changes.push({ id: moved.id, before: moved.due, after: newDue });
  if (mode === 'this' || moved.meetingId === null) return changes;

  const offset = shiftOffset(
    dueLocalDate(moved.due, settings.timeZone),
    dueLocalDate(newDue, settings.timeZone),
    settings,
  );
  if (offset === 0) return changes;
  const movedKey = dueSortKey(moved.due, settings);
  for (const t of touches) {
    if (t.id === moved.id || t.meetingId !== moved.meetingId || !canShift(t)) continue;
    if (dueSortKey(t.due, settings) <= movedKey) continue;
    const after = shiftDueByBusinessDays(t.due, offset, settings);
    if (!sameDue(t.due, after)) changes.push({ id: t.id, before: t.due, after });
  }
  return changes;
}

/**
 * When a meeting moves, its planned, unlocked follow-ups move by the same number of business days
 * (timed ones keep their wall-clock time). Pass the touches of that meeting.
 */
export function shiftForMeetingMove(
  oldStart: InstantInput,
  newStart: InstantInput,
  touches: readonly ShiftableTouch[],
  settings: Settings,
): TouchShift[] {
  const offset = shiftOffset(
    localDateOf(oldStart, settings.timeZone),
    localDateOf(newStart, settings.timeZone),
    settings,
  );
  if (offset === 0) return [];
  const changes: TouchShift[] = [];
  for (const t of touches) {
    if (!canShift(t)) continue;
    const after = shiftDueByBusinessDays(t.due, offset, settings);
    if (!sameDue(t.due, after)) changes.push({ id: t.id, before: t.due, after });
  }
  return changes;
}
