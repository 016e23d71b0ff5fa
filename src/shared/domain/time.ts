// Local dates, wall-clock times and instants in the rep's time zone (settings.timeZone).
//
// Zone rules come from Temporal (temporal-polyfill). The polyfill costs tens of microseconds per
// zoned conversion, too slow for the Today list over 60,000 touches, so the UTC offsets Temporal
// reports are cached as periods between two zone transitions; a conversion is then a binary search
// plus integer arithmetic on epoch days (the ISO proleptic Gregorian calendar, the one Temporal uses).
// Never Date.now(), never local-offset Date arithmetic: every function gets its instants explicitly.
import { Temporal } from 'temporal-polyfill';
import type { Settings, TouchDue } from '../schema';

/** A local calendar date, YYYY-MM-DD. */
export type LocalDate = string;
/** A local wall-clock time, HH:mm. */
export type LocalTime = string;
/** An instant: epoch milliseconds, or an ISO 8601 instant with offset ("2026-03-09T14:00:00.000Z"). */
export type InstantInput = number | string;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Calendar dates as epoch days (days since 1970-01-01)

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);
const pad4 = (n: number): string => `${n}`.padStart(4, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a local date; throws a RangeError on anything but a real YYYY-MM-DD date. */
export function epochDayOf(date: LocalDate): number {
  const m = DATE_RE.exec(date);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Expected a local date as YYYY-MM-DD, got "${date}"`);
  }
  return daysFromCivil(year, month, day);
}

/** The local date (YYYY-MM-DD) of a day number since 1970-01-01. */
export function dateOfEpochDay(epochDay: number): LocalDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOfEpochDay(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return isoWeekdayOfEpochDay(epochDayOf(date));
}

/** The local date n calendar days after (n < 0: before) a date. */
export function addCalendarDays(date: LocalDate, n: number): LocalDate {
  return dateOfEpochDay(epochDayOf(date) + n);
}

/** Signed number of calendar days from a to b. */
export function calendarDaysBetween(a: LocalDate, b: LocalDate): number {
  return epochDayOf(b) - epochDayOf(a);
}

/** Orders two local dates: negative if a is earlier, 0 if equal, positive if later. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Wall-clock times

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of an 'HH:mm' time; throws a RangeError otherwise. */
export function minutesOfTime(time: LocalTime): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Expected a time as HH:mm, got "${time}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 'HH:mm' of a number of minutes since midnight (0 … 1439). */
export function timeOfMinutes(minutes: number): LocalTime {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

// ---------------------------------------------------------------------------------------------
// Instants

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/** Epoch milliseconds of an instant (number passes through; ISO strings must carry Z or an offset). */
export function instantMs(instant: InstantInput): number {
  if (typeof instant === 'number') {
    if (!Number.isFinite(instant)) throw new RangeError(`Expected an instant, got ${instant}`);
    return instant;
  }
  const m = INSTANT_RE.exec(instant);
  if (m) {
    const frac = m[5] ? Number(m[5].slice(0, 3).padEnd(3, '0')) : 0;
    const offsetMin = m[6] ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
    const hours = Number(m[2]);
    const minutes = Number(m[3]);
    const seconds = Number(m[4] ?? 0);
    if (hours <= 23 && minutes <= 59 && seconds <= 59) {
      return (
        epochDayOf(m[1]!) * MS_PER_DAY +
        ((hours * 60 + minutes - offsetMin) * 60 + seconds) * 1000 +
        frac
      );
    }
  }
  return Temporal.Instant.from(instant).epochMilliseconds;
}

/** The canonical ISO form of an instant, as Date#toISOString writes it: 2026-03-09T14:00:00.000Z. */
export function toIsoInstant(instant: InstantInput): string {
  const ms = instantMs(instant);
  const day = Math.floor(ms / MS_PER_DAY);
  const inDay = ms - day * MS_PER_DAY;
  const h = Math.floor(inDay / 3_600_000);
  const min = Math.floor(inDay / MS_PER_MINUTE) % 60;
  const s = Math.floor(inDay / 1000) % 60;
  return `${dateOfEpochDay(day)}T${pad2(h)}:${pad2(min)}:${pad2(s)}.${pad3(inDay % 1000)}Z`;
}

/**
 * A string that orders like the instant (plain string comparison), cheap for the canonical
 * ...:00.000Z form that the app stores: a validated instant of that shape is returned as is.
 */
export function instantKey(instant: InstantInput): string {
  if (
    typeof instant === 'string' &&
    instant.length === 24 &&
    instant.charCodeAt(23) === 90 /* Z */ &&
    instant.charCodeAt(19) === 46 /* . */ &&
    instant.charCodeAt(10) === 84 /* T */
  ) {
    return instant;
  }
  return toIsoInstant(instant);
}

/** Orders two instants: negative if a is earlier, 0 if equal, positive if later. */
export function compareInstants(a: InstantInput, b: InstantInput): number {
  return instantMs(a) - instantMs(b);
}

// ---------------------------------------------------------------------------------------------
// Time zones: offset periods from Temporal, cached

interface OffsetPeriod {
  /** First epoch ms of the period (inclusive). */
  start: number;
  /** First epoch ms after the period (exclusive). */
  end: number;
  offsetMs: number;
}

const MAX_PERIODS_PER_ZONE = 4_096;
const zonePeriods = new Map<string, OffsetPeriod[]>();

function loadPeriod(ms: number, timeZone: string): OffsetPeriod {
  const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  const next = zdt.getTimeZoneTransition('next');
  // 'previous' is strictly before the instant: ask from 1 ns later so a transition at ms counts.
  const previous = zdt.add({ nanoseconds: 1 }).getTimeZoneTransition('previous');
  return {
    start: previous ? previous.epochMilliseconds : -Infinity,
    end: next ? next.epochMilliseconds : Infinity,
    offsetMs: Math.round(zdt.offsetNanoseconds / 1_000_000),
  };
}

function periodAt(ms: number, timeZone: string): OffsetPeriod {
  let periods = zonePeriods.get(timeZone);
  if (!periods) {
    periods = [];
    zonePeriods.set(timeZone, periods);
  }
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = periods[mid]!;
    if (ms < p.start) hi = mid - 1;
    else if (ms >= p.end) lo = mid + 1;
    else return p;
  }
  const period = loadPeriod(ms, timeZone);
  if (periods.length >= MAX_PERIODS_PER_ZONE) periods.length = 0;
  const at = periods.findIndex((p) => p.start >= period.end);
  periods.splice(at < 0 ? periods.length : at, 0, period);
  return period;
}

/** UTC offset in milliseconds of a time zone at an instant (e.g. -18,000,000 for New York in winter). */
export function utcOffsetMs(instant: InstantInput, timeZone: string): number {
  return periodAt(instantMs(instant), timeZone).offsetMs;
}

/** UTC offset of a time zone at an instant as ±HH:mm, e.g. '-05:00'. */
export function utcOffsetOf(instant: InstantInput, timeZone: string): string {
  const minutes = Math.round(utcOffsetMs(instant, timeZone) / MS_PER_MINUTE);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

function localMs(instant: InstantInput, timeZone: string): number {
  const ms = instantMs(instant);
  return ms + periodAt(ms, timeZone).offsetMs;
}

/** The local date of an instant in a time zone. */
export function localDateOf(instant: InstantInput, timeZone: string): LocalDate {
  return dateOfEpochDay(Math.floor(localMs(instant, timeZone) / MS_PER_DAY));
}

/** The local wall-clock time ('HH:mm') of an instant in a time zone. */
export function localTimeOf(instant: InstantInput, timeZone: string): LocalTime {
  const local = localMs(instant, timeZone);
  const inDay = local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
  return timeOfMinutes(Math.floor(inDay / MS_PER_MINUTE));
}

/**
 * Epoch ms of a local date and wall-clock time in a time zone, with Temporal's 'compatible'
 * disambiguation: a time skipped by a DST gap moves forward by the gap, a repeated time takes the
 * earlier of its two instants.
 */
export function instantMsAt(date: LocalDate, time: LocalTime, timeZone: string): number {
  const wall = epochDayOf(date) * MS_PER_DAY + minutesOfTime(time) * MS_PER_MINUTE;
  // Offsets are within ±1 day, so the instant lies in a period meeting [wall - 1 day, wall + 1 day].
  const periods: OffsetPeriod[] = [periodAt(wall - MS_PER_DAY, timeZone)];
  for (let p = periods[0]!; p.end <= wall + MS_PER_DAY; ) {
    p = periodAt(p.end, timeZone);
    periods.push(p);
  }
  for (const p of periods) {
    const candidate = wall - p.offsetMs;
    if (candidate >= p.start && candidate < p.end) return candidate; // earliest valid one first
  }
  for (let i = 0; i + 1 < periods.length; i++) {
    const before = periods[i]!;
    const after = periods[i + 1]!;
    if (wall - before.offsetMs >= before.end && wall - after.offsetMs < after.start) return wall - before.offsetMs;
  }
  // Not reached with real zone data; let Temporal decide.
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    .epochMilliseconds;
}

/** The ISO instant of a local date and wall-clock time in a time zone (DST-safe, see instantMsAt). */
export function instantAt(date: LocalDate, time: LocalTime, timeZone: string): string {
  return toIsoInstant(instantMsAt(date, time, timeZone));
}

/** Today's local date in the rep's time zone. */
export function todayLocalDate(now: InstantInput, settings: Pick<Settings, 'timeZone'>): LocalDate {
  return localDateOf(now, settings.timeZone);
}

/** True if the string names a time zone Temporal knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Dues

/** The local date a touch is due on. */
export function dueLocalDate(due: TouchDue, timeZone: string): LocalDate {
  return due.allDay ? due.date : localDateOf(due.at, timeZone);
}

/** The instant (epoch ms) a due sorts at: an all-day touch sorts at the start of the working day of its date. */
export function dueSortKey(due: TouchDue, settings: Pick<Settings, 'timeZone' | 'workdayStart'>): number {
  return due.allDay ? instantMsAt(due.date, settings.workdayStart, settings.timeZone) : instantMs(due.at);
}

/** Orders two dues by their sort keys. */
export function compareDues(a: TouchDue, b: TouchDue, settings: Pick<Settings, 'timeZone' | 'workdayStart'>): number {
  return dueSortKey(a, settings) - dueSortKey(b, settings);
}

/** True if two dues are the same (same all-day date, or the same instant). */
export function sameDue(a: TouchDue, b: TouchDue): boolean {
  if (a.allDay || b.allDay) return a.allDay && b.allDay && a.date === b.date;
  return instantMs(a.at) === instantMs(b.at);
}

/**
 * True if a planned touch with this due is overdue at `now`: a timed one when its instant is
 * before now, an all-day one when its date is before today's local date.
 */
export function isDueOverdue(due: TouchDue, now: InstantInput, settings: Pick<Settings, 'timeZone'>): boolean {
  return due.allDay ? due.date < todayLocalDate(now, settings) : instantMs(due.at) < instantMs(now);
}
