// Reading iCalendar files (RFC 5545) exported by Outlook, Google Calendar or Apple Calendar, with ical.js.
// Plain Node: no Electron, no store. The result is a flat list of occurrences with instants in UTC.
//
// Time zones: a TZID on DTSTART/DTEND/RECURRENCE-ID/EXDATE is resolved by ical.js against the VTIMEZONE
// definitions of the same file (Component#getTimeZoneByID), so Outlook's Windows zone names ("W. Europe
// Standard Time") and their DST rules are honoured. The definitions are NOT registered in the process-wide
// ICAL.TimezoneService on purpose: a file's (possibly wrong) rules for "America/New_York" would then leak into
// every later import. A TZID with no VTIMEZONE in the file falls back to the IANA zone of that name (through
// Temporal), else to the rep's time zone; floating times (no TZID, no Z) are read in the rep's time zone.
//
// All-day events (DTSTART;VALUE=DATE) keep their dates (end exclusive); their instants, 00:00 -> 00:00 in the
// rep's time zone, only place them in the window. Recurring events are expanded over the window with ical.js (RRULE, RDATE, EXDATE), with
// RECURRENCE-ID overrides applied (Event#relateException, Event#getOccurrenceDetails).
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { addCalendarDays, instantMsAt, isValidTimeZone, toIsoInstant } from '../../../shared/domain/time';
import type { IcsPerson } from '../../../shared/contract/interop';
import type { AllDaySpan } from '../../../shared/schema';

export class IcsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IcsError';
  }
}

export interface IcsOccurrence {
  key: string;
  uid: string;
  recurrenceId?: string;
  title: string;
  location: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  /** The dates of an all-day event (end exclusive), as the file has them. */
  dates?: AllDaySpan;
  organizer: IcsPerson | null;
  attendees: IcsPerson[];
  cancelled: boolean;
  /** Whether the occurrence overlaps the window. */
  inWindow: boolean;
  /** Set when the event was written by Touchplan's export (UID "<record id>@touchplan"). */
  touchplan: { id: string; kind: 'meeting' | 'touch' | null } | null;
  /** Why the event could not be read (it is then skipped), if so. */
  problem?: string;
  /** An occurrence of a series that the calendar moved away from its usual time (an override with another start). */
  moved?: boolean;
}

/** An occurrence a series no longer has (EXDATE): a meeting imported for it earlier is cancelled. */
export interface IcsRemovedOccurrence {
  uid: string;
  key: string;
  recurrenceId: string;
  title: string;
  start: string;
}

export interface IcsParseOptions {
  /** The rep's IANA time zone: floating times and all-day dates are read in it. */
  timeZone: string;
  windowStartMs: number;
  windowEndMs: number;
  /** The most occurrences one file may produce; past it the file is refused. */
  maxOccurrences?: number;
  /** The most occurrences one series may have in the window (5,000: daily for over thirteen years). */
  maxPerSeries?: number;
  /** The most recurrence steps (occurrences looked at, kept or not) one file may take. */
  maxSteps?: number;
  /** Epoch ms after which reading stops and the file is refused. */
  deadlineMs?: number;
}

export interface IcsParseResult {
  calendarName: string;
  /** The calendar's METHOD (PUBLISH, REQUEST, CANCEL...), upper case; '' when absent. */
  method: string;
  /** UIDs whose whole event or series is cancelled (STATUS:CANCELLED on it, or METHOD:CANCEL without RECURRENCE-ID). */
  cancelledSeries: string[];
  /** Occurrences removed from their series (EXDATE) in the window. */
  removed: IcsRemovedOccurrence[];
  occurrences: IcsOccurrence[];
}

export const DEFAULT_MAX_OCCURRENCES = 100_000;
export const DEFAULT_MAX_STEPS = 2_000_000;
export const DEFAULT_MAX_PER_SERIES = 5_000;

