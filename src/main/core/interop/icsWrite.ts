// Writing Touchplan's meetings and touches as an iCalendar file (RFC 5545), so a rep can import the follow-ups
// into Outlook or Google Calendar and see them on the phone. Plain Node: no Electron, no store.
//
// The text is written here rather than with ical.js's stringifier: at the ten-year scale (70,000 events)
// ical.js took about 9 s against a budget of 1.5 s (it rebuilds every line by concatenation and folds it
// character by character). What is written is deliberately small: TEXT escaping (RFC 5545 3.3.11), UTC
// DATE-TIME and DATE values, durations, and folding at 75 octets (3.1) on character boundaries. The tests
// read every export back with ical.js.
//
// - UIDs are stable: "<record id>@touchplan", so importing the file again (here or in a calendar) updates.
// - Timed meetings and touches are written in UTC; all-day meetings and touches as DATE values (their local dates).
// - Touches carry their action, value, channel, prospect and deal in DESCRIPTION, and a VALARM at their due
//   time (all-day touches: at the start of the working day).
// - X-TOUCHPLAN-KIND tells Touchplan's own importer which records are touches (they are never imported
//   back as meetings).
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

/** A content line: NAME[;PARAM=VALUE...]:value, value already formatted. */
type Line = [name: string, value: string, params?: string];

/**
 * RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped. Other control characters (C0 but tab,
 * DEL, C1) have no escape in iCalendar TEXT and make readers, Touchplan's own among them, refuse the file: removed.
 */
export function escapeText(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const text = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '');
  return /[\\;,\r\n]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n') : text;
}

const ASCII = /^[\x20-\x7e]*$/;

/** RFC 5545 3.1: lines of at most 75 octets, continued after CRLF + one space, never splitting a character. */
export function foldLine(line: string): string {
  // At most 3 octets per UTF-16 unit: 25 units always fit; printable ASCII is one octet per unit.
  if (line.length <= 25 || (line.length <= 75 && (ASCII.test(line) || Buffer.byteLength(line) <= 75))) return line;
  if (ASCII.test(line)) {
    // One octet a character: 75 on the first line, 74 after each continuation's leading space.
    let folded = line.slice(0, 75);
    for (let i = 75; i < line.length; i += 74) folded += `\r\n ${line.slice(i, i + 74)}`;
    return folded;
  }
  let folded = '';
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const high = code >= 0xd800 && code <= 0xdbff;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : high ? 4 : 3;
    if (octets + size > limit) {
      folded += start === 0 ? line.slice(0, i) : `\r\n ${line.slice(start, i)}`;
      start = i;
      octets = 0;
      limit = 74;
    }
    octets += size;
    if (high) i++;
  }
  return start === 0 ? line : `${folded}\r\n ${line.slice(start)}`;
}

/**
 * The file's bytes, one component at a time, in one growing buffer: at 70,000 events, joining the text from
 * string pieces spent most of its time collecting the garbage of the pieces.
 */
class IcsSink {
  private buffer = Buffer.allocUnsafe(1 << 22);
  private length = 0;

