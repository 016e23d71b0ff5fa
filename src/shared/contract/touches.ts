// Channels for touches: create, read, edit, delete and lock (status actions live with Today: touches.complete…).
import { z } from 'zod';
import { actionSchema, channelSchema, idSchema, touchDueSchema, type Touch } from '../schema';
import { returns } from './returns';

export const touchInputSchema = z.object({
  /** Optional: always derived from the deal; when given it must be the deal's prospect. */
  prospectId: idSchema.optional(),
  dealId: idSchema,
  meetingId: idSchema.nullable().optional(),
  due: touchDueSchema,
  channel: channelSchema,
  action: actionSchema,
  title: z.string().trim().min(1, 'Touch title is required').max(300),
  value: z.string().trim().min(1, 'Value is required: say what the prospect gets from this touch').max(2_000),
  locked: z.boolean().default(false),
});
export type TouchInput = z.input<typeof touchInputSchema>;

export const touchPatchSchema = z.object({
  due: touchDueSchema.optional(),
  channel: channelSchema.optional(),
  action: actionSchema.optional(),
  title: z.string().trim().min(1, 'Touch title is required').max(300).optional(),
  value: z.string().trim().min(1, 'Value is required: say what the prospect gets from this touch').max(2_000).optional(),
  locked: z.boolean().optional(),
  meetingId: idSchema.nullable().optional(),
});
export type TouchPatch = z.input<typeof touchPatchSchema>;

export const touchChannels = {
  'touches.list': {
    request: z
      .object({ dealId: idSchema.optional(), meetingId: idSchema.optional(), prospectId: idSchema.optional() })
      .default({}),
    response: returns<Touch[]>(),
  },
  'touches.get': { request: z.object({ id: idSchema }), response: returns<Touch>() },
  'touches.create': { request: touchInputSchema, response: returns<Touch>() },
  'touches.update': { request: z.object({ id: idSchema, patch: touchPatchSchema }), response: returns<Touch>() },
  'touches.delete': { request: z.object({ id: idSchema }), response: returns<null>() },
  'touches.setLocked': { request: z.object({ id: idSchema, locked: z.boolean() }), response: returns<Touch>() },
} as const;
