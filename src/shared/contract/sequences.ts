// Channels for follow-up sequences: preview a template (or ad-hoc steps) with real dates, then apply it.
import { z } from 'zod';
import type { Touch, TouchDue, Channel as TouchChannel, Action } from '../schema';
import type { TouchTextWarning } from '../domain/lint';
import { idSchema } from '../schema';
import { templateStepInputSchema } from './templates';
import { returns } from './returns';

/** Where a sequence counts its business days from: the meeting's date, or today (a debrief's adaptation). */
export const sequenceAnchorSchema = z.enum(['meeting', 'now']).default('meeting');

const sequenceFields = {
  meetingId: idSchema,
  from: sequenceAnchorSchema,
  /** Plan a stored template… */
  templateId: idSchema.optional(),
  /** …or steps written on the spot (touches added one by one). */
  steps: z.array(templateStepInputSchema).min(1, 'Add at least one touch').max(100).optional(),
};
const oneSource = (r: { templateId?: string; steps?: unknown[] }) => (r.templateId === undefined) !== (r.steps === undefined);
const ONE_SOURCE = { message: 'Give either a templateId or steps, not both' };

export interface SequencePreviewDraft {
  stepId: string;
  due: TouchDue;
  channel: TouchChannel;
  action: Action;
  title: string;
  value: string;
  /** The value lint of the title or the value (null when both offer value). */
  warning: TouchTextWarning | null;
}

export interface SequencePreview {
  /** The local date the offsets count from. */
  anchorDate: string;
  drafts: SequencePreviewDraft[];
  /** Planned, unlocked touches of the meeting still to come (what `replace` would remove). */
  replaceable: number;
}

export const sequenceChannels = {
  'sequences.preview': { request: z.object(sequenceFields).refine(oneSource, ONE_SOURCE), response: returns<SequencePreview>() },
  'sequences.apply': {
    request: z
      .object({
        ...sequenceFields,
        /** First remove the meeting's remaining planned, unlocked touches (re-planning instead of adding). */
        replace: z.boolean().default(false),
      })
      .refine(oneSource, ONE_SOURCE),
    response: returns<Touch[]>(),
  },
} as const;
