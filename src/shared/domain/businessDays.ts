// Business days and working hours: settings.workingDays (ISO weekdays), settings.nonWorkingDates,
// settings.workdayStart/workdayEnd, all read in settings.timeZone.
import type { Settings } from '../schema';
import {
  type InstantInput,
  type LocalDate,
  type LocalTime,
  dateOfEpochDay,
  epochDayOf,
  instantAt,
  isoWeekdayOfEpochDay,
  localDateOf,
  localTimeOf,
  minutesOfTime,
  timeOfMinutes,
  toIsoInstant,
} from './time';

export type WorkingDaySettings = Pick<Settings, 'workingDays' | 'nonWorkingDates'>;
export type WorkingHoursSettings = Pick<
  Settings,
  'workingDays' | 'nonWorkingDates' | 'workdayStart' | 'workdayEnd' | 'timeZone'
>;

/** How far (in calendar days) a search for a working day goes before giving up. */
export const MAX_WORKING_DAY_SEARCH = 3_660;

interface WorkCalendar {
  workingDays: readonly number[];
  nonWorkingDates: readonly string[];
  length: number;
  /** Index 1 … 7: is this ISO weekday a working day? */
  weekday: boolean[];
  weekdayCount: number;
  /** Epoch days of the non-working dates that fall on working weekdays. */
  holidays: Set<number>;
}

const calendars = new WeakMap<object, WorkCalendar>();

function calendarOf(settings: WorkingDaySettings): WorkCalendar {
  const cached = calendars.get(settings);
  if (
    cached &&
    cached.workingDays === settings.workingDays &&
    cached.nonWorkingDates === settings.nonWorkingDates &&
    cached.length === settings.workingDays.length * 100_000 + settings.nonWorkingDates.length
  ) {
    return cached;
  }
  const weekday = new Array<boolean>(8).fill(false);
  for (const d of settings.workingDays) if (Number.isInteger(d) && d >= 1 && d <= 7) weekday[d] = true;
  const holidays = new Set<number>();
  for (const date of settings.nonWorkingDates) {
    const day = epochDayOf(date);
    if (weekday[isoWeekdayOfEpochDay(day)]) holidays.add(day);
  }
  const calendar: WorkCalendar = {
    workingDays: settings.workingDays,
    nonWorkingDates: settings.nonWorkingDates,
    length: settings.workingDays.length * 100_000 + settings.nonWorkingDates.length,
    weekday,
    weekdayCount: weekday.filter(Boolean).length,
    holidays,
  };
  calendars.set(settings, calendar);
  return calendar;
}

function isWorkingEpochDay(day: number, cal: WorkCalendar): boolean {
  return cal.weekday[isoWeekdayOfEpochDay(day)] === true && !cal.holidays.has(day);
}

function noWorkingDayError(from: LocalDate): Error {
  return new Error(
    `No working day within ${MAX_WORKING_DAY_SEARCH} days of ${from}: check the working days and non-working dates in the settings.`,
  );
}

/** Steps from `day` one calendar day at a time in `direction` until `count` working days were passed. */
function stepWorkingDays(day: number, count: number, direction: 1 | -1, cal: WorkCalendar, from: LocalDate): number {
  if (cal.weekdayCount === 0) throw noWorkingDayError(from);
  let current = day;
  let gap = 0;
  for (let found = 0; found < count; ) {
    current += direction;
    if (isWorkingEpochDay(current, cal)) {
      found++;
      gap = 0;
    } else if (++gap > MAX_WORKING_DAY_SEARCH) {
      throw noWorkingDayError(from);
    }
  }
  return current;
}

/** True if the date is one of the working weekdays and not a non-working date. */
export function isWorkingDay(date: LocalDate, settings: WorkingDaySettings): boolean {
  return isWorkingEpochDay(epochDayOf(date), calendarOf(settings));
}

/** The first working day strictly after the date. */
export function nextWorkingDay(date: LocalDate, settings: WorkingDaySettings): LocalDate {
  return dateOfEpochDay(stepWorkingDays(epochDayOf(date), 1, 1, calendarOf(settings), date));
}