/**
 * Occurrences whose original start is further than this outside the window are not looked at: an override
 * may move an occurrence into the window from up to a month away.
 */
const EXPANSION_MARGIN_MS = 31 * 86_400_000;
/** A runaway rule (FREQ=SECONDLY...) stops here. */
const MAX_ITERATIONS_PER_SERIES = 20_000;
const TOUCHPLAN_UID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@touchplan$/i;

/** Parses the whole file first: a file that does not parse throws IcsError and yields nothing. */
export function parseIcs(text: string, options: IcsParseOptions): IcsParseResult {
  const root = parseRoot(text);
  memoizeZones(root);
  const vevents = root.getAllSubcomponents('vevent');
  const calendarName = stringValue(root, 'x-wr-calname');
  const method = stringValue(root, 'method').toUpperCase();
  const budget = new Budget(options);

  // Masters by UID; overrides (RECURRENCE-ID) related to their master, or kept alone if it is not in the file.
  const masters = new Map<string, ICAL.Event>();
  const overrides: ICAL.Component[] = [];
  const occurrences: IcsOccurrence[] = [];
  for (const vevent of vevents) {
    let uid: string;
    try {
      uid = uidOf(vevent);
    } catch (error) {
      occurrences.push(brokenEvent('', vevent, error));
      continue;
    }
    if (vevent.hasProperty('recurrence-id')) overrides.push(vevent);
    // exceptions: [] stops ical.js from relating every RECURRENCE-ID event of the file (of any UID) to it;
    // overrides are related below, to the master of their own UID only.
    else masters.set(uid, new ICAL.Event(vevent, { strictExceptions: true, exceptions: [] }));
  }
  const orphans: ICAL.Component[] = [];
  for (const override of overrides) {
    const master = masters.get(uidOf(override));
    try {
      if (master?.isRecurring()) master.relateException(override);
      else orphans.push(override);
    } catch (error) {
      occurrences.push(brokenEvent(uidOf(override), override, error));
    }
  }

  const cancelledSeries: string[] = [];
  const removed: IcsRemovedOccurrence[] = [];
  for (const [uid, event] of masters) {
    if (method === 'CANCEL' || stringValue(event.component, 'status').toUpperCase() === 'CANCELLED') cancelledSeries.push(uid);
    try {
      if (event.isRecurring()) {
        occurrences.push(...expandSeries(uid, event, options, budget));
        removed.push(...removedOccurrences(uid, event, options));
      }
      else {
        budget.count(1, uid, event);
        // A one-off event is imported whatever its date; only the past stays out.
        const occurrence = single(uid, event, undefined, options);
        occurrences.push({ ...occurrence, inWindow: Date.parse(occurrence.end) > options.windowStartMs });
      }
    } catch (error) {
      if (error instanceof IcsError) throw error;
      occurrences.push(brokenEvent(uid, event.component, error));
    }
  }
  for (const orphan of orphans) {
    const uid = uidOf(orphan);
    try {
      budget.count(1, uid, null);
      const event = new ICAL.Event(orphan);
      const recurrenceId = recurrenceKey(event.recurrenceId, orphan.getFirstProperty('recurrence-id'), options.timeZone);
      occurrences.push(single(uid, event, recurrenceId, options));
    } catch (error) {
      if (error instanceof IcsError) throw error;
      occurrences.push(brokenEvent(uid, orphan, error));
    }
  }
  // METHOD:CANCEL: every event of the file is a cancellation, whatever its STATUS says.
  if (method === 'CANCEL') for (const o of occurrences) o.cancelled = true;
  occurrences.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.key < b.key ? -1 : 1));
  return { calendarName, method, cancelledSeries, removed, occurrences };
}

