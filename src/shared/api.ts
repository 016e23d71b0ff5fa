// The contract between the renderer and the main process: one typed map of channel -> request schema and
// response type, plus the events main pushes. Every host (Electron IPC, the browser host) serves exactly this.
import type { z } from 'zod';
import type { CollectionName } from './schema';
import type { NotificationRequest, TrayModel } from './hostModels';
import { appChannels, type AppAppearance, type StoreNotice } from './contract/app';
import { dealChannels } from './contract/deals';
import { prospectChannels } from './contract/prospects';
import { settingsChannels } from './contract/settings';
import { calendarChannels } from './contract/calendar';
import { meetingChannels } from './contract/meetings';
import { touchChannels } from './contract/touches';
import { templateChannels } from './contract/templates';
import { sequenceChannels } from './contract/sequences';
import { dealOverviewChannels } from './contract/dealOverview';
import { touchActionChannels } from './contract/touchActions';
import { backupChannels } from './contract/backups';
import { interopChannels, type InteropProgress } from './contract/interop';
import { calendarSyncChannels } from './contract/calendarSync';
import { desktopChannels } from './contract/desktop';

export type { AppAppearance, AppInfo, HostCapabilities, StoreNotice } from './contract/app';
export { prospectInputSchema, type ProspectInput } from './contract/prospects';
export { dealInputSchema, type DealInput } from './contract/deals';

/** Every channel, by area. Each area's channels live in src/shared/contract/<area>.ts. */
export const contract = {
  ...appChannels,
  ...prospectChannels,
  ...dealChannels,
  ...settingsChannels,
  ...calendarChannels,
  ...meetingChannels,
  ...touchChannels,
  ...templateChannels,
  ...sequenceChannels,
  ...dealOverviewChannels,
  ...touchActionChannels,
  ...interopChannels,
  ...backupChannels,
  ...calendarSyncChannels,
  ...desktopChannels,
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
  /** In plain words, short (under 300 characters). */
  message: string;
  /** For a refused request: each field's path (e.g. "patch.nonWorkingDates.0") and what is wrong with it. */
  fields?: Record<string, string>;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Events main pushes to the renderer. */
export interface Events {
  'data.changed': { collections: (CollectionName | 'settings')[] };
  'open.touch': { touchId: string };
  'open.meeting': { meetingId: string };
  /** Open the Today screen (tray: Open Today, a summary notification). */
  'open.today': Record<string, never>;
  /** Start the new-meeting flow (tray: New meeting…). */
  'open.newMeeting': Record<string, never>;
  'notice': StoreNotice;
  /** Browser host only: a notification the OS would have shown (for the developer panel and tests). */
  'host.notification': NotificationRequest & { shownAt: string };
  /** Browser host only: the tray as the OS would show it. */
  'host.tray': TrayModel;
  /** Progress of a long import (CSV rows, a backup restore), for a progress bar. */
  'interop.progress': InteropProgress;
  /** The desktop host: the OS switched between light and dark (or its locale changed). */
  'app.appearance': AppAppearance;
  /** The application menu: open one of the main screens. */
  'open.screen': { screen: MenuScreen };
  /** The application menu: undo or redo the last calendar move. */
  'moves.history': { action: 'undo' | 'redo' };
}
/** The screens the application menu opens. */
export type MenuScreen = 'today' | 'calendar' | 'deals' | 'settings';
export type EventName = keyof Events;
export const EVENT_NAMES: EventName[] = [
  'data.changed',
  'open.touch',
  'open.meeting',
  'open.today',
  'open.newMeeting',
  'notice',
  'host.notification',
  'host.tray',
  'interop.progress',
  'app.appearance',
  'open.screen',
  'moves.history',
];

/** What window.api is, in Electron (preload) and in the browser host alike. */
export interface TouchplanApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** IPC channel names used by the preload and the Electron shell. */
export const IPC_INVOKE = 'touchplan:invoke';
export const IPC_EVENT = 'touchplan:event';
