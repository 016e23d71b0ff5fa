// The first touch every new prospect gets, within one business day ("follow up with everyone, immediately").
import type { Action, Channel, Settings, TouchDue } from '../schema';
import { isWorkingDay, nextWorkingDay } from './businessDays';
import { type InstantInput, localTimeOf, todayLocalDate } from './time';

/**
 * Defaults of the first touch. The action is 'call' on the phone: before any meeting there is nothing
 * to recap or deliver yet, and a short call is the fastest way to introduce yourself and book the
 * next step. The value says what the prospect gets from it.
 */
export const FIRST_TOUCH_DEFAULTS: {
  readonly title: string;
  readonly channel: Channel;
  readonly action: Action;
  readonly value: string;
} = {
  title: 'Introduce yourself and confirm next step',
  channel: 'phone',
  action: 'call',
  value: 'A clear next step and a contact who can answer their questions',
};

/**
 * When the first touch is due (all-day): today if today is a working day and the working day has not
 * ended yet (local time before workdayEnd), else the next working day.
 */
export function firstTouchDue(now: InstantInput, settings: Settings): TouchDue {
  const today = todayLocalDate(now, settings);
  const beforeEnd = localTimeOf(now, settings.timeZone) < settings.workdayEnd;
  const date = beforeEnd && isWorkingDay(today, settings) ? today : nextWorkingDay(today, settings);
  return { allDay: true, date };
}

/** The first touch of a new prospect, ready to be stored with an id, a deal and timestamps. */
export function firstTouchDraft(
  now: InstantInput,
  settings: Settings,
): { due: TouchDue; title: string; channel: Channel; action: Action; value: string } {
  return { due: firstTouchDue(now, settings), ...FIRST_TOUCH_DEFAULTS };
}
