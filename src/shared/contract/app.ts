// Channels about the app itself: host facts and notices.
import { z } from 'zod';
import { returns } from './returns';

export interface StoreNotice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** The OS's colour scheme and locale, as the desktop host reads them (pushed again as 'app.appearance' on change). */
export interface AppAppearance {
  colorScheme: 'light' | 'dark';
  /** A BCP 47 tag, e.g. "en-GB" or "de-DE": the OS's language and date formats. */
  locale: string;
}

/** What the host can do beyond the page: native file dialogs (import, export, backup) and printing. */
export interface HostCapabilities {
  fileDialogs: boolean;
  printing: boolean;
}

export interface AppInfo {
  host: 'electron' | 'browser';
  version: string;
  /** The OS locale (Electron's app.getLocale()); absent in the browser host, where the page's language is the OS's. */
  locale?: string;
  dataDir: string;
  notices: StoreNotice[];
  /** Null in the browser host: the page follows the browser's own (prefers-color-scheme, navigator.language). */
  appearance: AppAppearance | null;
  capabilities: HostCapabilities;
}

export const appChannels = {
  'app.info': { request: z.object({}).default({}), response: returns<AppInfo>() },
  'app.dismissNotice': { request: z.object({ id: z.string() }), response: returns<null>() },
} as const;
