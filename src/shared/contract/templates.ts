// Channels for sequence templates: built-ins (read-only, can be duplicated) and the rep's own.
import { z } from 'zod';
import { idSchema, templateStepSchema, type Template } from '../schema';
import { returns } from './returns';

/** A step as the rep writes it: the id is optional (a new step gets one). */
export const templateStepInputSchema = templateStepSchema.extend({ id: idSchema.optional() });
export type TemplateStepInput = z.input<typeof templateStepInputSchema>;

export const templateInputSchema = z.object({
  name: z.string().trim().min(1, 'Template name is required').max(200),
  description: z.string().max(2_000).default(''),
  steps: z.array(templateStepInputSchema).min(1, 'A template needs at least one step').max(100),
});
export type TemplateInput = z.input<typeof templateInputSchema>;

export const templateChannels = {
  'templates.list': { request: z.object({}).default({}), response: returns<Template[]>() },
  'templates.get': { request: z.object({ id: idSchema }), response: returns<Template>() },
  'templates.create': { request: templateInputSchema, response: returns<Template>() },
  'templates.update': {
    request: z.object({
      id: idSchema,
      patch: z.object({
        name: templateInputSchema.shape.name.optional(),
        description: z.string().max(2_000).optional(),
        steps: templateInputSchema.shape.steps.optional(),
      }),
    }),
    response: returns<Template>(),
  },
  'templates.duplicate': { request: z.object({ id: idSchema }), response: returns<Template>() },
  'templates.delete': { request: z.object({ id: idSchema }), response: returns<null>() },
} as const;