/** The EXDATEs of a series that fall in the window, keyed like the occurrences they remove. */
function removedOccurrences(uid: string, event: ICAL.Event, options: IcsParseOptions): IcsRemovedOccurrence[] {
  const dtstart = event.component.getFirstProperty('dtstart');
  const title = stringValue(event.component, 'summary');
  const result: IcsRemovedOccurrence[] = [];
  for (const prop of event.component.getAllProperties('exdate')) {
    for (const value of prop.getValues()) {
      if (!(value instanceof ICAL.Time)) continue;
      const ms = timeMs(value, prop, options.timeZone);
      if (!(ms >= options.windowStartMs && ms < options.windowEndMs)) continue;
      const recurrenceId = recurrenceKey(value, prop ?? dtstart, options.timeZone) as string;
      result.push({ uid, key: `${uid}#${recurrenceId}`, recurrenceId, title, start: toIsoInstant(ms) });
    }
  }
  return result;
}

/** What one file may cost: occurrences kept, recurrence steps taken, and time. */
class Budget {
  private kept = 0;
  private steps = 0;
  private readonly maxOccurrences: number;
  readonly maxPerSeries: number;
  private readonly maxSteps: number;
  private readonly deadlineMs: number;

  constructor(options: IcsParseOptions) {
    this.maxOccurrences = options.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES;
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
    this.maxPerSeries = options.maxPerSeries ?? DEFAULT_MAX_PER_SERIES;
    this.deadlineMs = options.deadlineMs ?? Infinity;
  }

  count(kept: number, uid: string, event: ICAL.Event | null): void {
    this.kept += kept;
    if (this.kept > this.maxOccurrences) {
      throw new IcsError(
        `This calendar file holds more than ${this.maxOccurrences.toLocaleString('en-US')} events and occurrences in the import window${describeSeries(uid, event)}. Touchplan stopped reading it: it looks damaged or made to overload the app. Nothing was imported.`,
      );
    }
  }

  step(uid: string, event: ICAL.Event): void {
    this.steps++;
    if (this.steps > this.maxSteps) {
      throw new IcsError(
        `This calendar file repeats its events too often to be read${describeSeries(uid, event)}: over ${this.maxSteps.toLocaleString('en-US')} repetitions. It looks damaged or made to overload the app. Nothing was imported.`,
      );
    }
    if ((this.steps & 1023) === 0 && Date.now() > this.deadlineMs) {
      throw new IcsError(`Reading this calendar file takes too long${describeSeries(uid, event)}. Touchplan stopped reading it; nothing was imported.`);
    }
  }
}

const FREQUENCY_WORDS: Record<string, string> = {
  SECONDLY: 'every second',
  MINUTELY: 'every minute',
  HOURLY: 'every hour',
  DAILY: 'every day',
  WEEKLY: 'every week',
  MONTHLY: 'every month',
  YEARLY: 'every year',
};

function describeSeries(uid: string, event: ICAL.Event | null): string {
  if (!event) return '';
  const title = stringValue(event.component, 'summary') || uid;
  const rule = event.component.getFirstPropertyValue('rrule') as ICAL.Recur | null;
  const words = rule?.freq ? FREQUENCY_WORDS[rule.freq] : undefined;
  return ` (the event "${title.slice(0, 80)}"${words ? ` repeats ${words}` : ''})`;
}

function parseRoot(text: string): ICAL.Component {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new IcsError('The file is empty.');
  if (hasBinary(trimmed.slice(0, 4096))) {
    throw new IcsError('This is not a calendar file (.ics): it contains binary data.');
  }
  if (!/^BEGIN:VCALENDAR\b/i.test(trimmed)) {
    throw new IcsError('This is not a calendar file (.ics): it does not start with BEGIN:VCALENDAR.');
  }
  if (!/END:VCALENDAR$/i.test(trimmed)) {
    throw new IcsError('The calendar file is incomplete (it does not end with END:VCALENDAR): it may have been cut off. Nothing was imported.');
  }
  let jcal: unknown;
  try {
    jcal = ICAL.parse(trimmed);
  } catch (error) {
    throw new IcsError(`The calendar file cannot be read: ${(error as Error).message}. Nothing was imported.`);
  }
  // A file with several VCALENDARs parses to an array of them: take the first (that is what clients do).
  const first = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal;
  const root = new ICAL.Component(first as unknown[]);
  if (root.name !== 'vcalendar') throw new IcsError('This is not a calendar file (.ics): it holds no VCALENDAR.');
  return root;
}

