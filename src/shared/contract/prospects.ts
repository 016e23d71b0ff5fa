// Channels for prospects and their contacts.
import { z } from 'zod';
import { contactSchema, idSchema, prospectSchema, type Prospect } from '../schema';
import { patchOf } from '../patch';
import { returns } from './returns';

export const prospectInputSchema = prospectSchema
  .pick({ company: true, website: true, notes: true })
  .extend({ contacts: z.array(contactSchema.omit({ id: true }).extend({ id: idSchema.optional() })).default([]) });
export type ProspectInput = z.input<typeof prospectInputSchema>;

export const prospectChannels = {
  'prospects.list': {
    request: z
      .object({ query: z.string().max(200).default(''), includeArchived: z.boolean().default(false) })
      .default({ query: '', includeArchived: false }),
    response: returns<Prospect[]>(),
  },
  'prospects.get': { request: z.object({ id: idSchema }), response: returns<Prospect>() },
  'prospects.create': { request: prospectInputSchema, response: returns<Prospect>() },
  'prospects.update': {
    request: z.object({ id: idSchema, patch: patchOf(prospectInputSchema) }),
    response: returns<Prospect>(),
  },
  'prospects.archive': {
    request: z.object({ id: idSchema, archived: z.boolean() }),
    response: returns<Prospect>(),
  },
} as const;
