// Follow-up sequences: a template (or steps written on the spot) planned after a meeting with real
// business-day dates, previewed with the value lint, then stored as touches in one transaction.
import { lintTouchText } from '../../../shared/domain/lint';
import { localDateOf } from '../../../shared/domain/time';
import { addBusinessDays } from '../../../shared/domain/businessDays';
import type { SequencePreview } from '../../../shared/contract/sequences';
import type { TemplateStepInput } from '../../../shared/contract/templates';
import type { Meeting, TemplateStep, Touch } from '../../../shared/schema';
import type { ServiceContext } from './context';
import { dealOfMeeting, draftsFrom, getMeeting, getTemplate, replaceableTouches, touchesFromDrafts, withStepIds } from './planCommon';

export interface SequenceRequest {
  meetingId: string;
  from: 'meeting' | 'now';
  templateId?: string;
  steps?: TemplateStepInput[];
}

export function createSequenceService(ctx: ServiceContext) {
  const { store } = ctx;
  const stepsOf = (request: SequenceRequest): TemplateStep[] =>
    request.templateId ? getTemplate(ctx, request.templateId).steps : withStepIds(ctx, request.steps ?? []);
  const anchorOf = (meeting: Meeting, from: SequenceRequest['from']): string | number =>
    from === 'now' ? ctx.clock.now() : meeting.start;

  return {
    preview(request: SequenceRequest): SequencePreview {
      const meeting = getMeeting(ctx, request.meetingId);
      const anchor = anchorOf(meeting, request.from);
      const settings = store.state.settings;
      const drafts = draftsFrom(ctx, stepsOf(request), anchor).map((draft) => ({
        ...draft,
        warning: lintTouchText(draft.value) ?? lintTouchText(draft.title),
      }));
      return {
        anchorDate: addBusinessDays(localDateOf(anchor, settings.timeZone), 0, settings),
        drafts,
        replaceable: replaceableTouches(ctx, meeting.id, ctx.clock.now()).length,
      };
    },
    async apply(request: SequenceRequest & { replace: boolean }): Promise<Touch[]> {
      return store.transact((tx) => {
        const meeting = getMeeting(ctx, request.meetingId);
        const deal = dealOfMeeting(ctx, meeting);
        if (request.replace) for (const old of replaceableTouches(ctx, meeting.id, ctx.clock.now())) tx.remove('touches', old.id);
        const touches = touchesFromDrafts(ctx, meeting, deal, draftsFrom(ctx, stepsOf(request), anchorOf(meeting, request.from)));
        for (const touch of touches) tx.put('touches', touch);
        return touches;
      });
    },
  };
}
