// The contract between the renderer and the main process: one typed map of channel -> request schema and
// response type, plus the events main pushes. Every host (Electron IPC, the browser host) serves exactly this.
import { z } from 'zod';
import {
  contactSchema,
  dealSchema,
  dealStageSchema,
  idSchema,
  prospectSchema,
  settingsPatchSchema,
  type CollectionName,
  type Deal,
  type Prospect,
  type Settings,
} from './schema';
import { patchOf } from './patch';
import type { NotificationRequest, TrayModel } from './hostModels';

/** A phantom marker carrying a response type through the contract at zero runtime cost. */
const returns = <T>() => undefined as unknown as T;

const byId = z.object({ id: idSchema });

export const prospectInputSchema = prospectSchema
  .pick({ company: true, website: true, notes: true })
  .extend({ contacts: z.array(contactSchema.omit({ id: true }).extend({ id: idSchema.optional() })).default([]) });
export type ProspectInput = z.input<typeof prospectInputSchema>;

export const dealInputSchema = dealSchema.pick({
  prospectId: true,
  title: true,
  value: true,
  stage: true,
  expectedClose: true,
});
export type DealInput = z.input<typeof dealInputSchema>;

export interface StoreNotice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface AppInfo {
  host: 'electron' | 'browser';
  version: string;
  dataDir: string;
  notices: StoreNotice[];
}

export const contract = {
  'app.info': { request: z.object({}).default({}), response: returns<AppInfo>() },
  'app.dismissNotice': { request: z.object({ id: z.string() }), response: returns<null>() },

  'prospects.list': {
    request: z
      .object({ query: z.string().max(200).default(''), includeArchived: z.boolean().default(false) })
      .default({ query: '', includeArchived: false }),
    response: returns<Prospect[]>(),
  },
  'prospects.get': { request: byId, response: returns<Prospect>() },
  'prospects.create': { request: prospectInputSchema, response: returns<Prospect>() },
  'prospects.update': {
    request: z.object({ id: idSchema, patch: patchOf(prospectInputSchema) }),
    response: returns<Prospect>(),
  },
  'prospects.archive': {
    request: z.object({ id: idSchema, archived: z.boolean() }),
    response: returns<Prospect>(),
  },

  'deals.list': {
    request: z
      .object({ prospectId: idSchema.optional(), includeClosed: z.boolean().default(false) })
      .default({ includeClosed: false }),
    response: returns<Deal[]>(),
  },
  'deals.get': { request: byId, response: returns<Deal>() },
  'deals.create': { request: dealInputSchema, response: returns<Deal>() },
  'deals.update': {
    request: z.object({ id: idSchema, patch: patchOf(dealInputSchema.omit({ prospectId: true })) }),
    response: returns<Deal>(),
  },
  'deals.archive': { request: z.object({ id: idSchema, archived: z.boolean() }), response: returns<Deal>() },
  'deals.setStage': { request: z.object({ id: idSchema, stage: dealStageSchema }), response: returns<Deal>() },

  'settings.get': { request: z.object({}).default({}), response: returns<Settings>() },
  'settings.update': {
    request: z.object({ patch: settingsPatchSchema }),
    response: returns<Settings>(),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];
export const CHANNELS = Object.keys(contract) as Channel[];

export const ERROR_CODES = [
  'unknown-channel',
  'invalid-request',
  'not-found',
  'conflict',
  'store-failed',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export interface ApiError {
  code: ErrorCode;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Events main pushes to the renderer. */
export interface Events {
  'data.changed': { collections: (CollectionName | 'settings')[] };
  'open.touch': { touchId: string };
  'open.meeting': { meetingId: string };
  'notice': StoreNotice;
  /** Browser host only: a notification the OS would have shown (for the developer panel and tests). */
  'host.notification': NotificationRequest & { shownAt: string };
  /** Browser host only: the tray as the OS would show it. */
  'host.tray': TrayModel;
}
export type EventName = keyof Events;
export const EVENT_NAMES: EventName[] = ['data.changed', 'open.touch', 'open.meeting', 'notice', 'host.notification', 'host.tray'];

/** What window.api is, in Electron (preload) and in the browser host alike. */
export interface TouchplanApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** IPC channel names used by the preload and the Electron shell. */
export const IPC_INVOKE = 'touchplan:invoke';
export const IPC_EVENT = 'touchplan:event';