/**
 * ical.js works out a VTIMEZONE's UTC offset from scratch on every call (recurrence expansion compares times,
 * each comparison converts both sides), which dominates the cost of a large file. The offset of a wall-clock
 * time never changes within one file, so each zone of the file remembers its answers.
 */
function memoizeZones(root: ICAL.Component): void {
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
    const tzid = vtimezone.getFirstPropertyValue('tzid');
    if (typeof tzid !== 'string') continue;
    const zone = root.getTimeZoneByID(tzid);
    if (!zone) continue;
    const compute = zone.utcOffset.bind(zone);
    const memo = new Map<number, number>();
    zone.utcOffset = (tt: ICAL.Time) => {
      const key = ((((tt.year * 13 + tt.month) * 32 + tt.day) * 24 + tt.hour) * 60 + tt.minute) * 60 + tt.second;
      let offset = memo.get(key);
      if (offset === undefined) memo.set(key, (offset = compute(tt)));
      return offset;
    };
  }
}

function uidOf(vevent: ICAL.Component): string {
  const uid = vevent.getFirstPropertyValue('uid');
  if (typeof uid === 'string' && uid.trim() !== '') return uid.trim();
  // RFC 5545 requires a UID; for a file without one, a stable key from what the event is keeps re-imports idempotent.
  const basis = [stringValue(vevent, 'summary'), rawValue(vevent, 'dtstart'), rawValue(vevent, 'dtend')].join('|');
  return `nouid-${createHash('sha1').update(basis).digest('hex').slice(0, 20)}`;
}

function rawValue(component: ICAL.Component, name: string): string {
  const prop = component.getFirstProperty(name);
  if (!prop) return '';
  const value = prop.getFirstValue();
  return value == null ? '' : String(value);
}

function stringValue(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value.trim() : '';
}

function brokenEvent(uid: string, component: ICAL.Component, error: unknown): IcsOccurrence {
  let title = '';
  try {
    title = stringValue(component, 'summary');
  } catch {
    // the summary itself may be the broken part
  }
  return {
    key: uid,
    uid,
    title: title || '(event without a title)',
    location: '',
    description: '',
    start: '',
    end: '',
    allDay: false,
    organizer: null,
    attendees: [],
    cancelled: false,
    inWindow: false,
    touchplan: null,
    problem: `This event cannot be read: ${(error as Error).message}`,
  };
}

