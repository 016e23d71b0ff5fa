// Channels for interop: calendar files in and out (.ics), prospects from a CRM's CSV export, and the full
// backup / restore of the dataset as one JSON file. The files' text travels in the request; the host (OS
// dialogs in Electron, file inputs and downloads in the browser host) only reads and saves the bytes.
import { z } from 'zod';
import { idSchema, localDateSchema, type AllDaySpan } from '../schema';
import { returns } from './returns';

/** Generous: the browser host refuses bodies over 50 MB anyway. */
const fileText = z.string().max(50_000_000, 'The file is too large (over 50 MB)');
/** A file's raw bytes in base64 (4 characters per 3 bytes), for files whose encoding the core detects (CSV). */
const fileBytes = z.string().max(66_700_000, 'The file is too large (over 50 MB)');

// ---------------------------------------------------------------------------------------------
// ICS

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsPreviewEvent {
  /** What identifies the occurrence on re-import: the UID, or "<UID>#<recurrence instant>" for an occurrence. */
  key: string;
  uid: string;
  /** The original start of a recurring event's occurrence (ISO instant, or YYYY-MM-DD for all-day series). */
  recurrenceId?: string;
  title: string;
  location: string;
  start: string;
  end: string;
  /** All-day events become all-day meetings: their dates (end exclusive) are kept as they are. */
  allDay: boolean;
  dates?: AllDaySpan;
  /** An occurrence the calendar moved from its usual time. */
  moved?: boolean;
  /** An occurrence the calendar removed from its series (EXDATE). */
  removed?: boolean;
  organizer: IcsPerson | null;
  attendees: IcsPerson[];
  /** cancelled: the event was imported earlier and the calendar cancels it; importing marks its meeting cancelled. */
  status: 'new' | 'updated' | 'skipped' | 'cancelled';
  reason?: string;
  /** For a cancellation: how many planned touches its meeting has (the import skips or keeps them). */
  plannedTouches?: number;
  /** The meeting this event updates. */
  meetingId?: string;
  /** The deal it is (or would be) linked to: its current deal for an update, else a match by email domain. */
  suggestedDeal?: { id: string; title: string; prospectId: string; company: string };
  /** A prospect to create (or reuse, with prospectId) from the organizer's or an attendee's email domain. */
  suggestedProspect?: { company: string; domain: string; prospectId?: string };
}

export interface IcsPreview {
  fileName: string;
  calendarName: string;
  window: { from: string; to: string; days: number };
  counts: { new: number; updated: number; skipped: number; cancelled: number };
  events: IcsPreviewEvent[];
}

export const icsLinkSchema = z
  .object({
    /** The event's UID: links every occurrence of a series, unless recurrenceId narrows it to one. */
    uid: z.string().min(1).max(2_000),
    recurrenceId: z.string().min(1).max(100).optional(),
    dealId: idSchema.optional(),
    createProspect: z
      .object({ company: z.string().trim().min(1, 'Company is required').max(200), domain: z.string().trim().max(253).default('') })
      .optional(),
  })
  .refine((link) => Boolean(link.dealId) !== Boolean(link.createProspect), {
    message: 'A link needs either a dealId or createProspect, not both',
  });
export type IcsLink = z.input<typeof icsLinkSchema>;

export interface IcsImportResult {
  created: number;
  updated: number;
  skipped: number;
  /** Meetings marked cancelled because the calendar cancels them. */
  cancelled: number;
  /** Planned touches of those meetings skipped (when the rep chose to skip them). */
  touchesSkipped: number;
  prospectsCreated: number;
  dealsCreated: number;
  /** The meetings created or updated, so the UI can offer to plan them. */
  meetingIds: string[];
}

export interface IcsExport {
  text: string;
  fileName: string;
  counts: { meetings: number; touches: number };
}

// ---------------------------------------------------------------------------------------------
// CSV

