// Channels for the calendar: the events of a visible range, and moving touches and meetings (with undo).
import { z } from 'zod';
import { actionSchema, allDaySpanSchema, idSchema, instantSchema, touchDueSchema, type Action, type Channel, type TouchDue, type TouchStatus } from '../schema';
import type { MeetingTimes } from '../domain/meetingTimes';
import type { MeetingStage } from '../domain/readiness';
import { returns } from './returns';

/** A meeting as the calendar shows it. */
export interface CalendarMeetingEvent {
  kind: 'meeting';
  id: string;
  title: string;
  /** Instants for a timed meeting; local dates (end exclusive) for an all-day one. */
  start: string;
  end: string;
  allDay: boolean;
  /** True when the calendar cancelled the meeting (it is shown struck through). */
  cancelled: boolean;
  dealId: string | null;
  dealTitle: string | null;
  prospectId: string | null;
  prospectCompany: string | null;
  /** Plan readiness (meetingReadiness): what is still missing before the meeting. */
  ready: boolean;
  missing: string[];
  /** True once the meeting has a debrief. */
  debriefed: boolean;
  /** Before the meeting its plan matters; after it, its debrief (readiness.ts). */
  stage: MeetingStage;
  /** True when the meeting has started already (by main's clock). */
  past: boolean;
}

/** A touch as the calendar shows it. */
export interface CalendarTouchEvent {
  kind: 'touch';
  id: string;
  title: string;
  value: string;
  action: Action;
  channel: Channel;
  status: TouchStatus;
  due: TouchDue;
  allDay: boolean;
  /** The local date (all-day) or the ISO instant (timed) the touch is due. */
  start: string;
  /** A planned touch whose due time has passed (by main's clock). */
  overdue: boolean;
  locked: boolean;
  prospectId: string;
  prospectCompany: string;
  dealId: string | null;
  dealTitle: string | null;
  meetingId: string | null;
}

export type CalendarEvent = CalendarMeetingEvent | CalendarTouchEvent;

/** The month view's events: at most maxPerDay a day, and how many more each full day has. */
export interface MonthRange {
  events: CalendarEvent[];
  more: { date: string; count: number }[];
}

export const MOVE_WARNING_CODES = ['non-working-day', 'outside-working-hours', 'before-meeting'] as const;
export type MoveWarningCode = (typeof MOVE_WARNING_CODES)[number];
export interface MoveWarning {
  code: MoveWarningCode;
  /** A sentence for the rep. */
  message: string;
}

/** One record a move changes: a touch's due, or a meeting's start and end. */
export type CalendarChange =
  | { kind: 'touch'; id: string; title: string; before: TouchDue; after: TouchDue }
  | { kind: 'meeting'; id: string; title: string; before: MeetingTimes; after: MeetingTimes };

export interface MovePreview {
  /** What moveTouch with the same request would change (nothing is saved). */
  changes: CalendarChange[];
  warnings: MoveWarning[];
  /** How many later planned, unlocked touches of the same sequence would move with mode 'later'. */
  laterCount: number;
}

export interface MoveResult {
  changes: CalendarChange[];
  /** Pass to calendar.undo to restore every record the move changed. Null when nothing changed. */
  undoId: string | null;
}

const shiftModeSchema = z.enum(['this', 'later']);

export const calendarRangeRequestSchema = z.object({
  /** The visible range, as ISO instants: [from, to). */
  from: instantSchema,
  to: instantSchema,
  dealId: idSchema.optional(),
  /** Only touches with these actions (meetings always show). Absent or empty: every action. */
  actions: z.array(actionSchema).optional(),
  /** Show done and skipped touches too. */
  showDone: z.boolean().default(true),
});

export const moveTouchRequestSchema = z.object({
  touchId: idSchema,
  due: touchDueSchema,
  mode: shiftModeSchema.default('this'),
});

/** Where a meeting is moved: a start and an end (it is then timed), or all-day dates (dropped in the all-day row). */
const meetingMoveSchema = z.object({
  meetingId: idSchema,
  start: instantSchema.optional(),
  end: instantSchema.optional(),
  allDay: allDaySpanSchema.optional(),
});

export const calendarChannels = {
  'calendar.range': { request: calendarRangeRequestSchema, response: returns<CalendarEvent[]>() },
  'calendar.monthRange': {
    request: calendarRangeRequestSchema.extend({ maxPerDay: z.number().int().min(1).max(50).default(4) }),
    response: returns<MonthRange>(),
  },
  'calendar.previewMove': { request: moveTouchRequestSchema, response: returns<MovePreview>() },
  'calendar.moveTouch': { request: moveTouchRequestSchema, response: returns<MoveResult>() },
  /** What calendar.moveMeeting with moveTouches would change (nothing is saved). */
  'calendar.previewMeetingMove': {
    request: meetingMoveSchema,
    response: returns<{ changes: CalendarChange[] }>(),
  },
  'calendar.moveMeeting': {
    request: meetingMoveSchema.extend({
      /** Move the meeting's planned, unlocked follow-ups by the same business-day offset. */
      moveTouches: z.boolean().default(true),
    }),
    response: returns<MoveResult>(),
  },
  'calendar.undo': { request: z.object({ undoId: z.string().min(1).max(100) }), response: returns<{ restored: number }>() },
} as const;
