// The ten-year export read by an independent parser: Debian's python3-icalendar (installed by .ci/run), not the
// ical.js the app uses. Every meeting and touch is there once, with its UID, its start and end, and all-day
// meetings and touches as the same dates.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, TEN_YEAR_CAREER } from '../../../src/main/core/demo/generateDataset';
import { putDataset } from '../../../src/main/core/demo/putDataset';
import { TOUCHPLAN_UID_SUFFIX } from '../../../src/main/core/interop/icsWrite';
import { allDayInstants } from '../../../src/shared/domain/meetingTimes';
import { addCalendarDays, localDateOf } from '../../../src/shared/domain/time';
import type { Meeting } from '../../../src/shared/schema';
import { NOW, openHarness, TZ, type Harness } from './helpers';

const PYTHON = '/usr/bin/python3';
const READER = join(import.meta.dirname, 'python/read_ics.py');
/** Touches are written as 15-minute events. */
const TOUCH_MS = 15 * 60_000;

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  const data = generateDataset(TEN_YEAR_CAREER, NOW, 42);
  // Every 40th meeting is an all-day one (a workshop, a trade fair of two days).
  const meetings = data.meetings.map((m, i): Meeting => {
    if (i % 40 !== 0) return m;
    const startDate = localDateOf(m.start, TZ);
    const allDay = { startDate, endDate: addCalendarDays(startDate, 1 + (i % 80 === 0 ? 1 : 0)) };
    return { ...m, ...allDayInstants(allDay, TZ), allDay };
  });
  await putDataset(h.store, { ...data, meetings });
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('the .ics export read by python3-icalendar', () => {
  it('has every meeting and touch once, with its UID, start, end and all-day dates', async () => {
    const exported = h.interop.icsExport({});
    const file = join(h.dataDir, 'export.ics');
    await writeFile(file, exported.text);
    const { stdout } = await promisify(execFile)(PYTHON, [READER, file], { maxBuffer: 256 * 1024 * 1024 }).catch((error: Error) => {
      throw new Error(`python3-icalendar could not read the export (is Debian's python3-icalendar installed? .ci/run installs it): ${error.message}`);
    });
    const read = JSON.parse(stdout) as { count: number; events: { uid: string; start: string; end: string }[] };

    const state = h.store.state;
    expect(read.count).toBe(state.meetings.size + state.touches.size);
    const byUid = new Map(read.events.map((e) => [e.uid, e]));
    expect(byUid.size).toBe(read.count);

    let allDayMeetings = 0;
    for (const meeting of state.meetings.values()) {
      const event = byUid.get(`${meeting.id}${TOUCHPLAN_UID_SUFFIX}`);
      if (meeting.allDay) {
        allDayMeetings++;
        expect(event).toMatchObject({ start: meeting.allDay.startDate, end: meeting.allDay.endDate });
      } else {
        expect(event).toMatchObject({ start: meeting.start, end: meeting.end });
      }
    }
    expect(allDayMeetings).toBe(250);
    for (const touch of state.touches.values()) {
      const event = byUid.get(`${touch.id}${TOUCHPLAN_UID_SUFFIX}`);
      const expected = touch.due.allDay
        ? { start: touch.due.date, end: addCalendarDays(touch.due.date, 1) }
        : { start: touch.due.at, end: new Date(Date.parse(touch.due.at) + TOUCH_MS).toISOString() };
      expect(event).toMatchObject(expected);
    }
  }, 600_000);
});