function expandSeries(uid: string, event: ICAL.Event, options: IcsParseOptions, budget: Budget): IcsOccurrence[] {
  const dtstart = event.component.getFirstProperty('dtstart');
  if (!dtstart) throw new Error('it has no start (DTSTART)');
  const result: IcsOccurrence[] = [];
  const iterator = event.iterator(fastForwardStart(event, dtstart, options));
  const stopAt = options.windowEndMs + EXPANSION_MARGIN_MS;
  const skipBefore = options.windowStartMs - EXPANSION_MARGIN_MS;
  let next: ICAL.Time | null;
  let iterations = 0;
  while ((next = iterator.next()) && iterations++ < MAX_ITERATIONS_PER_SERIES) {
    budget.step(uid, event);
    const originalMs = timeMs(next, dtstart, options.timeZone);
    if (originalMs > stopAt) break;
    // Long before the window and not moved by an override: cannot land in the window.
    if (originalMs < skipBefore && !(event.exceptions as unknown as Record<string, unknown>)[next.toString()]) continue;
    const details = event.getOccurrenceDetails(next);
    const occurrenceEvent = details.item;
    const startProp = occurrenceEvent.component.getFirstProperty('dtstart') ?? dtstart;
    const endProp = occurrenceEvent.component.getFirstProperty('dtend') ?? event.component.getFirstProperty('dtend') ?? startProp;
    const recurrenceId = recurrenceKey(details.recurrenceId, dtstart, options.timeZone);
    const occurrence = build(uid, occurrenceEvent, recurrenceId, details.startDate, details.endDate, startProp, endProp, options);
    if (details.item !== event && details.startDate.compare(details.recurrenceId) !== 0) occurrence.moved = true;
    // A moved occurrence counts where it now is; one moved out of the window is left out like any other.
    if (occurrence.inWindow) {
      budget.count(1, uid, event);
      result.push(occurrence);
      if (result.length > budget.maxPerSeries) {
        throw new IcsError(
          `This calendar file cannot be imported${describeSeries(uid, event)}: the event occurs more than ${budget.maxPerSeries.toLocaleString('en-US')} times in the import window, which no meeting does. The file looks damaged or made to overload the app. Nothing was imported.`,
        );
      }
    }
  }
  return result;
}

/**
 * ical.js has no way to start a rule's expansion late, and walking a daily series from 2015 costs tens of ms.
 * For the common simple cases (one DAILY or WEEKLY rule, no COUNT, no RDATE) the series is the same when
 * its start moves forward by whole periods (same weekday, same wall-clock time, same week parity), so the
 * expansion starts a whole number of periods before the window instead. Anything else expands from DTSTART.
 */
function fastForwardStart(event: ICAL.Event, dtstart: ICAL.Property, options: IcsParseOptions): ICAL.Time | undefined {
  const component = event.component;
  const rules = component.getAllProperties('rrule');
  if (rules.length !== 1 || component.hasProperty('rdate')) return undefined;
  const rule = rules[0]?.getFirstValue() as ICAL.Recur | undefined;
  if (!rule || rule.count || (rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY')) return undefined;
  const start = event.startDate;
  if (!start) return undefined;
  const periodDays = (rule.interval || 1) * (rule.freq === 'WEEKLY' ? 7 : 1);
  const startMs = timeMs(start, dtstart, options.timeZone);
  // Stay a margin plus a period short of the window: DST shifts and a DTSTART off the rule stay outside it.
  const gapDays = (options.windowStartMs - EXPANSION_MARGIN_MS - startMs) / 86_400_000 - periodDays;
  const periods = Math.floor(gapDays / periodDays);
  if (periods < 1) return undefined;
  // Time#adjust walks day by day; the date is computed directly instead (same wall-clock time and zone).
  const date = addCalendarDays(`${pad(start.year, 4)}-${pad(start.month, 2)}-${pad(start.day, 2)}`, periods * periodDays);
  return ICAL.Time.fromData(
    { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)), hour: start.hour, minute: start.minute, second: start.second, isDate: start.isDate },
    start.zone,
  );
}

function single(uid: string, event: ICAL.Event, recurrenceId: string | undefined, options: IcsParseOptions): IcsOccurrence {
  const startProp = event.component.getFirstProperty('dtstart');
  if (!startProp) throw new Error('it has no start (DTSTART)');
  const endProp = event.component.getFirstProperty('dtend') ?? startProp;
  return build(uid, event, recurrenceId, event.startDate, event.endDate, startProp, endProp, options);
}

