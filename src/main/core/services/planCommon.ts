// What the planning services (meetings, touches, sequences, templates, deal overview) share: lookups,
// ordering by due, readiness, and turning sequence drafts into stored touches.
import { meetingReadiness, type MeetingReadiness } from '../../../shared/domain/readiness';
import { planSequence, type TouchDraft } from '../../../shared/domain/sequence';
import { DriftClock } from '../../../shared/domain/drifting';
import {
  touchSchema,
  type Deal,
  type Meeting,
  type Settings,
  type Template,
  type TemplateStep,
  type Touch,
} from '../../../shared/schema';
import type { TemplateStepInput } from '../../../shared/contract/templates';
import { invalid, notFound } from '../errors';
import { newRecordFields, type ServiceContext } from './context';

export function getOr404<T>(map: Map<string, T>, what: string, id: string): T {
  const record = map.get(id);
  if (!record) throw notFound(what, id);
  return record;
}

export const getDeal = (ctx: ServiceContext, id: string): Deal => getOr404(ctx.store.state.deals, 'Deal', id);
export const getMeeting = (ctx: ServiceContext, id: string): Meeting => getOr404(ctx.store.state.meetings, 'Meeting', id);
export const getTemplate = (ctx: ServiceContext, id: string): Template => getOr404(ctx.store.state.templates, 'Template', id);

/** The deal of a meeting, required for planning touches (an imported meeting may not be linked to one yet). */
export function dealOfMeeting(ctx: ServiceContext, meeting: Meeting): Deal {
  if (!meeting.dealId) throw invalid(`"${meeting.title}" is not linked to a deal yet: link it to a deal before planning touches.`);
  return getDeal(ctx, meeting.dealId);
}

/** Sorts touches by due (an all-day touch sorts at the start of the working day), then by title. */
export function sortByDue(touches: Touch[], settings: Settings): Touch[] {
  const clock = new DriftClock(0, settings);
  const keyed = touches.map((touch) => ({ touch, key: clock.sortKey(touch.due) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.touch.title.localeCompare(b.touch.title)));
  return keyed.map((k) => k.touch);
}

/** Every touch of one meeting (from the store's touch index). */
export function touchesOfMeeting(ctx: ServiceContext, meetingId: string): Touch[] {
  return [...ctx.store.touchIndex.ofMeeting(meetingId).values()];
}

/** Touches grouped by meeting, for the given meetings only. */
export function touchesByMeeting(ctx: ServiceContext, meetingIds: Set<string>): Map<string, Touch[]> {
  return new Map([...meetingIds].map((id) => [id, touchesOfMeeting(ctx, id)]));
}

export function readinessOf(ctx: ServiceContext, meeting: Meeting, touches: readonly Touch[]): MeetingReadiness {
  return meetingReadiness(meeting, touches, ctx.store.state.settings, ctx.clock.now());
}

/** Template steps with ids (a step written on the spot gets a fresh one). */
export function withStepIds(ctx: ServiceContext, steps: readonly TemplateStepInput[]): TemplateStep[] {
  return steps.map((step) => ({
    id: step.id ?? ctx.newId(),
    offsetDays: step.offsetDays,
    time: step.time ?? null,
    channel: step.channel,
    action: step.action,
    title: step.title,
    value: step.value,
  }));
}

/** The steps planned from an instant (the meeting's start, or a debrief's moment), as drafts with real dates. */
export function draftsFrom(ctx: ServiceContext, steps: readonly TemplateStep[], anchor: string | number): TouchDraft[] {
  return planSequence(steps, { meetingStart: anchor }, ctx.store.state.settings);
}

/** Stored touches for drafts of one meeting's sequence. */
export function touchesFromDrafts(ctx: ServiceContext, meeting: Meeting, deal: Deal, drafts: readonly TouchDraft[]): Touch[] {
  return drafts.map((draft) =>
    touchSchema.parse({
      ...newRecordFields(ctx),
      prospectId: deal.prospectId,
      dealId: deal.id,
      meetingId: meeting.id,
      due: draft.due,
      channel: draft.channel,
      action: draft.action,
      title: draft.title,
      value: draft.value,
      status: 'planned',
      locked: false,
    }),
  );
}

/**
 * The touches of a meeting's sequence an adaptation may replace: planned, unlocked, and not yet past at
 * `now` (an all-day touch due today or later, a timed touch due now or later). Overdue ones stay: they are
 * the rep's backlog, not the plan.
 */
export function replaceableTouches(ctx: ServiceContext, meetingId: string, now: number): Touch[] {
  const clock = new DriftClock(now, ctx.store.state.settings);
  return touchesOfMeeting(ctx, meetingId).filter((t) => t.status === 'planned' && !t.locked && !clock.isOverdue(t.due));
}

/** Keeps a text within a schema's length limit. */
export const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
