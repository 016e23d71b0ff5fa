// Channels for the data folder's backups (Settings > Data): list them, take one now, restore one.
import { z } from 'zod';
import { returns } from './returns';

/** One backup folder under <dataDir>/backups, as Settings shows it. */
export interface BackupSummary {
  /** The folder name, e.g. 2026-11-22T10-00-00-000Z or 2026-11-22T10-00-00-000Z-before-restore: pass it to restore. */
  name: string;
  /** ISO instant it was taken. */
  takenAt: string;
  /** Why it was taken when not the start-up or daily copy: 'before-restore', 'before-migration', or ''. */
  label: string;
  /** The data files it holds (touchplan.json, touchplan.prospects.json, ...). */
  files: string[];
  /** False when it was interrupted while being taken: it cannot be restored. */
  complete: boolean;
}

export interface BackupList {
  /** The data folder (absolute path); the backups are in <dataDir>/backups. */
  dataDir: string;
  /** Newest first; 14 are kept. */
  backups: BackupSummary[];
}

export const backupChannels = {
  'store.backups.list': { request: z.object({}).default({}), response: returns<BackupList>() },
  'store.backups.create': { request: z.object({}).default({}), response: returns<BackupSummary>() },
  /** Backs up the current state first ('before-restore'), then replaces the data; 'data.changed' follows. */
  'store.backups.restore': { request: z.object({ name: z.string().min(1).max(200) }), response: returns<null>() },
} as const;
