// The calendar: the meetings and touches of a visible range, and moving them (drag and drop, the date
// picker) with the business-day shift of a sequence, warnings, and undo.
//
// Undo: main keeps the last UNDO_LIMIT moves in memory (not across restarts). An undo restores every record
// the move changed exactly as it was before the move (updatedAt included). It is all or nothing: if any of
// those records was changed since the move (edited, done, moved again, deleted), the undo is refused with a
// conflict that names it, and nothing changes; a partial undo would break the spacing the rep chose.
import { capPerDay } from './calendarMonth';
import type {
  CalendarChange,
  CalendarEvent,
  CalendarMeetingEvent,
  CalendarTouchEvent,
  MovePreview,
  MoveResult,
  MoveWarning,
} from '../../../shared/contract/calendar';
import { addBusinessDays, isWithinWorkingHours, isWorkingDay } from '../../../shared/domain/businessDays';
import { meetingTimes, type MeetingTimes } from '../../../shared/domain/meetingTimes';
import { meetingReadiness } from '../../../shared/domain/readiness';
import { shiftForMeetingMove, shiftTouches, type ShiftMode, type TouchShift } from '../../../shared/domain/sequence';
import {
  addCalendarDays,
  dueLocalDate,
  instantKey,
  instantMs,
  isoWeekday,
  localDateOf,
  localTimeOf,
  toIsoInstant,
} from '../../../shared/domain/time';
import {
  meetingSchema,
  touchSchema,
  type Action,
  type AllDaySpan,
  type Meeting,
  type Settings,
  type Touch,
  type TouchDue,
} from '../../../shared/schema';
import { conflict, invalid, notFound } from '../errors';
import type { ServiceContext } from './context';

/** How many moves can be undone. */
export const UNDO_LIMIT = 50;

export interface RangeQuery {
  from: string;
  to: string;
  dealId?: string;
  actions?: Action[];
  showDone: boolean;
}

type Restorable = { collection: 'touches'; before: Touch; after: Touch } | { collection: 'meetings'; before: Meeting; after: Meeting };

