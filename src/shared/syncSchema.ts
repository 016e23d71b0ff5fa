// The stored state of calendar sync (DESIGN.md, "Sync: beyond one machine"): the rep's calendar accounts,
// what was last read from and written to each server, and the questions a server-side move raised. It lives in
// touchplan.json beside the settings; every field has a default, so files written before sync load unchanged.
// Passwords are never here: they are kept by the SecretStore port.
import { z } from 'zod';
import { idSchema, instantSchema, touchDueSchema } from './schema';

const url = z.string().max(2_000);
const etag = z.string().max(1_000);

/** One object (href) read from a calendar: its ETag and the meeting keys (UID, or UID#recurrence) it yielded. */
export const readObjectSchema = z.object({ etag, keys: z.array(z.string().max(1_100)).max(5_000) });

/** A calendar of a CalDAV account, as the server last described it, and how far it was read. */
export const syncCalendarSchema = z.object({
  url,
  name: z.string().max(300).default(''),
  /** Meetings are read from it. Never true for the calendar the touches are written to. */
  read: z.boolean().default(false),
  ctag: z.string().max(1_000).nullable().default(null),
  /** The server offers RFC 6578 sync-collection on it; else changes are found by ctag and ETags. */
  supportsSync: z.boolean().default(true),
  /** RFC 6578 sync token of the last read; null before the first, or where the server has none. */
  syncToken: z.string().max(2_000).nullable().default(null),
  /** href (path as the server writes it) -> what was read from it. */
  objects: z.record(z.string().max(2_000), readObjectSchema).default({}),
});
export type SyncCalendar = z.infer<typeof syncCalendarSchema>;

/** A touch as it was last written to the server: the ETag the server gave, and what was written. */
export const pushedTouchSchema = z.object({
  href: url,
  etag: etag.nullable(),
  /** Hash of the fields written (title, due, action, value, prospect...), to know when to write again. */
  hash: z.string().max(100),
  due: touchDueSchema,
});
export type PushedTouch = z.infer<typeof pushedTouchSchema>;

export const syncQuestionSchema = z.discriminatedUnion('kind', [
  /** A meeting with planned follow-ups was moved on the calendar: move its follow-ups too? */
  z.object({ kind: z.literal('meeting-moved'), id: idSchema, meetingId: idSchema, title: z.string().max(300), from: instantSchema, to: instantSchema, askedAt: instantSchema }),
  /** A touch was moved on the calendar (the phone) and has later touches in its sequence: move them too? */
  z.object({ kind: z.literal('touch-moved'), id: idSchema, touchId: idSchema, title: z.string().max(300), from: touchDueSchema, to: touchDueSchema, askedAt: instantSchema }),
  /** A touch was moved both here and on the calendar (a 412): Touchplan's time was kept; take the calendar's? */
  z.object({ kind: z.literal('touch-conflict'), id: idSchema, touchId: idSchema, title: z.string().max(300), calendarDue: touchDueSchema, askedAt: instantSchema }),
]);
export type SyncQuestion = z.infer<typeof syncQuestionSchema>;

export const calendarAccountSchema = z.object({
  id: idSchema,
  kind: z.enum(['caldav', 'ical']),
  label: z.string().max(300).default(''),
  /** CalDAV: the server address as discovered; iCal: the subscription address. */
  url,
  username: z.string().max(300).default(''),
  homeUrl: url.default(''),
  calendars: z.array(syncCalendarSchema).max(200).default([]),
  /** The calendar the planned touches are written to (CalDAV only); null: touches are not written. */
  touchCalendarUrl: url.nullable().default(null),
  /** Sync token / ctag of the touch calendar, to notice touches moved on the server. */
  touchCalendar: z.object({ syncToken: z.string().max(2_000).nullable(), ctag: z.string().max(1_000).nullable() }).default({ syncToken: null, ctag: null }),
  /** touch id -> what was last written for it. */
  pushed: z.record(idSchema, pushedTouchSchema).default({}),
  paused: z.boolean().default(false),
  lastSyncAt: instantSchema.nullable().default(null),
  lastError: z.string().max(500).nullable().default(null),
  /** iCal subscriptions: the validators of the last answer, and the meeting keys it held. */
  etag: etag.nullable().default(null),
  lastModified: z.string().max(100).nullable().default(null),
  keys: z.array(z.string().max(1_100)).max(100_000).default([]),
});
export type CalendarAccount = z.infer<typeof calendarAccountSchema>;

export const calendarSyncStateSchema = z.object({
  accounts: z.array(calendarAccountSchema).max(20).default([]),
  questions: z.array(syncQuestionSchema).max(1_000).default([]),
});
export type CalendarSyncState = z.infer<typeof calendarSyncStateSchema>;

export const emptyCalendarSync = (): CalendarSyncState => ({ accounts: [], questions: [] });
