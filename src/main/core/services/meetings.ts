// Meetings: scheduled with a call plan before (readiness tells what is missing), debriefed after (our
// commitments become deliver touches, theirs carry over to the next call plan, the rest of the sequence is
// kept or replaced), and printed as a one-page brief.
import { addBusinessDays } from '../../../shared/domain/businessDays';
import { localDateOf } from '../../../shared/domain/time';
import type {
  CarriedCommitment,
  DebriefResult,
  MeetingDetail,
  MeetingWithReadiness,
} from '../../../shared/contract/meetings';
import { meetingTimes, type MeetingTimes } from '../../../shared/domain/meetingTimes';
import {
  callPlanSchema,
  meetingSchema,
  type AllDaySpan,
  touchSchema,
  type CallPlan,
  type Commitment,
  type Deal,
  type Meeting,
  type Touch,
} from '../../../shared/schema';
import { invalid } from '../errors';
import { newRecordFields, type ServiceContext } from './context';
import { renderMeetingBrief } from './meetingBrief';
import {
  clip,
  dealOfMeeting,
  draftsFrom,
  getDeal,
  getMeeting,
  getTemplate,
  readinessOf,
  replaceableTouches,
  sortByDue,
  touchesByMeeting,
  touchesFromDrafts,
  touchesOfMeeting,
} from './planCommon';

export interface ParsedMeetingCreate {
  dealId: string;
  title: string;
  start?: string;
  end?: string;
  allDay?: AllDaySpan | null;
  location: string;
  attendeeIds: string[];
  callPlan?: Partial<CallPlan>;
}
export interface ParsedMeetingPatch {
  dealId?: string;
  title?: string;
  start?: string;
  end?: string;
  allDay?: AllDaySpan | null;
  location?: string;
  attendeeIds?: string[];
  callPlan?: Partial<CallPlan>;
}
export interface ParsedDebrief {
  id: string;
  outcome: 'ideal' | 'fallback' | 'none';
  ourCommitments: Commitment[];
  theirCommitments: Commitment[];
  notes: string;
  adapt: { mode: 'keep' } | { mode: 'replace'; templateId: string };
}

const defined = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;

/** How a carried commitment reads in the call plan: the text, and its due date if it had one. */
export const carriedText = (c: { text: string; due: string | null }): string => (c.due ? `${c.text} (due ${c.due})` : c.text);

export const DELIVER_TITLE_PREFIX = 'Deliver: ';

