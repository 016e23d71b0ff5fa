// Meetings in: the events read from a calendar (new, changed, gone) applied to the meetings, inside the
// caller's transaction. The same reading as the .ics import (interop/eventMeeting.ts): deduplicated by UID
// (externalUid), all-day as dates, linked to a deal by the attendees' company domain. A cancelled event, or one
// deleted from the server, marks its meeting cancelled (cancelledAt): the call plan and debrief stay. A meeting
// with planned follow-ups that moved on the server moves, and its follow-ups wait for the rep's answer on Today.
import { meetingSchema, type Meeting } from '../../../shared/schema';
import type { SyncQuestion } from '../../../shared/syncSchema';
import { dealByAttendees, eventFields, type EventFields } from '../interop/eventMeeting';
import { prospectsByDomain } from '../interop/domains';
import { ownDomains } from '../interop/icsDomains';
import type { IcsOccurrence } from '../interop/icsParse';
import { newRecordFields, type ServiceContext } from '../services/context';
import type { Transaction } from '../store/store';

export interface MeetingsInResult {
  created: number;
  updated: number;
  cancelled: number;
}

const sameFields = (meeting: Meeting, fields: EventFields): boolean =>
  meeting.title === fields.title &&
  meeting.start === fields.start &&
  meeting.end === fields.end &&
  meeting.location === fields.location &&
  JSON.stringify(meeting.allDay) === JSON.stringify(fields.allDay) &&
  fields.attendeeIds.every((id) => meeting.attendeeIds.includes(id));

/**
 * Applies `occurrences` (read from changed objects) and `goneKeys` (keys no longer on the server) to the
 * meetings. `questions` is the list of open questions, updated in place (one per meeting: the first `from` is kept).
 */
export function applyMeetingsIn(
  ctx: ServiceContext,
  tx: Transaction,
  occurrences: readonly IcsOccurrence[],
  goneKeys: Iterable<string>,
  questions: SyncQuestion[],
  calendarName = '',
): MeetingsInResult {
  const { store } = ctx;
  const state = store.state;
  const timeZone = state.settings.timeZone;
  const now = ctx.nowIso();
  const result: MeetingsInResult = { created: 0, updated: 0, cancelled: 0 };
  const byKey = new Map<string, Meeting>();
  for (const meeting of state.meetings.values()) if (meeting.externalUid) byKey.set(meeting.externalUid, meeting);
  let domains: { own: Set<string>; index: ReturnType<typeof prospectsByDomain> } | null = null;
  const written = new Set<string>();

  const cancel = (meeting: Meeting) => {
    if (meeting.cancelledAt || written.has(meeting.id)) return;
    tx.put('meetings', meetingSchema.parse({ ...meeting, cancelledAt: now, updatedAt: now }));
    written.add(meeting.id);
    result.cancelled++;
  };

  for (const o of occurrences) {
    if (o.problem || !o.inWindow) continue;
    if (o.touchplan?.kind === 'touch' || (o.touchplan && state.touches.has(o.touchplan.id))) continue; // a touch: never a meeting
    const meeting = (o.touchplan ? state.meetings.get(o.touchplan.id) : undefined) ?? byKey.get(o.key);
    if (meeting && written.has(meeting.id)) continue;
    if (o.cancelled) {
      if (meeting) cancel(meeting);
      continue;
    }
    if (meeting) {
      const deal = meeting.dealId ? state.deals.get(meeting.dealId) : undefined;
      const fields = eventFields(o, timeZone, deal ? state.prospects.get(deal.prospectId) : undefined, meeting.attendeeIds);
      if (sameFields(meeting, fields) && meeting.cancelledAt === null) continue;
      if (fields.start !== meeting.start) askAboutMove(ctx, meeting, fields.start, questions, now);
      tx.put('meetings', meetingSchema.parse({ ...meeting, ...fields, cancelledAt: null, updatedAt: now }));
      written.add(meeting.id);
      result.updated++;
      continue;
    }
    if (!domains) {
      const own = ownDomains(calendarName, [...occurrences]);
      if (state.settings.ownDomain) own.add(state.settings.ownDomain); // the rep's own company is never a prospect
      domains = { own, index: prospectsByDomain(state.prospects.values()) };
    }
    const { deal, prospect } = dealByAttendees(o, domains.own, domains.index, state);
    const created = meetingSchema.parse({
      ...newRecordFields(ctx),
      ...eventFields(o, timeZone, deal ? prospect : undefined),
      dealId: deal?.id ?? null,
      externalUid: o.key,
      callPlan: {},
      debrief: null,
    });
    tx.put('meetings', created);
    byKey.set(o.key, created);
    written.add(created.id);
    result.created++;
  }
  for (const key of goneKeys) {
    const meeting = byKey.get(key);
    if (meeting) cancel(meeting);
  }
  return result;
}

/** A moved meeting with planned follow-ups: ask (or update the open question) rather than shift them silently. */
function askAboutMove(ctx: ServiceContext, meeting: Meeting, to: string, questions: SyncQuestion[], now: string): void {
  const planned = [...ctx.store.touchIndex.ofMeeting(meeting.id).values()].some((t) => t.status === 'planned' && !t.locked);
  const open = questions.findIndex((q) => q.kind === 'meeting-moved' && q.meetingId === meeting.id);
  if (!planned) return;
  if (open >= 0) {
    const question = questions[open] as Extract<SyncQuestion, { kind: 'meeting-moved' }>;
    if (question.from === to) questions.splice(open, 1); // moved back: nothing to ask
    else questions[open] = { ...question, to, askedAt: now };
    return;
  }
  questions.push({ kind: 'meeting-moved', id: ctx.newId(), meetingId: meeting.id, title: meeting.title, from: meeting.start, to, askedAt: now });
}
