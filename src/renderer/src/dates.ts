// Every date and time the renderer shows, on date-fns: in the rep's time zone (settings.timeZone) and the OS
// locale (Electron's app.getLocale(), the browser's language in the browser host). The order of day, month and
// year, the month and weekday names and the 12/24-hour clock all come from the date-fns locale; the words around
// them ("late", "in 2 days") are the UI's language, English. Local dates (YYYY-MM-DD) are calendar days and are
// shown without a zone; instants are shown in the zone. What is a local date of what instant is
// shared/domain/time's job (the same rules as main).
import { tz } from '@date-fns/tz';
import { format as formatWith, formatDistanceStrict, type Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import type { MeetingTimes } from '../../shared/domain/meetingTimes';
import { addCalendarDays, instantAt, localDateOf, localTimeOf } from '../../shared/domain/time';
import type { AllDaySpan, TouchDue } from '../../shared/schema';

const LOCALE_MODULES = import.meta.glob<Locale>(['../../../node_modules/date-fns/locale/*.js', '!../../../node_modules/date-fns/locale/cdn*.js'], {
  import: 'default',
});
const moduleOf = (code: string) => LOCALE_MODULES[`../../../node_modules/date-fns/locale/${code}.js`];

interface DateLocale {
  /** The BCP 47 code in use (e.g. "de-DE"), also given to FullCalendar. */
  code: string;
  dateFns: Locale;
}

let current: DateLocale = { code: 'en-US', dateFns: enUS };

/**
 * Loads the date-fns locale closest to a BCP 47 code ("de-AT" → de-AT, else de; "en" → en-US) and makes it the
 * one every function below uses. Unknown codes fall back to en-US.
 */
export async function loadDateLocale(code: string): Promise<string> {
  const [language = 'en', region] = code.replace('_', '-').split('-');
  const candidates = [region ? `${language.toLowerCase()}-${region.toUpperCase()}` : null, language.toLowerCase(), language.toLowerCase() === 'en' ? 'en-US' : null];
  for (const candidate of candidates) {
    const load = candidate ? moduleOf(candidate) : undefined;
    if (load) {
      current = { code, dateFns: await load() };
      return code;
    }
  }
  current = { code: 'en-US', dateFns: enUS };
  return 'en-US';
}

/** The BCP 47 code of the locale in use (for FullCalendar and number formats). */
export function dateLocaleCode(): string {
  return current.code;
}

/** The first day of the week of the locale: 0 = Sunday … 6 = Saturday. */
export function localeWeekStartsOn(): number {
  return current.dateFns.options?.weekStartsOn ?? 0;
}

const UTC = tz('UTC');
const utcNoon = (date: string) => new Date(`${date}T12:00:00Z`);
const zoned = (zone: string) => {
  try {
    return tz(zone);
  } catch {
    return UTC;
  }
};

/** The locale's medium date pattern without the year ("MMM d", "d MMM", "do MMM"). */
function dayMonthPattern(): string {
  const medium = current.dateFns.formatLong?.date({ width: 'medium' }) ?? 'MMM d, y';
  return medium.replace(/\s*[,/.-]?\s*y+\s*[.年г]?\s*/, ' ').trim();
}

/** A local date: "Wed Apr 1, 2026" (en-US), "Wed 1 Apr 2026" (en-GB), "Mi. 1. Apr. 2026" (de). */
export function formatDate(date: string, options: { weekday?: boolean; year?: boolean } = {}): string {
  const { weekday = true, year = true } = options;
  const day = year ? 'PP' : dayMonthPattern();
  return formatWith(utcNoon(date), weekday ? `EEE ${day}` : day, { locale: current.dateFns, in: UTC });
}

/** A local date in full: "Wednesday, April 1st, 2026" (en-US), "Mittwoch, 1. April 2026" (de). */
export function formatLongDate(date: string): string {
  return formatWith(utcNoon(date), 'PPPP', { locale: current.dateFns, in: UTC });
}

/** The wall-clock time of an instant in the zone: "2:30 PM" (en-US), "14:30" (en-GB, de). */
export function formatTime(instant: string | number, zone: string): string {
  return formatWith(new Date(instant), 'p', { locale: current.dateFns, in: zoned(zone) });
}

/** An instant's local date and time in the zone: "Wed Apr 1, 2026, 2:30 PM". */
export function formatDateTime(instant: string | number, zone: string, options: { year?: boolean } = {}): string {
  return `${formatDate(localDateOf(instant, zone), options)}, ${formatTime(instant, zone)}`;
}

/** A meeting's time: "Fri, Mar 27, 2026, 10:00 AM – 11:00 AM" (the end's date too when it is another day). */
export function formatTimeRange(start: string, end: string, zone: string): string {
  const sameDay = localDateOf(start, zone) === localDateOf(end, zone);
  return `${formatDateTime(start, zone)} – ${sameDay ? formatTime(end, zone) : formatDateTime(end, zone)}`;
}

/** An all-day span by its dates (end exclusive): "Thu, Dec 3, 2026 (all day)", or "Thu, Dec 3, 2026 – Fri, Dec 4, 2026 (all day)". */
export function formatAllDaySpan(span: AllDaySpan): string {
  const last = addCalendarDays(span.endDate, -1);
  return last === span.startDate ? `${formatDate(span.startDate)} (all day)` : `${formatDate(span.startDate)} – ${formatDate(last)} (all day)`;
}

/** When a meeting takes place: its time range, or the dates of an all-day meeting. */
export function formatMeetingTime(meeting: MeetingTimes, zone: string): string {
  return meeting.allDay ? formatAllDaySpan(meeting.allDay) : formatTimeRange(meeting.start, meeting.end, zone);
}

/** A touch's due: "Wed, Apr 1, 2026 (all day)" or "Wed, Apr 1, 2026, 10:00 AM". */
export function formatDue(due: TouchDue, zone: string): string {
  return due.allDay ? `${formatDate(due.date)} (all day)` : formatDateTime(due.at, zone);
}

/** The local date of a due in the zone. */
export function dueDate(due: TouchDue, zone: string): string {
  return due.allDay ? due.date : localDateOf(due.at, zone);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** How far a local date is from today, in words: "today", "tomorrow", "in 2 days", "yesterday", "8 days ago". */
export function relativeDay(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const span = formatDistanceStrict(utcNoon(today), utcNoon(date), { unit: 'day', locale: enUS });
  return days > 0 ? `in ${span}` : `${span} ago`;
}

/** How late something due at `due` is at `now`: "12 minutes late", "3 hours late", "8 days late". */
export function lateness(due: TouchDue, now: string, zone: string): string {
  if (due.allDay) {
    const days = daysBetween(due.date, localDateOf(now, zone));
    return days <= 1 ? 'since yesterday' : `${formatDistanceStrict(utcNoon(due.date), utcNoon(localDateOf(now, zone)), { unit: 'day', locale: enUS })} late`;
  }
  const minutes = Math.max(1, Math.round((Date.parse(now) - Date.parse(due.at)) / 60_000));
  const unit = minutes < 60 ? 'minute' : minutes < 24 * 60 ? 'hour' : 'day';
  return `${formatDistanceStrict(0, minutes * 60_000, { unit, roundingMethod: 'floor', locale: enUS })} late`;
}

/** The rep's time zone from settings (the machine's until settings have loaded). */
export function zoneOf(settings: { timeZone: string } | undefined): string {
  return settings?.timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

/** Today's local date in the zone. */
export function todayIn(zone: string, now: number = Date.now()): string {
  return localDateOf(now, zone);
}

/** The value of a datetime-local input for an instant, in the zone. */
export function toLocalInput(instant: string, zone: string): string {
  return `${localDateOf(instant, zone)}T${localTimeOf(instant, zone)}`;
}

/** The instant of a datetime-local input value ("2026-03-27T10:00"), in the zone; null if incomplete. */
export function fromLocalInput(value: string, zone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? instantAt(m[1] as string, m[2] as string, zone) : null;
}

/** A whole number in the locale: "12,345" (en-US), "12.345" (de). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(current.code, { maximumFractionDigits: 0 }).format(value);
}