function build(
  uid: string,
  event: ICAL.Event,
  recurrenceId: string | undefined,
  startTime: ICAL.Time,
  endTime: ICAL.Time,
  startProp: ICAL.Property,
  endProp: ICAL.Property,
  options: IcsParseOptions,
): IcsOccurrence {
  if (!startTime) throw new Error('it has no start (DTSTART)');
  const allDay = startTime.isDate;
  let startMs: number;
  let endMs: number;
  let dates: AllDaySpan | undefined;
  if (allDay) {
    const startDate = startTime.toString().slice(0, 10);
    let endDate = endTime?.isDate ? endTime.toString().slice(0, 10) : addCalendarDays(startDate, 1);
    if (endDate <= startDate) endDate = addCalendarDays(startDate, 1);
    dates = { startDate, endDate };
    startMs = instantMsAt(startDate, '00:00', options.timeZone);
    endMs = instantMsAt(endDate, '00:00', options.timeZone);
  } else {
    startMs = timeMs(startTime, startProp, options.timeZone);
    endMs = endTime ? timeMs(endTime, endProp, options.timeZone) : startMs;
    if (!(endMs >= startMs)) endMs = startMs;
  }
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) throw new Error('its start or end is not a valid date');
  const component = event.component;
  const touchplanMatch = TOUCHPLAN_UID.exec(uid);
  const kind = stringValue(component, 'x-touchplan-kind');
  const status = stringValue(component, 'status').toUpperCase();
  return {
    key: recurrenceId ? `${uid}#${recurrenceId}` : uid,
    uid,
    ...(recurrenceId ? { recurrenceId } : {}),
    title: stringValue(component, 'summary'),
    location: stringValue(component, 'location'),
    description: stringValue(component, 'description'),
    start: toIsoInstant(startMs),
    end: toIsoInstant(endMs),
    allDay,
    ...(dates ? { dates } : {}),
    organizer: personOf(component.getFirstProperty('organizer')),
    attendees: component
      .getAllProperties('attendee')
      .map(personOf)
      .filter((p): p is IcsPerson => p !== null),
    cancelled: status === 'CANCELLED',
    inWindow: endMs > options.windowStartMs && startMs < options.windowEndMs,
    touchplan: touchplanMatch
      ? { id: (touchplanMatch[1] as string).toLowerCase(), kind: kind === 'touch' || kind === 'meeting' ? kind : null }
      : null,
  };
}

/** The instant of a date-time, honouring the file's VTIMEZONE, else the TZID as an IANA zone, else the rep's zone. */
function timeMs(time: ICAL.Time, prop: ICAL.Property | null, fallbackZone: string): number {
  if (time.isDate) return instantMsAt(time.toString().slice(0, 10), '00:00', fallbackZone);
  const zone = time.zone;
  const floating = !zone || zone === ICAL.Timezone.localTimezone || zone.tzid === 'floating';
  if (!floating) return time.toUnixTime() * 1000;
  const tzid = prop?.getParameter('tzid');
  const zoneName = typeof tzid === 'string' && isValidTimeZone(tzid) ? tzid : fallbackZone;
  const date = `${pad(time.year, 4)}-${pad(time.month, 2)}-${pad(time.day, 2)}`;
  return instantMsAt(date, `${pad(time.hour, 2)}:${pad(time.minute, 2)}`, zoneName) + time.second * 1000;
}

function recurrenceKey(time: ICAL.Time | null | undefined, prop: ICAL.Property | null, timeZone: string): string | undefined {
  if (!time) return undefined;
  if (time.isDate) return time.toString().slice(0, 10);
  return toIsoInstant(timeMs(time, prop, timeZone));
}

function personOf(prop: ICAL.Property | null): IcsPerson | null {
  if (!prop) return null;
  const value = prop.getFirstValue();
  const raw = typeof value === 'string' ? value.trim() : '';
  const email = raw.replace(/^mailto:/i, '').trim().toLowerCase();
  const cn = prop.getParameter('cn');
  const name = (typeof cn === 'string' ? cn : Array.isArray(cn) ? String(cn[0] ?? '') : '').trim();
  if (!email.includes('@') && !name) return null;
  return { name: name || email.split('@')[0] || email, email: email.includes('@') ? email : '' };
}

/** Control characters other than tab, line feed and carriage return do not occur in text files. */
export function hasBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) return true;
  }
  return false;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