interface UndoEntry {
  records: Restorable[];
}

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Saturday 14 November 2026" */
export function describeDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${WEEKDAYS[isoWeekday(date)]} ${Number(d)} ${MONTHS[Number(m)]} ${y}`;
}

/** A due in its canonical stored form (timed instants as ...Z, like Date#toISOString). */
function canonicalDue(due: TouchDue): TouchDue {
  return due.allDay ? { allDay: true, date: due.date } : { allDay: false, at: toIsoInstant(due.at) };
}

/** JSON with sorted keys, to compare records whatever order their keys were written in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Where a meeting goes: a start and an end, or the dates of an all-day meeting. */
export interface MeetingMoveTarget {
  meetingId: string;
  start?: string;
  end?: string;
  allDay?: AllDaySpan;
}

function targetTimes(target: MeetingMoveTarget, timeZone: string): MeetingTimes {
  if (target.allDay) return meetingTimes({ allDay: target.allDay }, timeZone);
  if (!target.start || !target.end) throw invalid('Say where the meeting goes: a start and an end, or its dates.');
  return meetingTimes({ start: toIsoInstant(target.start), end: toIsoInstant(target.end) }, timeZone);
}

const sameSpan = (a: AllDaySpan | null, b: AllDaySpan | null) => a?.startDate === b?.startDate && a?.endDate === b?.endDate;

export function createCalendarService(ctx: ServiceContext) {
  const { store } = ctx;
  const undoLog = new Map<string, UndoEntry>();

  const getTouch = (id: string): Touch => {
    const touch = store.state.touches.get(id);
    if (!touch) throw notFound('Touch', id);
    return touch;
  };
  const getMeeting = (id: string): Meeting => {
    const meeting = store.state.meetings.get(id);
    if (!meeting) throw notFound('Meeting', id);
    return meeting;
  };
  const touchesOfMeeting = (meetingId: string): Touch[] => [...store.touchIndex.ofMeeting(meetingId).values()];

  // An index of the touches by month (YYYY-MM of an all-day date, or of a timed instant in UTC), so a range
  // reads only the touches of its few months: one pass over 60,000 records costs more than the 10 ms budget
  // (the records are scattered in memory). It is rebuilt when the store says touches changed (after a save,
  // before the caller's await resumes), when this service changes touches, or when the store swapped its
  // collections (a restored backup). A range asked in the few milliseconds between another service's change
  // and its save may miss that change; the renderer asks again on 'data.changed'.
  let index: { touches: Map<string, Touch>; byMonth: Map<string, Touch[]> } | null = null;
  store.onCommitted((changed) => {
    if (changed.has('touches')) index = null;
  });
  const touchIndex = () => {
    const touches = store.state.touches;
    if (index && index.touches === touches) return index;
    const byMonth = new Map<string, Touch[]>();
    for (const t of touches.values()) {
      const month = (t.due.allDay ? t.due.date : instantKey(t.due.at)).slice(0, 7);
      const bucket = byMonth.get(month);
      if (bucket) bucket.push(t);
      else byMonth.set(month, [t]);
    }
    index = { touches, byMonth };
    return index;
  };
  /** Every touch whose month bucket meets [from, to] (local dates): a superset of those due in it. */
  function* touchesAround(from: string, to: string): Generator<Touch> {
    const { byMonth } = touchIndex();
    let year = Number(from.slice(0, 4));
    let month = Number(from.slice(5, 7));
    const last = to.slice(0, 7);
    for (;;) {
      const key = `${year}-${month < 10 ? '0' : ''}${month}`;
      if (key > last) return;
      const bucket = byMonth.get(key);
      if (bucket) yield* bucket;
      if (++month > 12) {
        month = 1;
        year++;
      }
    }
  }

  function range(query: RangeQuery): CalendarEvent[] {
    const settings = store.state.settings;
    const tz = settings.timeZone;
    const fromKey = instantKey(query.from);
    const toKey = instantKey(query.to);
    if (toKey <= fromKey) return [];
    // All-day touches: local dates in [fromDate, toDateExclusive).
    const fromDate = localDateOf(fromKey, tz);
    const toDateRaw = localDateOf(toKey, tz);
    const toDateExclusive = localTimeOf(toKey, tz) === '00:00' ? toDateRaw : addCalendarDays(toDateRaw, 1);
    const nowKey = instantKey(ctx.nowIso());
    const today = localDateOf(nowKey, tz);
    const actions = query.actions && query.actions.length > 0 ? new Set<string>(query.actions) : null;
    const { dealId, showDone } = query;
    const { deals, prospects } = store.state;

    const events: CalendarEvent[] = [];
    // Meetings overlapping the range; their touches are gathered in the touch pass for readiness.
    const meetingTouches = new Map<string, Touch[]>();
    const visibleMeetings: Meeting[] = [];
    for (const m of store.state.meetings.values()) {
      if (dealId && m.dealId !== dealId) continue;
      if (instantKey(m.start) >= toKey || instantKey(m.end) <= fromKey) continue;
      visibleMeetings.push(m);
      meetingTouches.set(m.id, []);
    }

    // Only the month buckets that can hold a visible touch or the first touch of a visible meeting.
    const scanEnd = visibleMeetings.length > 0 ? addBusinessDays(toDateExclusive, 1, settings) : toDateExclusive;
    for (const t of touchesAround(addCalendarDays(fromDate, -1), addCalendarDays(scanEnd, 1))) {
      if (t.meetingId !== null && meetingTouches.size > 0) meetingTouches.get(t.meetingId)?.push(t);
      if (dealId && t.dealId !== dealId) continue;
      if (!showDone && t.status !== 'planned') continue;
      if (actions && !actions.has(t.action)) continue;
      const due = t.due;
      let start: string;
      let overdue: boolean;
      if (due.allDay) {
        if (due.date < fromDate || due.date >= toDateExclusive) continue;
        start = due.date;
        overdue = due.date < today;
      } else {
        const at = instantKey(due.at);
        if (at < fromKey || at >= toKey) continue;
        start = at;
        overdue = at < nowKey;
      }
      const deal = t.dealId ? deals.get(t.dealId) : undefined;
      const event: CalendarTouchEvent = {
        kind: 'touch',
        id: t.id,
        title: t.title,
        value: t.value,
        action: t.action,
        channel: t.channel,
        status: t.status,
        due,
        allDay: due.allDay,
        start,
        overdue: overdue && t.status === 'planned',
        locked: t.locked,
        prospectId: t.prospectId,
        prospectCompany: prospects.get(t.prospectId)?.company ?? '',
        dealId: t.dealId,
        dealTitle: deal?.title ?? null,
        meetingId: t.meetingId,
      };
      events.push(event);
    }

    for (const m of visibleMeetings) {
      const deal = m.dealId ? deals.get(m.dealId) : undefined;
      const readiness = meetingReadiness(m, meetingTouches.get(m.id) ?? [], settings, instantMs(nowKey));
      const event: CalendarMeetingEvent = {
        kind: 'meeting',
        id: m.id,
        title: m.title,
        start: m.allDay ? m.allDay.startDate : m.start,
        end: m.allDay ? m.allDay.endDate : m.end,
        allDay: m.allDay !== null,
        cancelled: m.cancelledAt !== null,
        dealId: m.dealId,
        dealTitle: deal?.title ?? null,
        prospectId: deal?.prospectId ?? null,
        prospectCompany: deal ? (prospects.get(deal.prospectId)?.company ?? null) : null,
        ready: readiness.ready,
        missing: readiness.missing,
        debriefed: m.debrief !== null,
        stage: readiness.stage,
        past: instantKey(m.start) < nowKey,
      };
      events.push(event);
    }
    return events;
  }

  function warningsFor(touch: Touch, due: TouchDue, settings: Settings): MoveWarning[] {
    const warnings: MoveWarning[] = [];
    const date = dueLocalDate(due, settings.timeZone);
    if (!isWorkingDay(date, settings)) {
      warnings.push({ code: 'non-working-day', message: `${describeDate(date)} is not a working day.` });
    } else if (!due.allDay && !isWithinWorkingHours(due.at, settings)) {
      warnings.push({
        code: 'outside-working-hours',
        message: `${localTimeOf(due.at, settings.timeZone)} is outside your working hours (${settings.workdayStart}–${settings.workdayEnd}).`,
      });
    }
    const meeting = touch.meetingId ? store.state.meetings.get(touch.meetingId) : undefined;
    if (meeting) {
      const meetingDate = localDateOf(meeting.start, settings.timeZone);
      const before = due.allDay ? due.date < meetingDate : instantMs(due.at) < instantMs(meeting.start);
      if (before) {
        warnings.push({
          code: 'before-meeting',
          message: `This touch follows up “${meeting.title}” on ${describeDate(meetingDate)} at ${localTimeOf(meeting.start, settings.timeZone)}, and would now be due before it.`,
        });
      }
    }
    return warnings;
  }

  /** What moving a touch would change: the moved one and, in mode 'later', the rest of its sequence. */
  function planTouchMove(touchId: string, dueInput: TouchDue, mode: ShiftMode) {
    const settings = store.state.settings;
    const touch = getTouch(touchId);
    if (touch.status !== 'planned') {
      throw conflict(`“${touch.title}” is ${touch.status}: only planned touches can be moved.`);
    }
    const due = canonicalDue(dueInput);
    const sequence = touch.meetingId ? touchesOfMeeting(touch.meetingId) : [touch];
    const withLater = shiftTouches(sequence, touch.id, due, 'later', settings);
    const laterCount = withLater.filter((c) => c.id !== touch.id).length;
    const shifts = mode === 'later' ? withLater : withLater.filter((c) => c.id === touch.id);
    return { touch, due, shifts, laterCount, settings };
  }

  const touchChanges = (shifts: TouchShift[]): CalendarChange[] =>
    shifts.map((s) => ({ kind: 'touch', id: s.id, title: getTouch(s.id).title, before: s.before, after: s.after }));

  function remember(records: Restorable[]): string | null {
    if (records.length === 0) return null;
    const id = ctx.newId();
    undoLog.set(id, { records });
    while (undoLog.size > UNDO_LIMIT) undoLog.delete(undoLog.keys().next().value as string);
    return id;
  }

  /** The records as the store holds them now (read right after transact applied them to memory). */
  function stored(records: { collection: 'touches' | 'meetings'; before: Touch | Meeting }[]): Restorable[] {
    return records.map(({ collection, before }) =>
      collection === 'touches'
        ? { collection, before: before as Touch, after: getTouch(before.id) }
        : { collection, before: before as Meeting, after: getMeeting(before.id) },
    );
  }

  /** What moving (or resizing) a meeting would change: the meeting and, if asked, its planned, unlocked follow-ups. */
  function planMeetingMove(target: MeetingMoveTarget, moveTouches: boolean) {
    const settings = store.state.settings;
    const meeting = getMeeting(target.meetingId);
    const after = targetTimes(target, settings.timeZone);
    if (instantMs(after.end) <= instantMs(after.start)) throw invalid('A meeting must end after it starts.');
    const before: MeetingTimes = { start: meeting.start, end: meeting.end, allDay: meeting.allDay };
    if (after.start === toIsoInstant(meeting.start) && after.end === toIsoInstant(meeting.end) && sameSpan(after.allDay, meeting.allDay)) {
      return { meeting, after, shifts: [] as TouchShift[], changes: [] as CalendarChange[] };
    }
    const shifts = moveTouches ? shiftForMeetingMove(meeting.start, after.start, touchesOfMeeting(meeting.id), settings) : [];
    const changes: CalendarChange[] = [{ kind: 'meeting', id: meeting.id, title: meeting.title, before, after }, ...touchChanges(shifts)];
    return { meeting, after, shifts, changes };
  }

  return {
    range,
    monthRange: (query: RangeQuery & { maxPerDay: number }) => capPerDay(range(query), query.maxPerDay, store.state.settings.timeZone),

    previewMeetingMove(target: MeetingMoveTarget): { changes: CalendarChange[] } {
      return { changes: planMeetingMove(target, true).changes };
    },

    previewMove(touchId: string, due: TouchDue, mode: ShiftMode): MovePreview {
      const plan = planTouchMove(touchId, due, mode);
      return {
        changes: touchChanges(plan.shifts),
        warnings: warningsFor(plan.touch, plan.due, plan.settings),
        laterCount: plan.laterCount,
      };
    },

    async moveTouch(touchId: string, due: TouchDue, mode: ShiftMode): Promise<MoveResult> {
      let changes: CalendarChange[] = [];
      let touched: { collection: 'touches'; before: Touch }[] = [];
      const durable = store.transact((tx) => {
        const plan = planTouchMove(touchId, due, mode);
        changes = touchChanges(plan.shifts);
        const now = ctx.nowIso();
        touched = plan.shifts.map((shift) => {
          const before = getTouch(shift.id);
          tx.put('touches', touchSchema.parse({ ...before, due: shift.after, updatedAt: now }));
          return { collection: 'touches' as const, before };
        });
      });
      // transact applied the change to memory synchronously: capture what is stored, for undo.
      index = null;
      const records = touched.length > 0 && store.state.touches.get(touchId) ? stored(touched) : [];
      await durable;
      return { changes, undoId: remember(records) };
    },

    async moveMeeting(target: MeetingMoveTarget, moveTouches: boolean): Promise<MoveResult> {
      let changes: CalendarChange[] = [];
      let touched: { collection: 'touches' | 'meetings'; before: Touch | Meeting }[] = [];
      const durable = store.transact((tx) => {
        const plan = planMeetingMove(target, moveTouches);
        changes = plan.changes;
        if (changes.length === 0) return;
        const now = ctx.nowIso();
        tx.put('meetings', meetingSchema.parse({ ...plan.meeting, ...plan.after, updatedAt: now }));
        touched = [{ collection: 'meetings', before: plan.meeting }];
        for (const shift of plan.shifts) {
          const before = getTouch(shift.id);
          tx.put('touches', touchSchema.parse({ ...before, due: shift.after, updatedAt: now }));
          touched.push({ collection: 'touches', before });
        }
      });
      index = null;
      const records = touched.length > 0 ? stored(touched) : [];
      await durable;
      return { changes, undoId: remember(records) };
    },

    async undo(undoId: string): Promise<{ restored: number }> {
      const entry = undoLog.get(undoId);
      if (!entry) {
        throw conflict(`This move can no longer be undone: only the last ${UNDO_LIMIT} moves are kept, until Touchplan restarts.`);
      }
      const restored = await store.transact((tx) => {
        for (const record of entry.records) {
          const current =
            record.collection === 'touches' ? store.state.touches.get(record.after.id) : store.state.meetings.get(record.after.id);
          if (!current) throw conflict(`Can't undo the move: “${record.after.title}” was deleted since. Nothing was undone.`);
          if (stableJson(current) !== stableJson(record.after)) {
            throw conflict(`Can't undo the move: “${record.after.title}” was changed after it. Nothing was undone.`);
          }
        }
        for (const record of entry.records) {
          if (record.collection === 'touches') tx.put('touches', record.before);
          else tx.put('meetings', record.before);
        }
        return entry.records.length;
      });
      index = null;
      undoLog.delete(undoId);
      return { restored };
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
