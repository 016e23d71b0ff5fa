// Channels for the rep's settings.
import { z } from 'zod';
import { settingsPatchSchema, type Settings } from '../schema';
import { returns } from './returns';

export const settingsChannels = {
  'settings.get': { request: z.object({}).default({}), response: returns<Settings>() },
  'settings.update': { request: z.object({ patch: settingsPatchSchema }), response: returns<Settings>() },
} as const;
