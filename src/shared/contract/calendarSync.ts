// Channels for calendar accounts (Settings > Calendar account): connect a CalDAV server or subscribe to an
// iCal address, choose the calendars, sync now, pause, the status, disconnect, and the answers to the
// questions a move on the server raised (shown on Today).
import { z } from 'zod';
import { idSchema, type TouchDue } from '../schema';
import type { SyncQuestion } from '../syncSchema';
import { returns } from './returns';

export interface CalendarView {
  url: string;
  name: string;
  read: boolean;
  /** The calendar the touches are written to. */
  touches: boolean;
}

export interface AccountView {
  id: string;
  kind: 'caldav' | 'ical';
  label: string;
  url: string;
  username: string;
  calendars: CalendarView[];
  touchCalendarUrl: string | null;
  paused: boolean;
  lastSyncAt: string | null;
  /** The last failure in plain words ("The server refused the password…"); null after a good sync. */
  lastError: string | null;
  /** True while a sync of it runs. */
  syncing: boolean;
  /** Progress of the sync running now (objects read of those to read), if any. */
  progress: { phase: 'meetings' | 'touches'; done: number; total: number } | null;
  /** Touches still to be written or removed on the server (offline changes wait here). */
  pending: number;
}

export interface SyncStatus {
  accounts: AccountView[];
  questions: SyncQuestion[];
  /** False where passwords live only as long as the host (the browser host): Settings says so. */
  passwordsKept: boolean;
}

export type { SyncQuestion, TouchDue };

const password = z.string().min(1, 'Enter the app password').max(1_000, 'A password is at most 1,000 characters');
const address = z.string().trim().min(1, 'Enter an address').max(2_000, 'An address is at most 2,000 characters');

export const touchCalendarChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('existing'), url: address }),
  /** Create a calendar named "Touchplan" on the server (or use the one already there). */
  z.object({ kind: z.literal('create') }),
]);

export const calendarSyncChannels = {
  'calendarSync.status': { request: z.object({}).default({}), response: returns<SyncStatus>() },
  /** Finds the calendars (well-known address, principal, home) and keeps the password in the SecretStore. */
  'calendarSync.connect': {
    request: z.object({ server: address, username: z.string().trim().min(1, 'Enter the user name').max(300), password }),
    response: returns<AccountView>(),
  },
  /** A read-only iCal address (https, or webcal), polled every 15 minutes. */
  'calendarSync.subscribe': { request: z.object({ url: address, label: z.string().max(300).default('') }), response: returns<AccountView>() },
  /** Asks the server for the account's calendars again. */
  'calendarSync.calendars': { request: z.object({ accountId: idSchema }), response: returns<AccountView>() },
  'calendarSync.choose': {
    request: z.object({ accountId: idSchema, read: z.array(address).max(200), touchCalendar: touchCalendarChoiceSchema }),
    response: returns<AccountView>(),
  },
  /** Syncs one account, or every account not paused; answers the status (a failure is in its lastError). */
  'calendarSync.syncNow': { request: z.object({ accountId: idSchema.optional() }).default({}), response: returns<SyncStatus>() },
  'calendarSync.pause': { request: z.object({ accountId: idSchema, paused: z.boolean() }), response: returns<AccountView>() },
  /** Forgets the account and its password; meetings already in Touchplan stay. */
  'calendarSync.disconnect': { request: z.object({ accountId: idSchema }), response: returns<null>() },
  /** 'apply': move the follow-ups (or take the calendar's time); 'keep': leave them as they are. */
  'calendarSync.answer': { request: z.object({ questionId: idSchema, answer: z.enum(['apply', 'keep']) }), response: returns<null>() },
} as const;
