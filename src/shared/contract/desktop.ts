// Channels of the desktop host: native open/save dialogs for import, export and backup files, and printing the
// meeting brief. Core serves them through its FileDialogs and DocumentPrinter ports; where the host has none
// (the browser host: app.info's capabilities say so) they are refused, and the page keeps its file fields and
// downloads. A cancelled dialog answers null and changes nothing.
import { z } from 'zod';
import { idSchema, localDateSchema } from '../schema';
import type { DatasetCounts } from './interop';
import { returns } from './returns';

/** Which file an open dialog asks for; the dialog's title and file types follow from it. */
export const OPEN_PURPOSES = ['ics.import', 'csv.import', 'backup.restore'] as const;
export type OpenPurpose = (typeof OPEN_PURPOSES)[number];

/** A file the rep chose: its text (calendar files, backups) or its bytes in base64 (CSV, whose encoding core detects). */
export interface OpenedFile {
  name: string;
  content: string;
  encoding: 'text' | 'base64';
}

/** Where a file was saved. */
export interface SavedFile {
  path: string;
  fileName: string;
}

export const desktopChannels = {
  'desktop.openFile': { request: z.object({ purpose: z.enum(OPEN_PURPOSES) }), response: returns<OpenedFile | null>() },
  /** The plan as an .ics file, streamed to the file chosen in a save dialog. */
  'desktop.exportIcs': {
    request: z
      .object({ from: localDateSchema.optional(), to: localDateSchema.optional() })
      .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'The range must end on or after its start', path: ['to'] })
      .default({}),
    response: returns<(SavedFile & { counts: { meetings: number; touches: number } }) | null>(),
  },
  'desktop.exportBackup': { request: z.object({}).default({}), response: returns<(SavedFile & { counts: DatasetCounts }) | null>() },
  /** Opens the OS print dialog for the meeting's brief; printed is false when the rep cancelled it. */
  'desktop.printBrief': { request: z.object({ meetingId: idSchema }), response: returns<{ printed: boolean }>() },
  'desktop.saveBriefPdf': { request: z.object({ meetingId: idSchema }), response: returns<SavedFile | null>() },
} as const;