/** The last working day strictly before the date. */
export function previousWorkingDay(date: LocalDate, settings: WorkingDaySettings): LocalDate {
  return dateOfEpochDay(stepWorkingDays(epochDayOf(date), 1, -1, calendarOf(settings), date));
}

/**
 * The date n business days after the date (n < 0: before). n = 0 gives the date itself if it is a
 * working day, else the next working day. For n > 0 the result is the n-th working day after the date
 * (a Saturday + 1 is the Monday); for n < 0 the |n|-th working day before it.
 * Throws if no working day is within MAX_WORKING_DAY_SEARCH days.
 */
export function addBusinessDays(date: LocalDate, n: number, settings: WorkingDaySettings): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Expected a whole number of business days, got ${n}`);
  const cal = calendarOf(settings);
  const day = epochDayOf(date);
  if (n === 0) return isWorkingEpochDay(day, cal) ? date : dateOfEpochDay(stepWorkingDays(day, 1, 1, cal, date));
  return dateOfEpochDay(stepWorkingDays(day, Math.abs(n), n > 0 ? 1 : -1, cal, date));
}

/**
 * Signed number of business days from a to b: the working days d with a < d <= b when a <= b,
 * minus the working days d with b < d <= a otherwise. Monday to Wednesday is 2; Friday to the next
 * Monday is 1; Friday to Saturday is 0. addBusinessDays(a, businessDaysBetween(a, b)) = b for working days.
 */
export function businessDaysBetween(a: LocalDate, b: LocalDate, settings: WorkingDaySettings): number {
  const from = epochDayOf(a);
  const to = epochDayOf(b);
  if (from === to) return 0;
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const cal = calendarOf(settings);
  const fullWeeks = Math.floor((hi - lo) / 7);
  let count = fullWeeks * cal.weekdayCount;
  for (let d = lo + fullWeeks * 7 + 1; d <= hi; d++) if (cal.weekday[isoWeekdayOfEpochDay(d)]) count++;
  for (const h of cal.holidays) if (h > lo && h <= hi) count--;
  return from < to ? count : -count;
}

/** A working day's start and end as wall-clock times, with minutes since midnight. */
function workdayMinutes(settings: Pick<Settings, 'workdayStart' | 'workdayEnd'>): { start: number; end: number } {
  return { start: minutesOfTime(settings.workdayStart), end: minutesOfTime(settings.workdayEnd) };
}

/** True if the instant falls on a working day, at or after workdayStart and before workdayEnd (local time). */
export function isWithinWorkingHours(instant: InstantInput, settings: WorkingHoursSettings): boolean {
  const date = localDateOf(instant, settings.timeZone);
  if (!isWorkingDay(date, settings)) return false;
  const minutes = minutesOfTime(localTimeOf(instant, settings.timeZone));
  const { start, end } = workdayMinutes(settings);
  return minutes >= start && minutes < end;
}

/**
 * The instant itself if it is within working hours; the start of the same working day if it is
 * earlier that day; otherwise the start of the next working day. Returns a canonical ISO instant.
 */
export function clampToWorkingHours(instant: InstantInput, settings: WorkingHoursSettings): string {
  if (isWithinWorkingHours(instant, settings)) return toIsoInstant(instant);
  const date = localDateOf(instant, settings.timeZone);
  const minutes = minutesOfTime(localTimeOf(instant, settings.timeZone));
  const day =
    isWorkingDay(date, settings) && minutes < minutesOfTime(settings.workdayStart)
      ? date
      : nextWorkingDay(date, settings);
  return instantAt(day, settings.workdayStart, settings.timeZone);
}

/** How long before workdayEnd the latest planned time of day is. */
export const LAST_SLOT_MINUTES = 30;

/**
 * A wall-clock time moved into the working day: before workdayStart gives workdayStart; at or after
 * workdayEnd gives the last half-hour slot (workdayEnd - 30 min, never before workdayStart).
 */
export function clampTimeToWorkingHours(
  time: LocalTime,
  settings: Pick<Settings, 'workdayStart' | 'workdayEnd'>,
): LocalTime {
  const minutes = minutesOfTime(time);
  const { start, end } = workdayMinutes(settings);
  if (minutes < start) return settings.workdayStart;
  if (minutes >= end) return timeOfMinutes(Math.max(start, end - LAST_SLOT_MINUTES));
  return time;
}
