// Writing Touchplan's meetings and touches as an iCalendar file (RFC 5545) with ical.js, so a rep can import
// the follow-ups into Outlook or Google Calendar and see them on the phone. Plain Node: no Electron, no store.
//
// - UIDs are stable: "<record id>@touchplan", so importing the file again (here or in a calendar) updates.
// - Timed meetings and touches are written in UTC; all-day touches as DATE values (their local date).
// - Touches carry their action, value, channel, prospect and deal in DESCRIPTION, and a VALARM at their due
//   time (all-day touches: at the start of the working day).
// - X-TOUCHPLAN-KIND tells Touchplan's own importer which records are touches (they are never imported
//   back as meetings).
import ICAL from 'ical.js';
import { ACTION_LABELS, CHANNEL_LABELS } from '../../../shared/domain/lint';
import { addCalendarDays, minutesOfTime } from '../../../shared/domain/time';
import type { Deal, Meeting, Prospect, Touch } from '../../../shared/schema';

export interface IcsWriteInput {
  meetings: Iterable<Meeting>;
  touches: Iterable<Touch>;
  prospects: ReadonlyMap<string, Prospect>;
  deals: ReadonlyMap<string, Deal>;
  nowMs: number;
  /** The rep's working-day start (HH:mm): when an all-day touch's alarm rings. */
  workdayStart: string;
  productVersion?: string;
}

export const TOUCHPLAN_UID_SUFFIX = '@touchplan';
const TOUCH_MINUTES = 15;

type JCalProperty = [string, Record<string, string>, string, ...unknown[]];
type JCalComponent = [string, JCalProperty[], JCalComponent[]];

/** The ical.js jCal form of a UTC date-time (YYYY-MM-DDTHH:MM:SSZ). */
const utc = (iso: string) => `${iso.slice(0, 19)}Z`;
const utcOfMs = (ms: number) => utc(new Date(ms).toISOString());

export function writeIcs(input: IcsWriteInput): { text: string; meetings: number; touches: number } {
  const stamp = utcOfMs(input.nowMs);
  const events: JCalComponent[] = [];
  let meetings = 0;
  let touches = 0;
  for (const meeting of input.meetings) {
    events.push(meetingEvent(meeting, input, stamp));
    meetings++;
  }
  const alarmMinutes = minutesOfTime(input.workdayStart);
  for (const touch of input.touches) {
    events.push(touchEvent(touch, input, stamp, alarmMinutes));
    touches++;
  }
  // Built as jCal and written by ical.js's stringifier (line folding, escaping, VALUE=DATE parameters).
  const calendar: JCalComponent = [
    'vcalendar',
    [
      ['prodid', {}, 'text', `-//Touchplan//Touchplan ${input.productVersion ?? '1'}//EN`],
      ['version', {}, 'text', '2.0'],
      ['calscale', {}, 'text', 'GREGORIAN'],
      ['method', {}, 'text', 'PUBLISH'],
      ['x-wr-calname', {}, 'unknown', 'Touchplan'],
    ],
    events,
  ];
  // ical.js counts the fold length without the space that starts a continuation line, so a continuation can
  // reach 76 octets; RFC 5545 allows 75. Folding at 74 keeps every line within the limit.
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return { text: `${ICAL.stringify(calendar as unknown as ICAL.Component['jCal'])}\r\n`, meetings, touches };
  } finally {
    ICAL.foldLength = foldLength;
  }
}

function meetingEvent(meeting: Meeting, input: IcsWriteInput, stamp: string): JCalComponent {
  const deal = meeting.dealId ? input.deals.get(meeting.dealId) : undefined;
  const prospect = deal ? input.prospects.get(deal.prospectId) : undefined;
  const plan = meeting.callPlan;
  const lines = [
    prospect ? `Prospect: ${prospect.company}` : 'Not linked to a deal yet',
    deal ? `Deal: ${deal.title}` : '',
    plan.idealOutcome ? `Ideal outcome: ${plan.idealOutcome}` : '',
    plan.fallbackOutcome ? `Fallback outcome: ${plan.fallbackOutcome}` : '',
    plan.callToAction ? `Call to action: ${plan.callToAction}` : '',
  ].filter(Boolean);
  const props: JCalProperty[] = [
    ['uid', {}, 'text', `${meeting.id}${TOUCHPLAN_UID_SUFFIX}`],
    ['dtstamp', {}, 'date-time', stamp],
    ['created', {}, 'date-time', utc(meeting.createdAt)],
    ['last-modified', {}, 'date-time', utc(meeting.updatedAt)],
    ['dtstart', {}, 'date-time', utc(meeting.start)],
    ['dtend', {}, 'date-time', utc(meeting.end)],
    ['summary', {}, 'text', meeting.title],
    ['description', {}, 'text', lines.join('\n')],
    ['categories', {}, 'text', 'Touchplan meeting'],
    ['x-touchplan-kind', {}, 'unknown', 'meeting'],
  ];
  if (meeting.location) props.push(['location', {}, 'text', meeting.location]);
  return ['vevent', props, []];
}

function touchEvent(touch: Touch, input: IcsWriteInput, stamp: string, alarmMinutes: number): JCalComponent {
  const prospect = input.prospects.get(touch.prospectId);
  const deal = touch.dealId ? input.deals.get(touch.dealId) : undefined;
  const prospectName = prospect?.company ?? 'Unknown prospect';
  const description = [
    `Action: ${ACTION_LABELS[touch.action]}`,
    `Value: ${touch.value}`,
    `Prospect: ${prospectName}`,
    deal ? `Deal: ${deal.title}` : '',
    `Channel: ${CHANNEL_LABELS[touch.channel]}`,
    touch.status !== 'planned' ? `Status: ${touch.status}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const summary = `${touch.title} — ${prospectName}`;
  const props: JCalProperty[] = [
    ['uid', {}, 'text', `${touch.id}${TOUCHPLAN_UID_SUFFIX}`],
    ['dtstamp', {}, 'date-time', stamp],
    ['created', {}, 'date-time', utc(touch.createdAt)],
    ['last-modified', {}, 'date-time', utc(touch.updatedAt)],
  ];
  let trigger: string;
  if (touch.due.allDay) {
    props.push(['dtstart', {}, 'date', touch.due.date], ['dtend', {}, 'date', addCalendarDays(touch.due.date, 1)]);
    props.push(['transp', {}, 'text', 'TRANSPARENT']);
    trigger = `PT${Math.floor(alarmMinutes / 60)}H${alarmMinutes % 60 ? `${alarmMinutes % 60}M` : ''}`;
  } else {
    const startMs = Date.parse(touch.due.at);
    props.push(['dtstart', {}, 'date-time', utc(touch.due.at)], ['dtend', {}, 'date-time', utcOfMs(startMs + TOUCH_MINUTES * 60_000)]);
    trigger = 'PT0S';
  }
  props.push(
    ['summary', {}, 'text', summary],
    ['description', {}, 'text', description],
    ['categories', {}, 'text', 'Touchplan touch'],
    ['x-touchplan-kind', {}, 'unknown', 'touch'],
  );
  if (touch.status === 'skipped') props.push(['status', {}, 'text', 'CANCELLED']);
  const alarm: JCalComponent = [
    'valarm',
    [
      ['action', {}, 'text', 'DISPLAY'],
      ['description', {}, 'text', `${touch.title}: ${touch.value}`],
      ['trigger', { related: 'START' }, 'duration', trigger],
    ],
    [],
  ];
  return ['vevent', props, [alarm]];
}
