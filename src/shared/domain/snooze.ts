// Snoozing a touch: it stays planned and moves to 1 hour later, tomorrow at the start of the working day, or the
// next business day. Pure: `now` and the settings are given.
import type { Settings, TouchDue } from '../schema';
import { nextWorkingDay } from './businessDays';
import { type InstantInput, addCalendarDays, instantMs, instantMsAt, MS_PER_MINUTE, toIsoInstant, todayLocalDate } from './time';

export type SnoozePreset = 'hour' | 'tomorrow' | 'nextBusinessDay';
type SnoozeSettings = Pick<Settings, 'timeZone' | 'workdayStart' | 'workingDays' | 'nonWorkingDates'>;

const HOUR_MS = 60 * MS_PER_MINUTE;

/**
 * The due after a snooze.
 * - 'hour': one hour after now (or after the due time, if that is still ahead), rounded up to the minute. An
 *   all-day touch becomes timed.
 * - 'tomorrow': the next calendar day; a timed touch at the start of the working day, an all-day one stays all-day.
 * - 'nextBusinessDay': the first working day after today, likewise.
 */
export function snoozedDue(due: TouchDue, preset: SnoozePreset, now: InstantInput, settings: SnoozeSettings): TouchDue {
  const nowMs = instantMs(now);
  const today = todayLocalDate(nowMs, settings);
  if (preset === 'hour') {
    const base = due.allDay
      ? due.date > today
        ? instantMsAt(due.date, settings.workdayStart, settings.timeZone)
        : nowMs
      : Math.max(instantMs(due.at), nowMs);
    const at = Math.ceil((base + HOUR_MS) / MS_PER_MINUTE) * MS_PER_MINUTE;
    return { allDay: false, at: toIsoInstant(at) };
  }
  const date = preset === 'tomorrow' ? addCalendarDays(today, 1) : nextWorkingDay(today, settings);
  return due.allDay ? { allDay: true, date } : { allDay: false, at: toIsoInstant(instantMsAt(date, settings.workdayStart, settings.timeZone)) };
}