  write(text: string): void {
    const most = text.length * 3;
    if (this.length + most > this.buffer.length) {
      let size = this.buffer.length * 2;
      while (size < this.length + most) size *= 2;
      const next = Buffer.allocUnsafe(size);
      this.buffer.copy(next, 0, 0, this.length);
      this.buffer = next;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  line(text: string): void {
    this.write(`${foldLine(text)}\r\n`);
  }

  component(name: string, lines: Line[], inner = ''): void {
    this.write(componentText(name, lines, inner));
  }

  toString(): string {
    return this.buffer.toString('utf8', 0, this.length);
  }
}

/** One component as text, every line folded and ended by CRLF. */
function componentText(name: string, lines: Line[], inner = ''): string {
  let text = `BEGIN:${name}\r\n`;
  for (const [prop, value, params] of lines) text += `${foldLine(params ? `${prop}${params}:${value}` : `${prop}:${value}`)}\r\n`;
  return `${text}${inner}END:${name}\r\n`;
}

/** 2026-03-05T08:30:00.000Z -> 20260305T083000Z */
const utc = (iso: string) => `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
const utcOfMs = (ms: number) => utc(new Date(ms).toISOString());
/** 2026-03-09 -> 20260309 */
const dateValue = (date: string) => `${date.slice(0, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;

export function writeIcs(input: IcsWriteInput): { text: string; meetings: number; touches: number } {
  const stamp = utcOfMs(input.nowMs);
  const sink = new IcsSink();
  sink.line('BEGIN:VCALENDAR');
  sink.line(`PRODID:-//Touchplan//Touchplan ${input.productVersion ?? '1'}//EN`);
  sink.line('VERSION:2.0');
  sink.line('CALSCALE:GREGORIAN');
  sink.line('METHOD:PUBLISH');
  sink.line('X-WR-CALNAME:Touchplan');
  let meetings = 0;
  let touches = 0;
  for (const meeting of input.meetings) {
    meetingEvent(meeting, input, stamp, sink);
    meetings++;
  }
  const alarmMinutes = minutesOfTime(input.workdayStart);
  const allDayTrigger = `PT${Math.floor(alarmMinutes / 60)}H${alarmMinutes % 60 ? `${alarmMinutes % 60}M` : ''}`;
  for (const touch of input.touches) {
    touchEvent(touch, input, stamp, allDayTrigger, sink);
    touches++;
  }
  sink.line('END:VCALENDAR');
  return { text: sink.toString(), meetings, touches };
}

function meetingEvent(meeting: Meeting, input: IcsWriteInput, stamp: string, sink: IcsSink): void {
  const deal = meeting.dealId ? input.deals.get(meeting.dealId) : undefined;
  const prospect = deal ? input.prospects.get(deal.prospectId) : undefined;
  const plan = meeting.callPlan;
  const description = [
    prospect ? `Prospect: ${prospect.company}` : 'Not linked to a deal yet',
    deal ? `Deal: ${deal.title}` : '',
    plan.idealOutcome ? `Ideal outcome: ${plan.idealOutcome}` : '',
    plan.fallbackOutcome ? `Fallback outcome: ${plan.fallbackOutcome}` : '',
    plan.callToAction ? `Call to action: ${plan.callToAction}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const lines: Line[] = [
    ['UID', `${meeting.id}${TOUCHPLAN_UID_SUFFIX}`],
    ['DTSTAMP', stamp],
    ['CREATED', utc(meeting.createdAt)],
    ['LAST-MODIFIED', utc(meeting.updatedAt)],
    ...meetingTimeLines(meeting),
    ['SUMMARY', escapeText(meeting.title)],
    ['DESCRIPTION', escapeText(description)],
    ['CATEGORIES', 'Touchplan meeting'],
    ['X-TOUCHPLAN-KIND', 'meeting'],
  ];
  if (meeting.cancelledAt) lines.push(['STATUS', 'CANCELLED']);
  if (meeting.location) lines.push(['LOCATION', escapeText(meeting.location)]);
  sink.component('VEVENT', lines);
}

/** An all-day meeting as DATE values (its own dates), a timed one in UTC. */
function meetingTimeLines(meeting: Meeting): Line[] {
  if (meeting.allDay) {
    return [
      ['DTSTART', dateValue(meeting.allDay.startDate), ';VALUE=DATE'],
      ['DTEND', dateValue(meeting.allDay.endDate), ';VALUE=DATE'],
    ];
  }
  return [
    ['DTSTART', utc(meeting.start)],
    ['DTEND', utc(meeting.end)],
  ];
}

function touchEvent(touch: Touch, input: IcsWriteInput, stamp: string, allDayTrigger: string, sink: IcsSink): void {
  const prospect = input.prospects.get(touch.prospectId);
  const deal = touch.dealId ? input.deals.get(touch.dealId) : undefined;
  const prospectName = prospect?.company ?? 'Unknown prospect';
  const description =
    `Action: ${ACTION_LABELS[touch.action]}\nValue: ${touch.value}\nProspect: ${prospectName}` +
    (deal ? `\nDeal: ${deal.title}` : '') +
    `\nChannel: ${CHANNEL_LABELS[touch.channel]}` +
    (touch.status !== 'planned' ? `\nStatus: ${touch.status}` : '');
  const lines: Line[] = [
    ['UID', `${touch.id}${TOUCHPLAN_UID_SUFFIX}`],
    ['DTSTAMP', stamp],
    ['CREATED', utc(touch.createdAt)],
    ['LAST-MODIFIED', utc(touch.updatedAt)],
  ];
  let trigger: string;
  if (touch.due.allDay) {
    lines.push(['DTSTART', dateValue(touch.due.date), ';VALUE=DATE'], ['DTEND', dateValue(addCalendarDays(touch.due.date, 1)), ';VALUE=DATE'], ['TRANSP', 'TRANSPARENT']);
    trigger = allDayTrigger;
  } else {
    lines.push(['DTSTART', utc(touch.due.at)], ['DTEND', utcOfMs(Date.parse(touch.due.at) + TOUCH_MINUTES * 60_000)]);
    trigger = 'PT0S';
  }
  lines.push(
    ['SUMMARY', escapeText(`${touch.title} — ${prospectName}`)],
    ['DESCRIPTION', escapeText(description)],
    ['CATEGORIES', 'Touchplan touch'],
    ['X-TOUCHPLAN-KIND', 'touch'],
  );
  if (touch.status === 'skipped') lines.push(['STATUS', 'CANCELLED']);
  sink.component('VEVENT', lines, componentText('VALARM', [['ACTION', 'DISPLAY'], ['DESCRIPTION', escapeText(touch.title)], ['TRIGGER', trigger, ';RELATED=START']]));
}
