// Refusals in words a rep can read: each problem named by the field it is about ("Holidays, item 1: …"), the
// whole message short, and nothing the request sent echoed back beyond a few dozen characters. `fields` maps
// each field's path (e.g. "patch.nonWorkingDates.0") to its message, so a form can show it next to the field.
import type { ZodError } from 'zod';

const MESSAGE_LIMIT = 280;
const ECHO_LIMIT = 40;
const FIELDS_LIMIT = 20;

/** Names of fields whose key does not read well on its own. */
const LABELS: Record<string, string> = {
  nonWorkingDates: 'Holidays',
  workingDays: 'Working days',
  workdayStart: 'Start of the working day',
  workdayEnd: 'End of the working day',
  timeZone: 'Time zone',
  digestTime: 'Morning digest time',
  meetingLeadMinutes: 'Meeting reminder',
  touchLeadMinutes: 'Touch reminder',
  csvMappings: 'Remembered CSV columns',
  ownDomain: 'Your company’s email domain',
  attendeeIds: 'Attendees',
  dealId: 'Deal',
  prospectId: 'Prospect',
  meetingId: 'Meeting',
  start: 'Start',
  end: 'End',
  due: 'Due',
  at: 'Time',
  offsetDays: 'Days after the meeting',
  ourCommitments: 'Our commitments',
  theirCommitments: 'Their commitments',
  discoveryQuestions: 'Discovery questions',
  idealOutcome: 'Ideal outcome',
  fallbackOutcome: 'Fallback outcome',
  callToAction: 'Call to action',
  expectedClose: 'Expected close',
};

/** Wrappers of a request that say nothing to the rep. */
const SILENT = new Set(['patch', 'callPlan', 'settings']);

function labelOf(key: string): string {
  return LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`);
}

/** "patch.nonWorkingDates.0" -> "Holidays, item 1"; an empty path -> "". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') parts.push(`item ${key + 1}`);
    else if (!SILENT.has(String(key))) parts.push(labelOf(shorten(String(key))));
  }
  return parts.join(', ');
}

/** At most a few dozen characters of something the request sent. */
export function shorten(text: string, limit = ECHO_LIMIT): string {
  let flat = '';
  for (const char of text.length > limit * 4 ? text.slice(0, limit * 4) : text) {
    const code = char.charCodeAt(0);
    flat += code < 32 || code === 127 ? ' ' : char; // control characters would garble a banner
  }
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

export function clampMessage(message: string): string {
  return message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT - 1)}…` : message;
}

export interface PlainRefusal {
  message: string;
  fields: Record<string, string>;
}

export function describeRefusal(error: ZodError): PlainRefusal {
  const fields: Record<string, string> = {};
  const sentences: string[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const text = shorten(issue.message, 160);
    if (Object.keys(fields).length < FIELDS_LIMIT && !(path in fields)) fields[path] = text;
    const label = fieldLabel(issue.path);
    const sentence = label ? `${label}: ${text}` : text;
    if (!sentences.includes(sentence)) sentences.push(sentence);
  }
  const shown = sentences.slice(0, 3).join('; ');
  const more = sentences.length > 3 ? ` (and ${sentences.length - 3} more)` : '';
  return { message: clampMessage(`${shown}${more}`), fields };
}