export function createMeetingService(ctx: ServiceContext) {
  const { store } = ctx;
  const get = (id: string) => getMeeting(ctx, id);

  /** What the prospect committed to at the latest debriefed meeting of the deal that started before `before`. */
  const previousCommitments = (dealId: string, before: string, exceptId?: string): CarriedCommitment[] => {
    let previous: Meeting | null = null;
    const beforeMs = Date.parse(before);
    for (const m of store.state.meetings.values()) {
      if (m.dealId !== dealId || m.id === exceptId || !m.debrief || Date.parse(m.start) >= beforeMs) continue;
      if (!previous || Date.parse(m.start) > Date.parse(previous.start)) previous = m;
    }
    if (!previous?.debrief) return [];
    const from = previous;
    return previous.debrief.theirCommitments.map((c) => ({
      text: c.text,
      due: c.due,
      meetingId: from.id,
      meetingTitle: from.title,
      meetingStart: from.start,
    }));
  };

  const checkAttendees = (deal: Deal, attendeeIds: readonly string[]) => {
    if (attendeeIds.length === 0) return;
    const prospect = store.state.prospects.get(deal.prospectId);
    const known = new Set(prospect?.contacts.map((c) => c.id) ?? []);
    const unknown = attendeeIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw invalid(`Attendees must be contacts of ${prospect?.company ?? 'the prospect'}: ${unknown.length} are not.`);
  };
  const checkTimes = (meeting: Pick<Meeting, 'start' | 'end'>) => {
    if (Date.parse(meeting.end) <= Date.parse(meeting.start)) throw invalid('The meeting must end after it starts.');
  };
  /** A meeting's times from a request: all-day dates when given, else the start and end (the current ones for a patch). */
  const timesOf = (request: { start?: string; end?: string; allDay?: AllDaySpan | null }, current?: MeetingTimes): MeetingTimes => {
    const zone = store.state.settings.timeZone;
    if (request.allDay) return meetingTimes({ allDay: request.allDay }, zone);
    const movedOrTimed = request.allDay === null || request.start !== undefined || request.end !== undefined;
    if (current && !movedOrTimed) return { start: current.start, end: current.end, allDay: current.allDay };
    const start = request.start ?? current?.start;
    const end = request.end ?? current?.end;
    if (!start || !end) throw invalid('A meeting needs a start and an end, or its dates when it lasts all day.');
    return meetingTimes({ start, end }, zone);
  };

  const detail = (id: string): MeetingDetail => {
    const meeting = get(id);
    const touches = sortByDue(touchesOfMeeting(ctx, id), store.state.settings);
    const deal = meeting.dealId ? (store.state.deals.get(meeting.dealId) ?? null) : null;
    const prospect = deal ? (store.state.prospects.get(deal.prospectId) ?? null) : null;
    return {
      meeting,
      readiness: readinessOf(ctx, meeting, touches),
      deal,
      prospect,
      touches,
      carriedCommitments: deal ? previousCommitments(deal.id, meeting.start, meeting.id) : [],
    };
  };

  return {
    get: detail,
    list({ dealId, from, to }: { dealId?: string; from?: string; to?: string }): MeetingWithReadiness[] {
      const fromMs = from ? Date.parse(from) : -Infinity;
      const toMs = to ? Date.parse(to) : Infinity;
      const meetings: Meeting[] = [];
      for (const m of store.state.meetings.values()) {
        if (dealId && m.dealId !== dealId) continue;
        const start = Date.parse(m.start);
        if (start < fromMs || start >= toMs) continue;
        meetings.push(m);
      }
      meetings.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      const touches = touchesByMeeting(ctx, new Set(meetings.map((m) => m.id)));
      return meetings.map((m) => ({ ...m, readiness: readinessOf(ctx, m, touches.get(m.id) ?? []) }));
    },
    async create(input: ParsedMeetingCreate): Promise<Meeting> {
      return store.transact((tx) => {
        const deal = getDeal(ctx, input.dealId);
        const times = timesOf(input);
        checkTimes(times);
        checkAttendees(deal, input.attendeeIds);
        const carried = input.callPlan?.carriedCommitments ?? previousCommitments(deal.id, times.start).map(carriedText);
        const meeting = meetingSchema.parse({
          ...newRecordFields(ctx),
          dealId: deal.id,
          title: input.title,
          ...times,
          location: input.location,
          attendeeIds: input.attendeeIds,
          callPlan: callPlanSchema.parse({ ...defined(input.callPlan ?? {}), carriedCommitments: carried }),
          debrief: null,
          externalUid: null,
        });
        tx.put('meetings', meeting);
        return meeting;
      });
    },
    async update(id: string, patch: ParsedMeetingPatch): Promise<Meeting> {
      return store.transact((tx) => {
        const current = get(id);
        const { callPlan, start, end, allDay, ...rest } = patch;
        const next = meetingSchema.parse({
          ...current,
          ...defined(rest),
          ...timesOf({ start, end, allDay }, current),
          callPlan: callPlan ? callPlanSchema.parse({ ...current.callPlan, ...defined(callPlan) }) : current.callPlan,
          updatedAt: ctx.nowIso(),
        });
        checkTimes(next);
        if (next.dealId && (patch.dealId !== undefined || patch.attendeeIds !== undefined)) {
          checkAttendees(getDeal(ctx, next.dealId), next.attendeeIds);
        }
        tx.put('meetings', next);
        if (next.dealId !== current.dealId) {
          // The meeting's sequence follows it to the other deal (and that deal's prospect).
          const prospectId = next.dealId ? getDeal(ctx, next.dealId).prospectId : null;
          for (const touch of touchesOfMeeting(ctx, id)) {
            tx.put('touches', { ...touch, dealId: next.dealId, prospectId: prospectId ?? touch.prospectId, updatedAt: next.updatedAt });
          }
        }
        return next;
      });
    },
    /** Removes the meeting and its planned touches; done and skipped ones stay in the deal's history. */
    async remove(id: string): Promise<null> {
      await store.transact((tx) => {
        get(id);
        for (const touch of touchesOfMeeting(ctx, id)) {
          if (touch.status === 'planned') tx.remove('touches', touch.id);
          else tx.put('touches', { ...touch, meetingId: null, updatedAt: ctx.nowIso() });
        }
        tx.remove('meetings', id);
      });
      return null;
    },
    async debrief(request: ParsedDebrief): Promise<DebriefResult> {
      return store.transact((tx) => {
        const meeting = get(request.id);
        const settings = store.state.settings;
        const nowMs = ctx.clock.now();
        const now = ctx.nowIso();
        const needsDeal = request.ourCommitments.length > 0 || request.adapt.mode === 'replace';
        const deal = needsDeal ? dealOfMeeting(ctx, meeting) : meeting.dealId ? getDeal(ctx, meeting.dealId) : null;
        const template = request.adapt.mode === 'replace' ? getTemplate(ctx, request.adapt.templateId) : null;
        const next = meetingSchema.parse({
          ...meeting,
          debrief: {
            outcome: request.outcome,
            ourCommitments: request.ourCommitments,
            theirCommitments: request.theirCommitments,
            notes: request.notes,
            recordedAt: now,
          },
          updatedAt: now,
        });

        const existing = touchesOfMeeting(ctx, meeting.id);
        const created: Touch[] = [];
        if (deal) {
          // Each of our commitments becomes a "deliver what was promised" touch (once, if the debrief is edited).
          const debriefDate = localDateOf(nowMs, settings.timeZone);
          const delivered = new Set(existing.filter((t) => t.action === 'deliver').map((t) => t.title));
          for (const commitment of request.ourCommitments) {
            const title = clip(`${DELIVER_TITLE_PREFIX}${commitment.text}`, 300);
            if (delivered.has(title)) continue;
            delivered.add(title);
            created.push(
              touchSchema.parse({
                ...newRecordFields(ctx),
                prospectId: deal.prospectId,
                dealId: deal.id,
                meetingId: meeting.id,
                due: { allDay: true, date: commitment.due ?? addBusinessDays(debriefDate, 1, settings) },
                channel: 'email',
                action: 'deliver',
                title,
                value: clip(`What we promised in "${meeting.title}": ${commitment.text}`, 2_000),
              }),
            );
          }
        }
        const removed = template ? replaceableTouches(ctx, meeting.id, nowMs).map((t) => t.id) : [];
        if (template && deal) {
          // Our commitments have their own deliver touches: a template's generic "deliver" step would repeat them.
          const steps = request.ourCommitments.length > 0 ? template.steps.filter((step) => step.action !== 'deliver') : template.steps;
          created.push(...touchesFromDrafts(ctx, meeting, deal, draftsFrom(ctx, steps, nowMs)));
        }

        tx.put('meetings', next);
        for (const id of removed) tx.remove('touches', id);
        for (const touch of created) tx.put('touches', touch);
        return { meeting: next, created, removed };
      });
    },
    brief(id: string): { html: string; fileName: string } {
      const d = detail(id);
      return renderMeetingBrief(d, store.state.settings);
    },
  };
}