export const CSV_FIELDS = ['company', 'website', 'contactName', 'firstName', 'lastName', 'email', 'phone', 'role', 'notes'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export const CSV_FIELD_LABELS: Readonly<Record<CsvField, string>> = {
  company: 'Company',
  website: 'Website',
  contactName: 'Contact full name',
  firstName: 'Contact first name',
  lastName: 'Contact last name',
  email: 'Contact email',
  phone: 'Contact phone',
  role: 'Contact role / job title',
  notes: 'Notes',
};
/** Target field -> the CSV header feeding it (null or absent: not imported). */
export const csvMappingSchema = z.object(
  Object.fromEntries(CSV_FIELDS.map((field) => [field, z.string().max(500).nullable().optional()])) as Record<
    CsvField,
    z.ZodOptional<z.ZodNullable<z.ZodString>>
  >,
);
export type CsvMapping = Partial<Record<CsvField, string | null>>;

export interface CsvLineError {
  line: number;
  reason: string;
}

export interface CsvPreviewRow {
  line: number;
  company: string;
  website: string;
  contactName: string;
  email: string;
  phone: string;
  role: string;
}

export interface CsvDuplicate {
  line: number;
  company: string;
  contactName: string;
  email: string;
  matchedBy: 'email' | 'company';
  /** What the row matches: an existing prospect (with its id), or, with earlierLine, an earlier row of the same file. */
  existing: { prospectId?: string; company: string; contactName?: string };
  /** Set when the row repeats an earlier row of the same file (same email, case-folded, or same company adding nothing). */
  earlierLine?: number;
}

/** The encodings a CSV file can be read in: detected from its bytes, or chosen by the rep. */
export const CSV_ENCODINGS = ['UTF-8', 'UTF-8 with BOM', 'UTF-16 LE', 'UTF-16 BE', 'Windows-1252'] as const;

export interface CsvPreview {
  /** The encoding the file was read in: detected from its bytes, or the one asked for; absent when text was sent. */
  encoding?: (typeof CSV_ENCODINGS)[number];
  headers: string[];
  delimiter: string;
  suggestedMapping: CsvMapping;
  /** The mapping this preview was computed with (the request's, else the suggested one). */
  mapping: CsvMapping;
  /** Why the mapping cannot be used yet (e.g. no column for the company); rows are then not checked. */
  mappingProblem?: string;
  rowCount: number;
  rows: CsvPreviewRow[];
  /** Rows matching an existing prospect (by contact email or company name, case-insensitive); first 500. */
  duplicates: CsvDuplicate[];
  duplicateCount: number;
  /** Rows that cannot be imported, by line of the file; first 500. */
  errors: CsvLineError[];
  errorCount: number;
  /** How many prospects the import would create. */
  newProspects: number;
}

export interface CsvImportResult {
  /** Rows, by what happened to them. */
  created: number;
  updated: number;
  skipped: number;
  errors: CsvLineError[];
  errorCount: number;
  prospectsCreated: number;
  prospectsUpdated: number;
  contactsCreated: number;
}

// ---------------------------------------------------------------------------------------------
// Backup

export interface DatasetCounts {
  prospects: number;
  deals: number;
  meetings: number;
  touches: number;
  templates: number;
}

export interface BackupExport {
  text: string;
  fileName: string;
  counts: DatasetCounts;
}

export interface BackupRestoreResult {
  counts: DatasetCounts;
  /** The store backup of the data as it was just before the restore. */
  backupName: string;
}

/** Pushed while a long import runs, so the UI can show a progress bar. */
export interface InteropProgress {
  task: 'csv.import' | 'ics.import' | 'backup.restore';
  done: number;
  total: number;
}

export const interopChannels = {
  'interop.ics.preview': {
    request: z.object({
      text: fileText,
      fileName: z.string().max(500).default('calendar.ics'),
      windowDays: z.number().int().min(1, 'The import window is at least one day').max(730, 'The import window is at most two years (730 days)').default(90),
    }),
    response: returns<IcsPreview>(),
  },
  'interop.ics.import': {
    request: z.object({
      text: fileText,
      windowDays: z.number().int().min(1, 'The import window is at least one day').max(730, 'The import window is at most two years (730 days)').default(90),
      links: z.array(icsLinkSchema).max(100_000).default([]),
      /** What happens to the planned touches of a meeting the calendar cancels. */
      cancelledTouches: z.enum(['keep', 'skip']).default('keep'),
    }),
    response: returns<IcsImportResult>(),
  },
  'interop.ics.export': {
    request: z
      .object({ from: localDateSchema.optional(), to: localDateSchema.optional() })
      .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'The range must end on or after its start', path: ['to'] })
      .default({}),
    response: returns<IcsExport>(),
  },
  'interop.csv.preview': {
    // bytes (base64), when sent, is decoded in the core with its encoding detected; text is then ignored.
    request: z.object({
      text: fileText.default(''),
      bytes: fileBytes.optional(),
      mapping: csvMappingSchema.optional(),
      /** Columns no field is mapped to go to the prospect's notes ("Header: value" lines). */
      unmappedToNotes: z.boolean().default(false),
      /** Read the bytes in this encoding instead of the detected one. */
      encoding: z.enum(CSV_ENCODINGS).optional(),
    }),
    response: returns<CsvPreview>(),
  },
  'interop.csv.import': {
    request: z.object({
      text: fileText.default(''),
      bytes: fileBytes.optional(),
      mapping: csvMappingSchema,
      duplicates: z.enum(['update', 'skip']).default('skip'),
      unmappedToNotes: z.boolean().default(false),
      encoding: z.enum(CSV_ENCODINGS).optional(),
    }),
    response: returns<CsvImportResult>(),
  },
  'interop.backup.export': { request: z.object({}).default({}), response: returns<BackupExport>() },
  'interop.backup.restore': { request: z.object({ text: fileText }), response: returns<BackupRestoreResult>() },
} as const;
