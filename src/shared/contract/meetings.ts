// Channels for meetings: the call plan before, the debrief after, and the printable brief.
import { z } from 'zod';
import { patchOf } from '../patch';
import {
  allDaySpanSchema,
  callPlanSchema,
  idSchema,
  instantSchema,
  localDateSchema,
  OUTCOMES,
  type Deal,
  type Meeting,
  type Prospect,
  type Touch,
} from '../schema';
import type { MeetingReadiness } from '../domain/readiness';
import { returns } from './returns';

export type MeetingWithReadiness = Meeting & { readiness: MeetingReadiness };

/** A commitment by the prospect from an earlier debrief of the same deal. */
export interface CarriedCommitment {
  text: string;
  due: string | null;
  meetingId: string;
  meetingTitle: string;
  meetingStart: string;
}

export interface MeetingDetail {
  meeting: Meeting;
  readiness: MeetingReadiness;
  deal: Deal | null;
  prospect: Prospect | null;
  /** The touches of this meeting's sequence, by due. */
  touches: Touch[];
  /** What the prospect committed to at the previous debriefed meeting of the same deal. */
  carriedCommitments: CarriedCommitment[];
}

const commitmentInputSchema = z.object({
  text: z.string().trim().min(1, 'Commitment is required').max(2_000),
  due: localDateSchema.nullable().default(null),
});

/** A timed meeting has a start and an end; an all-day one has its dates (allDay) instead. */
const endsAfterStart = (m: { start?: string; end?: string; allDay?: unknown }) =>
  Boolean(m.allDay) || m.start === undefined || m.end === undefined || Date.parse(m.end) > Date.parse(m.start);

export const meetingCreateSchema = z
  .object({
    dealId: idSchema,
    title: z.string().trim().min(1, 'Meeting title is required').max(300),
    start: instantSchema.optional(),
    end: instantSchema.optional(),
    /** The dates of an all-day meeting; start and end are then derived from them. */
    allDay: allDaySpanSchema.nullable().optional(),
    location: z.string().max(1_000).default(''),
    attendeeIds: z.array(idSchema).default([]),
    callPlan: patchOf(callPlanSchema).optional(),
  })
  .refine((m) => Boolean(m.allDay) || (m.start !== undefined && m.end !== undefined), {
    message: 'A meeting needs a start and an end, or its dates when it lasts all day',
    path: ['start'],
  })
  .refine(endsAfterStart, { message: 'The meeting must end after it starts', path: ['end'] });
export type MeetingCreateInput = z.input<typeof meetingCreateSchema>;

export const meetingPatchSchema = z.object({
  dealId: idSchema.optional(),
  title: z.string().trim().min(1, 'Meeting title is required').max(300).optional(),
  start: instantSchema.optional(),
  end: instantSchema.optional(),
  /** Dates make the meeting all-day; null makes it timed again (with start and end). */
  allDay: allDaySpanSchema.nullable().optional(),
  location: z.string().max(1_000).optional(),
  attendeeIds: z.array(idSchema).optional(),
  /** Fields of the call plan to change; the others stay. */
  callPlan: patchOf(callPlanSchema).optional(),
});
export type MeetingPatch = z.input<typeof meetingPatchSchema>;

export const debriefRequestSchema = z.object({
  id: idSchema,
  outcome: z.enum(OUTCOMES),
  ourCommitments: z.array(commitmentInputSchema).max(50).default([]),
  theirCommitments: z.array(commitmentInputSchema).max(50).default([]),
  notes: z.string().max(20_000).default(''),
  adapt: z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('keep') }),
      z.object({ mode: z.literal('replace'), templateId: idSchema }),
    ])
    .default({ mode: 'keep' }),
});
export type DebriefRequest = z.input<typeof debriefRequestSchema>;

export interface DebriefResult {
  meeting: Meeting;
  /** Deliver touches for our commitments, then the replacement sequence (if any). */
  created: Touch[];
  /** Ids of the touches the replacement removed. */
  removed: string[];
}

export const meetingChannels = {
  'meetings.list': {
    request: z
      .object({ dealId: idSchema.optional(), from: instantSchema.optional(), to: instantSchema.optional() })
      .default({}),
    response: returns<MeetingWithReadiness[]>(),
  },
  'meetings.get': { request: z.object({ id: idSchema }), response: returns<MeetingDetail>() },
  'meetings.create': { request: meetingCreateSchema, response: returns<Meeting>() },
  'meetings.update': { request: z.object({ id: idSchema, patch: meetingPatchSchema }), response: returns<Meeting>() },
  'meetings.delete': { request: z.object({ id: idSchema }), response: returns<null>() },
  'meetings.debrief': { request: debriefRequestSchema, response: returns<DebriefResult>() },
  'meetings.brief': { request: z.object({ id: idSchema }), response: returns<{ html: string; fileName: string }>() },
} as const;
