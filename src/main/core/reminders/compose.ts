// The words of every notification: one touch, one meeting, the morning digest, a catch-up summary.
import type { NotificationRequest } from '../../../shared/hostModels';
import type { Deal, Meeting, Prospect, Settings, Touch } from '../../../shared/schema';
import { CHANNEL_LABELS } from '../../../shared/domain/lint';
import { localDateOf, localTimeOf } from '../../../shared/domain/time';
import type { TodayView } from '../../../shared/domain/today';
import type { DueItem } from './due';

export interface Names {
  prospects: ReadonlyMap<string, Prospect>;
  deals: ReadonlyMap<string, Deal>;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "Acme — Pilot" (prospect and deal), or what of it exists. */
export function contextOf(names: Names, prospectId: string | null, dealId: string | null): string {
  const deal = dealId === null ? undefined : names.deals.get(dealId);
  const prospect = names.prospects.get(prospectId ?? deal?.prospectId ?? '');
  return [prospect?.company, deal?.title].filter(Boolean).join(' — ');
}

export function touchNotification(touch: Touch, key: string, names: Names, settings: Settings): NotificationRequest {
  const at = touch.due.allDay ? null : localTimeOf(touch.due.at, settings.timeZone);
  const where = contextOf(names, touch.prospectId, touch.dealId);
  const lines = [[where, CHANNEL_LABELS[touch.channel]].filter(Boolean).join(' · '), `Value: ${touch.value}`];
  return {
    key,
    title: at ? `Touch due at ${at}: ${touch.title}` : `Touch due today: ${touch.title}`,
    body: lines.join('\n'),
    target: { kind: 'touch', id: touch.id },
  };
}

export function meetingNotification(meeting: Meeting, key: string, names: Names, settings: Settings): NotificationRequest {
  const at = localTimeOf(meeting.start, settings.timeZone);
  const where = contextOf(names, null, meeting.dealId);
  const { idealOutcome, callToAction } = meeting.callPlan;
  const lines: string[] = [];
  if (where) lines.push(where);
  lines.push(idealOutcome.trim() ? `Ideal outcome: ${idealOutcome.trim()}` : 'No ideal outcome planned yet.');
  lines.push(callToAction.trim() ? `Your ask: ${callToAction.trim()}` : 'No call to action planned yet.');
  return {
    key,
    title: `Meeting at ${at}: ${meeting.title}`,
    body: lines.join('\n'),
    target: { kind: 'meeting', id: meeting.id },
  };
}

export function itemNotification(item: DueItem, names: Names, settings: Settings): NotificationRequest {
  return item.kind === 'touch'
    ? touchNotification(item.touch, item.key, names, settings)
    : meetingNotification(item.meeting, item.key, names, settings);
}

export interface TodayCounts {
  /** Every touch on today's list: overdue ones and those due later today. */
  touches: number;
  overdue: number;
  meetings: number;
  /** Today's meetings that are not ready (no ideal outcome, no call to action or no first touch). */
  meetingsWithoutPlan: number;
}

export function todayCounts(view: TodayView): TodayCounts {
  return {
    touches: view.overdue.length + view.today.length,
    overdue: view.overdue.length,
    meetings: view.meetings.length,
    meetingsWithoutPlan: view.meetings.filter((m) => !m.readiness.ready).length,
  };
}

/** "5 touches today, 2 overdue, 1 meeting without a plan" */
export function countsSentence(counts: TodayCounts): string {
  const parts = [plural(counts.touches, 'touch', 'touches') + ' today', `${counts.overdue} overdue`];
  if (counts.meetingsWithoutPlan > 0) parts.push(`${plural(counts.meetingsWithoutPlan, 'meeting')} without a plan`);
  else if (counts.meetings > 0) parts.push(`${plural(counts.meetings, 'meeting')}, all planned`);
  return parts.join(', ');
}

const listOf = (items: readonly DueItem[], names: Names, settings: Settings, max = 3): string => {
  const labels = items.slice(0, max).map((item) => {
    if (item.kind === 'meeting') return `${item.meeting.title} (${localTimeOf(item.meeting.start, settings.timeZone)})`;
    const where = contextOf(names, item.touch.prospectId, item.touch.dealId);
    return where ? `${item.touch.title} — ${where}` : item.touch.title;
  });
  if (items.length > max) labels.push(`${items.length - max} more`);
  return labels.join('; ');
};

const whatCameDue = (items: readonly DueItem[]): string => {
  const touches = items.filter((i) => i.kind === 'touch').length;
  const meetings = items.length - touches;
  const parts: string[] = [];
  if (touches > 0) parts.push(`${plural(touches, 'touch', 'touches')} came due`);
  if (meetings > 0) parts.push(`${plural(meetings, 'meeting')} ${meetings === 1 ? 'was' : 'were'} coming up`);
  return parts.join(' and ');
};

/** The morning digest; it also carries whatever was missed before it (one notification, never a flood). */
export function digestNotification(key: string, counts: TodayCounts, missed: readonly DueItem[], names: Names, settings: Settings): NotificationRequest {
  const lines = [`${countsSentence(counts)}.`];
  if (missed.length > 0) lines.push(`Since you last looked: ${whatCameDue(missed)} (${listOf(missed, names, settings)}).`);
  return { key, title: 'Touchplan — your day', body: lines.join('\n'), target: { kind: 'today' } };
}

/** One summary of what came due while the app was asleep, closed, paused or quiet. */
export function catchUpNotification(key: string, missed: readonly DueItem[], counts: TodayCounts, names: Names, settings: Settings): NotificationRequest {
  return {
    key,
    title: `While you were away: ${whatCameDue(missed)}`,
    body: `${listOf(missed, names, settings)}.\n${countsSentence(counts)}.`,
    target: { kind: 'today' },
  };
}

/** Several reminders at the same moment, on time: one notification naming them. */
export function batchNotification(key: string, items: readonly DueItem[], names: Names, settings: Settings): NotificationRequest {
  const touches = items.filter((i) => i.kind === 'touch').length;
  const meetings = items.length - touches;
  const what = [touches > 0 ? plural(touches, 'touch', 'touches') : '', meetings > 0 ? plural(meetings, 'meeting') : '']
    .filter(Boolean)
    .join(' and ');
  return { key, title: `${what} due now`, body: `${listOf(items, names, settings)}.`, target: { kind: 'today' } };
}

/** A short local "when" for labels: "14:00" today, "Mon 3 Mar" (local date) otherwise. */
export function shortWhen(due: Touch['due'], today: string, settings: Settings): string {
  const date = due.allDay ? due.date : localDateOf(due.at, settings.timeZone);
  if (date === today) return due.allDay ? 'today' : localTimeOf(due.at, settings.timeZone);
  const [, m, d] = date.split('-');
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1];
  return `${Number(d)} ${month}`;
}
