// Channels about the app itself: host facts and notices.
import { z } from 'zod';
import { returns } from './returns';

export interface StoreNotice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface AppInfo {
  host: 'electron' | 'browser';
  version: string;
  /** The OS locale (Electron's app.getLocale()); absent in the browser host, where the page's language is the OS's. */
  locale?: string;
  dataDir: string;
  notices: StoreNotice[];
}

export const appChannels = {
  'app.info': { request: z.object({}).default({}), response: returns<AppInfo>() },
  'app.dismissNotice': { request: z.object({ id: z.string() }), response: returns<null>() },
} as const;
