// A touch as the calendar object written to the rep's server: the export's VEVENT (interop/icsWrite.ts: the
// action, the value and the prospect in DESCRIPTION, an alarm, UID "<touch id>@touchplan") alone in its
// VCALENDAR, at "<touch id>.ics" in the touch calendar. UIDs and paths come from record ids, so two data
// folders of one rep write the same touch to the same object, never a second one.
import { createHash } from 'node:crypto';
import { localDateOf } from '../../../shared/domain/time';
import type { Touch, TouchDue } from '../../../shared/schema';
import { writeIcs } from '../interop/icsWrite';
import { parseIcs } from '../interop/icsParse';
import type { StoreState } from '../store/state';

export function touchObjectUrl(touchCalendarUrl: string, touchId: string): string {
  return new URL(`${touchId}.ics`, touchCalendarUrl).href;
}

/** The touch id an object path names ("/alice/touchplan/<id>.ics"), or null. */
export function touchIdOfPath(path: string): string | null {
  const match = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.ics$/i.exec(path);
  return match ? (match[1] as string).toLowerCase() : null;
}

export function touchIcs(touch: Touch, state: Pick<StoreState, 'prospects' | 'deals' | 'settings'>, nowMs: number): string {
  const { text } = writeIcs({ meetings: [], touches: [touch], prospects: state.prospects, deals: state.deals, nowMs, workdayStart: state.settings.workdayStart });
  // A calendar object resource carries no METHOD (RFC 4791 4.1).
  return text.replace('METHOD:PUBLISH\r\n', '');
}

const hashes = new WeakMap<Touch, string>();

/** What was written for a touch, as a hash: a touch whose hash differs from the pushed one is written again. */
export function touchHash(touch: Touch, state: Pick<StoreState, 'prospects' | 'deals'>): string {
  let hash = hashes.get(touch);
  if (hash === undefined) {
    const prospect = state.prospects.get(touch.prospectId)?.company ?? '';
    const deal = touch.dealId ? (state.deals.get(touch.dealId)?.title ?? '') : '';
    const fields = [touch.title, touch.due, touch.action, touch.channel, touch.value, touch.status, prospect, deal];
    hash = createHash('sha1').update(JSON.stringify(fields)).digest('base64url');
    hashes.set(touch, hash);
  }
  return hash;
}

/** The due a calendar object says (its DTSTART), read with the rep's zone; null if it cannot be read. */
export function dueOfObject(data: string, timeZone: string): TouchDue | null {
  try {
    const { occurrences } = parseIcs(data, { timeZone, windowStartMs: 0, windowEndMs: Date.parse('2200-01-01T00:00:00Z') });
    const first = occurrences.find((o) => !o.problem);
    if (!first) return null;
    if (first.dates) return { allDay: true, date: first.dates.startDate };
    return first.allDay ? { allDay: true, date: localDateOf(first.start, timeZone) } : { allDay: false, at: first.start };
  } catch {
    return null;
  }
}
