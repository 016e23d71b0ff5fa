// Channels for deals.
import { z } from 'zod';
import { dealSchema, dealStageSchema, idSchema, type Deal } from '../schema';
import { patchOf } from '../patch';
import { returns } from './returns';

export const dealInputSchema = dealSchema.pick({
  prospectId: true,
  title: true,
  value: true,
  stage: true,
  expectedClose: true,
});
export type DealInput = z.input<typeof dealInputSchema>;

export const dealChannels = {
  'deals.list': {
    request: z
      .object({ prospectId: idSchema.optional(), includeClosed: z.boolean().default(false) })
      .default({ includeClosed: false }),
    response: returns<Deal[]>(),
  },
  'deals.get': { request: z.object({ id: idSchema }), response: returns<Deal>() },
  'deals.create': { request: dealInputSchema, response: returns<Deal>() },
  'deals.update': {
    request: z.object({ id: idSchema, patch: patchOf(dealInputSchema.omit({ prospectId: true })) }),
    response: returns<Deal>(),
  },
  'deals.archive': { request: z.object({ id: idSchema, archived: z.boolean() }), response: returns<Deal>() },
  'deals.setStage': { request: z.object({ id: idSchema, stage: dealStageSchema }), response: returns<Deal>() },
} as const;
