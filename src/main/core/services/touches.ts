// Touches: one planned follow-up action each. Create, read, edit, delete and lock; the status actions
// (done, skipped, snoozed) belong to Today.
import type { TouchDue } from '../../../shared/schema';
import { touchSchema, type Action, type Channel, type Touch } from '../../../shared/schema';
import { invalid } from '../errors';
import { newRecordFields, type ServiceContext } from './context';
import { getDeal, getMeeting, getOr404, sortByDue } from './planCommon';

export interface ParsedTouchInput {
  prospectId?: string;
  dealId: string;
  meetingId?: string | null;
  due: TouchDue;
  channel: Channel;
  action: Action;
  title: string;
  value: string;
  locked: boolean;
}

export interface ParsedTouchPatch {
  due?: TouchDue;
  channel?: Channel;
  action?: Action;
  title?: string;
  value?: string;
  locked?: boolean;
  meetingId?: string | null;
}

export function createTouchService(ctx: ServiceContext) {
  const { store } = ctx;
  const get = (id: string): Touch => getOr404(store.state.touches, 'Touch', id);
  /** A meeting a touch of this deal may follow up: it must exist and belong to the same deal. */
  const checkMeeting = (meetingId: string | null | undefined, dealId: string | null) => {
    if (!meetingId) return;
    const meeting = getMeeting(ctx, meetingId);
    if (meeting.dealId !== dealId) throw invalid(`The meeting "${meeting.title}" belongs to another deal.`);
  };

  return {
    get,
    list({ dealId, meetingId, prospectId }: { dealId?: string; meetingId?: string; prospectId?: string }): Touch[] {
      const result: Touch[] = [];
      for (const touch of store.state.touches.values()) {
        if (dealId && touch.dealId !== dealId) continue;
        if (meetingId && touch.meetingId !== meetingId) continue;
        if (prospectId && touch.prospectId !== prospectId) continue;
        result.push(touch);
      }
      return sortByDue(result, store.state.settings);
    },
    async create(input: ParsedTouchInput): Promise<Touch> {
      return store.transact((tx) => {
        const deal = getDeal(ctx, input.dealId);
        if (input.prospectId && input.prospectId !== deal.prospectId) {
          throw invalid(`The deal "${deal.title}" belongs to another prospect.`);
        }
        checkMeeting(input.meetingId, deal.id);
        const touch = touchSchema.parse({
          ...newRecordFields(ctx),
          prospectId: deal.prospectId,
          dealId: deal.id,
          meetingId: input.meetingId ?? null,
          due: input.due,
          channel: input.channel,
          action: input.action,
          title: input.title,
          value: input.value,
          locked: input.locked,
          status: 'planned',
        });
        tx.put('touches', touch);
        return touch;
      });
    },
    async update(id: string, patch: ParsedTouchPatch): Promise<Touch> {
      return store.transact((tx) => {
        const current = get(id);
        if (patch.meetingId !== undefined) checkMeeting(patch.meetingId, current.dealId);
        const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
        const next = touchSchema.parse({ ...current, ...defined, updatedAt: ctx.nowIso() });
        tx.put('touches', next);
        return next;
      });
    },
    async remove(id: string): Promise<null> {
      await store.transact((tx) => {
        get(id);
        tx.remove('touches', id);
      });
      return null;
    },
    async setLocked(id: string, locked: boolean): Promise<Touch> {
      return store.transact((tx) => {
        const next = touchSchema.parse({ ...get(id), locked, updatedAt: ctx.nowIso() });
        tx.put('touches', next);
        return next;
      });
    },
  };
}
