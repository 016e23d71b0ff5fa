// Meeting readiness: plan the outcome and the first follow-up before the meeting.
import type { Meeting, Settings, Touch } from '../schema';
import { addBusinessDays } from './businessDays';
import { type LocalDate, dueLocalDate, localDateOf } from './time';

/**
 * Where a meeting stands: still to happen (its plan matters), over without a debrief (the debrief is due),
 * debriefed (its outcome matters), or cancelled by the calendar.
 */
export type MeetingStage = 'upcoming' | 'debrief-due' | 'debriefed' | 'cancelled';

export interface MeetingReadiness {
  ready: boolean;
  /** What is still to do before the meeting, as sentences for the rep. */
  missing: string[];
  stage: MeetingStage;
  /** The debrief's outcome, once debriefed. */
  outcome?: 'ideal' | 'fallback' | 'none';
}

export function meetingStage(meeting: Pick<Meeting, 'end' | 'debrief' | 'cancelledAt'>, nowMs: number): MeetingStage {
  if (meeting.cancelledAt) return 'cancelled';
  if (meeting.debrief) return 'debriefed';
  return Date.parse(meeting.end) <= nowMs ? 'debrief-due' : 'upcoming';
}

export const READINESS_MISSING = {
  idealOutcome: 'Write the ideal outcome',
  callToAction: 'Write the call to action',
  firstTouch: 'Plan a first touch within one business day of the meeting',
} as const;

/** The last local date a meeting's first touch may be due: one business day after the meeting's date. */
export function firstTouchDeadline(meetingStart: string, settings: Settings): LocalDate {
  return addBusinessDays(localDateOf(meetingStart, settings.timeZone), 1, settings);
}

/**
 * A meeting is ready when its call plan has an ideal outcome and a call to action, and one of its
 * touches (not skipped) is due on the meeting's local date or at most one business day after it.
 * Touches of other meetings in the list are ignored.
 */
export function meetingReadiness(
  meeting: Pick<Meeting, 'id' | 'start' | 'end' | 'callPlan' | 'debrief' | 'cancelledAt'>,
  touchesOfMeeting: readonly Pick<Touch, 'meetingId' | 'due' | 'status'>[],
  settings: Settings,
  nowMs: number,
): MeetingReadiness {
  const stage = meetingStage(meeting, nowMs);
  const outcome = meeting.debrief ? { outcome: meeting.debrief.outcome } : {};
  const missing: string[] = [];
  if (meeting.callPlan.idealOutcome.trim() === '') missing.push(READINESS_MISSING.idealOutcome);
  if (meeting.callPlan.callToAction.trim() === '') missing.push(READINESS_MISSING.callToAction);
  const meetingDate = localDateOf(meeting.start, settings.timeZone);
  const deadline = addBusinessDays(meetingDate, 1, settings);
  const hasFirstTouch = touchesOfMeeting.some((t) => {
    if (t.meetingId !== meeting.id || t.status === 'skipped') return false;
    const date = dueLocalDate(t.due, settings.timeZone);
    return date >= meetingDate && date <= deadline;
  });
  if (!hasFirstTouch) missing.push(READINESS_MISSING.firstTouch);
  return { ready: missing.length === 0, missing, stage, ...outcome };
}
