// Zod schemas and inferred types of every stored record (DESIGN.md, "Vocabulary").
// Pure TypeScript: imported by main, preload and renderer alike.
import { z } from 'zod';
import { patchOf } from './patch';

export const SCHEMA_VERSION = 1;

export const idSchema = z.uuid();

/** Years a rep can mean: anything else is a typo or a broken file, and would break date arithmetic downstream. */
const SENSIBLE_YEAR = /^(19|20|21)\d\d-/;
const YEAR_MESSAGE = 'The year must be between 1900 and 2199';

/** Already what Date#toISOString writes, with a day every month has: nothing to normalize (the common case). */
const CANONICAL_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** An instant as UTC with milliseconds (what Date#toISOString writes); input that is not a date is left as is. */
export function toUtcInstant(value: string): string {
  if (CANONICAL_UTC.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/**
 * An ISO instant. Any offset is accepted on input and normalized to UTC (`2026-11-22T09:00:00.000Z`), so
 * nothing downstream ever sees an offset.
 */
export const instantSchema = z.iso
  .datetime({ offset: true, abort: true, error: (issue) => `${quoted(issue.input)} is not a date and time like 2026-12-25T09:00:00Z` })
  .overwrite(toUtcInstant)
  .regex(SENSIBLE_YEAR, YEAR_MESSAGE);
/** A local calendar date, YYYY-MM-DD */
export const localDateSchema = z.iso.date({ abort: true, error: (issue) => `${quoted(issue.input)} is not a date like 2026-12-25` }).regex(SENSIBLE_YEAR, YEAR_MESSAGE);

/** A value the user typed, quoted for a message: short, so a huge input is never echoed back. */
function quoted(input: unknown): string {
  if (typeof input !== 'string') return 'This';
  return input.length > 30 ? `"${input.slice(0, 29)}…"` : `"${input}"`;
}

/** Limits no real rep meets, so a runaway import or a hostile request cannot grow a record without bound. */
export const LIMITS = {
  contactsPerProspect: 500,
  listItems: 200,
  commitments: 100,
  attendees: 200,
  templateSteps: 100,
  nonWorkingDates: 1_000,
  csvMappingColumns: 200,
  csvMappingsKept: 50,
} as const;

/** True when no two items share an id. */
const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((item) => item?.id)).size === items.length;
const uniqueValues = (items: readonly unknown[]) => new Set(items).size === items.length;
/** A local wall-clock time, HH:mm */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:mm');

const nonBlank = (what: string) => z.string().trim().min(1, `${what} is required`);

export const recordBaseSchema = z.object({
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const contactSchema = z.object({
  id: idSchema,
  name: nonBlank('Contact name').max(200),
  role: z.string().max(200).default(''),
  email: z.union([z.literal(''), z.email('Enter a valid email address')]).default(''),
  phone: z.string().max(60).default(''),
});
export type Contact = z.infer<typeof contactSchema>;

export const prospectSchema = recordBaseSchema.extend({
  company: nonBlank('Company').max(200),
  website: z.string().max(500).default(''),
  notes: z.string().max(20_000).default(''),
  contacts: z
    .array(contactSchema)
    .max(LIMITS.contactsPerProspect, `A prospect can have at most ${LIMITS.contactsPerProspect} contacts`)
    .refine(uniqueIds, 'Two contacts have the same id')
    .default([]),
  archived: z.boolean().default(false),
});
export type Prospect = z.infer<typeof prospectSchema>;

export const DEAL_STAGES = ['discovery', 'evaluation', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const dealStageSchema = z.enum(DEAL_STAGES);
export type DealStage = z.infer<typeof dealStageSchema>;
/** Stages in which a deal is still being worked and must always have a next touch. */
export const ACTIVE_DEAL_STAGES: readonly DealStage[] = ['discovery', 'evaluation', 'proposal', 'negotiation'];

export const dealSchema = recordBaseSchema.extend({
  prospectId: idSchema,
  title: nonBlank('Deal title').max(200),
  value: z.number().nonnegative('Deal value cannot be negative').default(0),
  stage: dealStageSchema.default('discovery'),
  expectedClose: localDateSchema.nullable().default(null),
  archived: z.boolean().default(false),
});
export type Deal = z.infer<typeof dealSchema>;

export const callPlanSchema = z.object({
  needs: z.string().max(20_000).default(''),
  idealOutcome: z.string().max(2_000).default(''),
  fallbackOutcome: z.string().max(2_000).default(''),
  callToAction: z.string().max(2_000).default(''),
  discoveryQuestions: z.array(z.string().max(2_000)).max(LIMITS.listItems, `At most ${LIMITS.listItems} discovery questions`).default([]),
  storyline: z.string().max(20_000).default(''),
  objections: z.array(z.string().max(2_000)).max(LIMITS.listItems, `At most ${LIMITS.listItems} objections`).default([]),
  /** What the prospect committed to last time, carried over from the previous debrief. */
  carriedCommitments: z.array(z.string().max(2_000)).max(LIMITS.listItems, `At most ${LIMITS.listItems} carried commitments`).default([]),
});
export type CallPlan = z.infer<typeof callPlanSchema>;

export const OUTCOMES = ['ideal', 'fallback', 'none'] as const;
export const commitmentSchema = z.object({
  text: nonBlank('Commitment').max(2_000),
  due: localDateSchema.nullable().default(null),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const debriefSchema = z.object({
  outcome: z.enum(OUTCOMES),
  ourCommitments: z.array(commitmentSchema).max(LIMITS.commitments, `At most ${LIMITS.commitments} commitments`).default([]),
  theirCommitments: z.array(commitmentSchema).max(LIMITS.commitments, `At most ${LIMITS.commitments} commitments`).default([]),
  notes: z.string().max(20_000).default(''),
  recordedAt: instantSchema,
});
export type Debrief = z.infer<typeof debriefSchema>;

/**
 * The dates of an all-day meeting, as the calendar had them: local dates, `endDate` exclusive (as iCalendar's
 * DTEND and FullCalendar count), so a one-day event on 3 December is { startDate: 2026-12-03, endDate: 2026-12-04 }.
 * They are the truth: a time-zone change never moves them (the meeting's start/end instants are re-derived).
 */
export const allDaySpanSchema = z
  .object({ startDate: localDateSchema, endDate: localDateSchema })
  .refine((span) => span.endDate > span.startDate, { message: 'An all-day meeting ends after the day it starts', path: ['endDate'] });
export type AllDaySpan = z.infer<typeof allDaySpanSchema>;

export const meetingSchema = recordBaseSchema.extend({
  dealId: idSchema.nullable(),
  title: nonBlank('Meeting title').max(300),
  /** Instants; for an all-day meeting, the start of its first day and of the day after its last, in the rep's zone. */
  start: instantSchema,
  end: instantSchema,
  /** Set for an all-day meeting: its dates, which win over start/end. Null for a timed meeting. */
  allDay: allDaySpanSchema.nullable().default(null),
  location: z.string().max(1_000).default(''),
  attendeeIds: z
    .array(idSchema)
    .max(LIMITS.attendees, `At most ${LIMITS.attendees} attendees`)
    .refine(uniqueValues, 'An attendee is listed twice')
    .default([]),
  callPlan: callPlanSchema.prefault({}),
  debrief: debriefSchema.nullable().default(null),
  /** When the calendar said the meeting was cancelled (STATUS:CANCELLED, METHOD:CANCEL); null while it stands. */
  cancelledAt: instantSchema.nullable().default(null),
  /** UID of the calendar event this meeting was imported from, if any. */
  externalUid: z.string().max(1_000).nullable().default(null),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const CHANNELS = ['email', 'phone', 'video', 'in-person', 'linkedin', 'other'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const ACTIONS = [
  'recap',
  'deliver',
  'custom-demo',
  'proof-of-concept',
  'reference-meeting',
  'executive-visit',
  'peer-meeting',
  'joint-content',
  'business-justification',
  'call',
  'other',
] as const;
export const actionSchema = z.enum(ACTIONS);
export type Action = z.infer<typeof actionSchema>;

export const TOUCH_STATUSES = ['planned', 'done', 'skipped'] as const;
export const touchStatusSchema = z.enum(TOUCH_STATUSES);
export type TouchStatus = z.infer<typeof touchStatusSchema>;

/** When a touch is due: an all-day local date, or a timed ISO instant. */
export const touchDueSchema = z.discriminatedUnion('allDay', [
  z.object({ allDay: z.literal(true), date: localDateSchema }),
  z.object({ allDay: z.literal(false), at: instantSchema }),
]);
export type TouchDue = z.infer<typeof touchDueSchema>;

export const touchSchema = recordBaseSchema.extend({
  prospectId: idSchema,
  /** The deal this touch moves forward; null for a prospect's first touch before any deal exists. */
  dealId: idSchema.nullable().default(null),
  /** The meeting this touch follows up, if it belongs to a meeting's sequence. */
  meetingId: idSchema.nullable().default(null),
  due: touchDueSchema,
  channel: channelSchema,
  action: actionSchema,
  title: nonBlank('Touch title').max(300),
  /** What the prospect gets from this touch. Required: a touch without value is a chase. */
  value: nonBlank('Value').max(2_000),
  status: touchStatusSchema.default('planned'),
  locked: z.boolean().default(false),
  completedAt: instantSchema.nullable().default(null),
  outcomeNote: z.string().max(20_000).default(''),
  skipReason: z.string().max(2_000).default(''),
});
export type Touch = z.infer<typeof touchSchema>;

export const templateStepSchema = z.object({
  id: idSchema,
  /** Business days after the meeting (0 = the meeting's own business day). */
  offsetDays: z.number().int().min(0).max(3_650),
  /** Local time of day, or null for an all-day touch. */
  time: localTimeSchema.nullable().default(null),
  channel: channelSchema,
  action: actionSchema,
  title: nonBlank('Step title').max(300),
  value: nonBlank('Value').max(2_000),
});
export type TemplateStep = z.infer<typeof templateStepSchema>;

export const templateSchema = recordBaseSchema.extend({
  name: nonBlank('Template name').max(200),
  description: z.string().max(2_000).default(''),
  builtIn: z.boolean().default(false),
  steps: z
    .array(templateStepSchema)
    .min(1, 'A template needs at least one step')
    .max(LIMITS.templateSteps, `A template can have at most ${LIMITS.templateSteps} steps`)
    .refine(uniqueIds, 'Two steps have the same id'),
});
export type Template = z.infer<typeof templateSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The app's colours: the OS's choice, or always light, or always dark. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export const weekdaySchema = z.number().int().min(1).max(7);

export const settingsObjectSchema = z.object({
    workingDays: z.array(weekdaySchema).min(1, 'Choose at least one working day').max(7).refine(uniqueValues, 'A working day is listed twice').default([1, 2, 3, 4, 5]),
    workdayStart: localTimeSchema.default('09:00'),
    workdayEnd: localTimeSchema.default('17:30'),
    /** IANA time zone, taken from the OS when the data folder is created. */
    timeZone: z
      .string()
      .min(1)
      .max(100, 'A time zone name is at most 100 characters (e.g. Europe/Berlin)')
      .refine(isTimeZone, { error: (issue) => `"${String(issue.input).slice(0, 40)}" is not a time zone this system knows (e.g. Europe/Berlin)` })
      .default('UTC'),
    nonWorkingDates: z.array(localDateSchema).max(LIMITS.nonWorkingDates, `At most ${LIMITS.nonWorkingDates} holidays`).default([]),
    digestTime: localTimeSchema.default('08:30'),
    meetingLeadMinutes: z.number().int().min(0).max(24 * 60).default(10),
    touchLeadMinutes: z.number().int().min(0).max(24 * 60).default(0),
    notifyOutsideWorkingHours: z.boolean().default(false),
    autoFirstTouch: z.boolean().default(true),
    /** First day of the week in the calendar: 0 = Sunday, 1 = Monday. */
    weekStartsOn: z.number().int().min(0).max(6).default(1),
    /** What dragging a touch does with the later ones of its sequence. */
    shiftDefault: z.enum(['ask', 'this', 'later']).default('ask'),
    closeToTray: z.boolean().default(true),
    /** Light or dark colours; 'system' follows the OS (prefers-color-scheme, Electron's nativeTheme). */
    theme: z.enum(THEMES).default('system'),
    openAtLogin: z.boolean().default(false),
    /**
     * The column mapping of each kind of CSV file imported (target field -> CSV header), keyed by the file's set of
     * headers, so each CRM's export gets its own mapping suggested again.
     */
    csvMappings: z
      .record(
        z.string().max(200),
        z
          .record(z.string().max(200), z.string().max(500).nullable())
          .refine((mapping) => Object.keys(mapping).length <= LIMITS.csvMappingColumns, `At most ${LIMITS.csvMappingColumns} mapped columns`),
      )
      .refine((mappings) => Object.keys(mappings).length <= LIMITS.csvMappingsKept, `At most ${LIMITS.csvMappingsKept} remembered CSV mappings`)
      .default({}),
    /** The rep's own company's email domain: never offered as a prospect. Filled from the first calendar import. */
    ownDomain: z
      .string()
      .trim()
      .toLowerCase()
      .max(253)
      .regex(/^$|^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'Enter a domain like example.com')
      .default(''),
});
export const settingsSchema = settingsObjectSchema.refine((s) => s.workdayStart < s.workdayEnd, {
  message: 'The working day must end after it starts',
  path: ['workdayEnd'],
});
/** A partial change to settings; the merged result is validated with settingsSchema. */
export const settingsPatchSchema = patchOf(settingsObjectSchema);
export type Settings = z.infer<typeof settingsSchema>;

/** The whole dataset as the store holds it in memory. */
export const datasetSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  settings: settingsSchema,
  prospects: z.array(prospectSchema),
  deals: z.array(dealSchema),
  meetings: z.array(meetingSchema),
  touches: z.array(touchSchema),
  templates: z.array(templateSchema),
  /** Keys of notifications already shown (record id + due instant), so a restart never repeats one. */
  notifiedKeys: z.array(z.string()).default([]),
});
export type Dataset = z.infer<typeof datasetSchema>;

export const COLLECTIONS = ['prospects', 'deals', 'meetings', 'touches', 'templates'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
export interface CollectionRecord {
  prospects: Prospect;
  deals: Deal;
  meetings: Meeting;
  touches: Touch;
  templates: Template;
}
export const recordSchemas = {
  prospects: prospectSchema,
  deals: dealSchema,
  meetings: meetingSchema,
  touches: touchSchema,
  templates: templateSchema,
} as const;
