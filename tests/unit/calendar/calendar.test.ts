// The calendar service through dispatch, with a real store in a temp folder and a fixed clock.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core';
import type { Clock } from '../../../src/main/core/ports';
import { Store } from '../../../src/main/core/store/store';
import type { CalendarEvent, CalendarTouchEvent, MovePreview, MoveResult } from '../../../src/shared/contract/calendar';
import { builtInTemplates } from '../../../src/shared/domain/builtInTemplates';
import type { Meeting, Prospect, Touch, TouchDue } from '../../../src/shared/schema';
import type { Result as ApiResult } from '../../../src/shared/api';
import { allDay, deal, meeting, settings, timed, touch, uid } from '../domain/fixtures';

// Monday 2 November 2026, 09:00 in Berlin (UTC+1 in November).
const NOW = Date.parse('2026-11-02T08:00:00.000Z');
const clock: Clock = { now: () => NOW, setTimeout: () => null, clearTimeout: () => undefined };
const TZ = 'Europe/Berlin';

const PROSPECT = uid(9000);
const DEAL = uid(5000);
const OTHER_DEAL = uid(5001);
const M = uid(100); // Tuesday 10 November, 14:00–15:00 Berlin
const M2 = uid(101); // Wednesday 25 November, no first touch planned
const T1 = uid(1); // all-day Tue 10 Nov (the meeting's day)
const T2 = uid(2); // Thu 12 Nov 10:00 Berlin
const T3 = uid(3); // all-day Mon 16 Nov, locked
const T4 = uid(4); // all-day Tue 17 Nov, done
const T5 = uid(5); // all-day Thu 19 Nov
const T6 = uid(6); // Fri 13 Nov, other deal, no meeting
const T7 = uid(7); // all-day Fri 30 Oct, planned: overdue
const T8 = uid(8); // all-day Tue 15 Dec: out of November
const T9 = uid(9); // 1 Dec 00:30 Berlin = 30 Nov 23:30Z: out of November in Berlin
const T10 = uid(10); // all-day Mon 30 Nov: last day of November

const prospect: Prospect = {
  id: PROSPECT,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  company: 'Northwind Logistics',
  website: '',
  notes: '',
  contacts: [],
  archived: false,
};

function seedRecords() {
  const meetings: Meeting[] = [
    meeting({ id: M, start: '2026-11-10T13:00:00.000Z', end: '2026-11-10T14:00:00.000Z', title: 'Discovery with Northwind' }),
    meeting({ id: M2, start: '2026-11-25T09:00:00.000Z', end: '2026-11-25T10:00:00.000Z', title: 'Demo for Northwind' }),
  ];
  const touches: Touch[] = [
    touch({ id: T1, meetingId: M, due: allDay('2026-11-10'), title: 'Recap and next steps' }),
    touch({ id: T2, meetingId: M, due: timed('2026-11-12T09:00:00.000Z'), title: 'Send the ROI model', action: 'deliver' }),
    touch({ id: T3, meetingId: M, due: allDay('2026-11-16'), title: 'Custom demo', action: 'custom-demo', locked: true }),
    touch({ id: T4, meetingId: M, due: allDay('2026-11-17'), title: 'Reference call', action: 'reference-meeting', status: 'done', completedAt: '2026-11-01T10:00:00.000Z' }),
    touch({ id: T5, meetingId: M, due: allDay('2026-11-19'), title: 'Business case draft', action: 'business-justification' }),
    touch({ id: T6, dealId: OTHER_DEAL, due: allDay('2026-11-13'), title: 'Share the benchmark', action: 'joint-content' }),
    touch({ id: T7, dealId: OTHER_DEAL, due: allDay('2026-10-30'), title: 'Call about pricing', action: 'call' }),
    touch({ id: T8, due: allDay('2026-12-15'), title: 'December touch' }),
    touch({ id: T9, due: timed('2026-11-30T23:30:00.000Z'), title: 'Just after midnight' }),
    touch({ id: T10, due: allDay('2026-11-30'), title: 'Last day of November' }),
  ];
  return {
    deals: [deal({ id: DEAL, prospectId: PROSPECT, title: 'Fleet tracking rollout' }), deal({ id: OTHER_DEAL, prospectId: PROSPECT, title: 'Analytics platform' })],
    meetings,
    touches,
  };
}

let dataDir: string;
let core: Core;
let changedEvents = 0;

async function openCore() {
  core = await createCore({ dataDir, host: 'browser', version: 'test', clock });
  core.onEvent((event) => {
    if (event === 'data.changed') changedEvents++;
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'touchplan-calendar-'));
  const store = await Store.open({
    dataDir,
    clock,
    initial: () => ({ settings: settings({ timeZone: TZ, nonWorkingDates: ['2026-11-11'] }), templates: builtInTemplates() }),
  });
  const data = seedRecords();
  await store.transact((tx) => {
    tx.put('prospects', prospect);
    for (const d of data.deals) tx.put('deals', d);
    for (const m of data.meetings) tx.put('meetings', m);
    for (const t of data.touches) tx.put('touches', t);
  });
  await store.close();
  await openCore();
  changedEvents = 0;
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

function ok<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const NOVEMBER = { from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z' };
const range = async (extra: Record<string, unknown> = {}) =>
  ok<CalendarEvent[]>(await core.dispatch('calendar.range', { ...NOVEMBER, showDone: true, ...extra }));
const ids = (events: CalendarEvent[]) => events.map((e) => e.id).sort();

async function dueOf(id: string): Promise<TouchDue> {
  const events = ok<CalendarEvent[]>(await core.dispatch('calendar.range', { from: '2026-01-01T00:00:00.000Z', to: '2027-12-31T00:00:00.000Z', showDone: true }));
  const found = events.find((e) => e.id === id) as CalendarTouchEvent | undefined;
  if (!found) throw new Error(`touch ${id} not found`);
  return found.due;
}

async function dataFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(dataDir)) if (name.endsWith('.json')) files[name] = await readFile(join(dataDir, name), 'utf8');
  return files;
}

describe('calendar.range', () => {
  it('returns only the meetings and touches of the visible range, in the rep’s time zone', async () => {
    const events = await range();
    expect(ids(events)).toEqual([T1, T2, T3, T4, T5, T6, T10, M, M2].sort());
    const t2 = events.find((e) => e.id === T2) as CalendarTouchEvent;
    expect(t2).toMatchObject({
      kind: 'touch',
      action: 'deliver',
      allDay: false,
      start: '2026-11-12T09:00:00.000Z',
      prospectCompany: 'Northwind Logistics',
      dealTitle: 'Fleet tracking rollout',
      status: 'planned',
      overdue: false,
      locked: false,
    });
    expect(events.find((e) => e.id === T3)).toMatchObject({ locked: true, allDay: true, start: '2026-11-16' });
  });

  it('marks overdue planned touches, and shows a meeting’s readiness', async () => {
    const october = ok<CalendarEvent[]>(
      await core.dispatch('calendar.range', { from: '2026-10-25T23:00:00.000Z', to: '2026-11-02T23:00:00.000Z', showDone: true }),
    );
    expect(october.find((e) => e.id === T7)).toMatchObject({ overdue: true });
    const events = await range();
    expect(events.find((e) => e.id === M)).toMatchObject({ kind: 'meeting', ready: true, missing: [], dealTitle: 'Fleet tracking rollout' });
    expect(events.find((e) => e.id === M2)).toMatchObject({
      kind: 'meeting',
      ready: false,
      missing: ['Plan a first touch within one business day of the meeting'],
    });
  });

  it('sees changes other services make to touches', async () => {
    expect(ids(await range())).not.toContain(T8);
    ok(await core.dispatch('touches.update', { id: T8, patch: { due: allDay('2026-11-20') } }));
    expect(ids(await range())).toContain(T8);
    ok(await core.dispatch('touches.update', { id: T8, patch: { due: allDay('2026-12-20') } }));
    expect(ids(await range())).not.toContain(T8);
  });

  it('filters by deal, by action, and hides done touches', async () => {
    expect(ids(await range({ dealId: OTHER_DEAL }))).toEqual([T6]);
    expect(ids(await range({ actions: ['deliver', 'custom-demo'] }))).toEqual([T2, T3, M, M2].sort());
    const withoutDone = await range({ showDone: false });
    expect(ids(withoutDone)).not.toContain(T4);
    expect(ids(withoutDone)).toContain(T5);
  });
});

describe('calendar.previewMove', () => {
  it('says how many later touches would follow and saves nothing', async () => {
    const before = await dataFiles();
    const preview = ok<MovePreview>(
      await core.dispatch('calendar.previewMove', { touchId: T2, due: timed('2026-11-16T09:00:00.000Z'), mode: 'this' }),
    );
    expect(preview.laterCount).toBe(1); // T5: T3 is locked, T4 is done
    expect(preview.warnings).toEqual([]);
    expect(preview.changes).toEqual([
      { kind: 'touch', id: T2, title: 'Send the ROI model', before: timed('2026-11-12T09:00:00.000Z'), after: timed('2026-11-16T09:00:00.000Z') },
    ]);
    const later = ok<MovePreview>(
      await core.dispatch('calendar.previewMove', { touchId: T2, due: timed('2026-11-16T09:00:00.000Z'), mode: 'later' }),
    );
    expect(later.changes.map((c) => c.id)).toEqual([T2, T5]);
    expect(await dataFiles()).toEqual(before);
    expect(changedEvents).toBe(0);
  });

  it('warns about a non-working day, a holiday, hours outside the working day, and a due before the meeting', async () => {
    const preview = async (touchId: string, due: TouchDue) =>
      ok<MovePreview>(await core.dispatch('calendar.previewMove', { touchId, due, mode: 'this' })).warnings;
    expect(await preview(T5, allDay('2026-11-21'))).toEqual([
      { code: 'non-working-day', message: 'Saturday 21 November 2026 is not a working day.' },
    ]);
    expect((await preview(T5, allDay('2026-11-11'))).map((w) => w.code)).toEqual(['non-working-day']);
    // 20:00 in Berlin on a Thursday.
    expect(await preview(T2, timed('2026-11-19T19:00:00.000Z'))).toEqual([
      { code: 'outside-working-hours', message: '20:00 is outside your working hours (09:00–17:30).' },
    ]);
    // The Monday before the meeting.
    const before = await preview(T1, allDay('2026-11-09'));
    expect(before.map((w) => w.code)).toEqual(['before-meeting']);
    expect(before[0]?.message).toContain('Discovery with Northwind');
    // Same day as the meeting, but timed before it starts.
    expect((await preview(T2, timed('2026-11-10T10:00:00.000Z'))).map((w) => w.code)).toEqual(['before-meeting']);
    expect(await preview(T2, timed('2026-11-10T15:00:00.000Z'))).toEqual([]);
  });

  it('refuses to move a touch that is done', async () => {
    expect(await core.dispatch('calendar.previewMove', { touchId: T4, due: allDay('2026-11-20'), mode: 'this' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});

describe('calendar.moveTouch', () => {
  it('moves only this touch in mode "this", durably, in one transaction', async () => {
    const result = ok<MoveResult>(await core.dispatch('calendar.moveTouch', { touchId: T5, due: allDay('2026-11-23'), mode: 'this' }));
    expect(result.changes).toHaveLength(1);
    expect(result.undoId).toEqual(expect.any(String));
    expect(changedEvents).toBe(1);
    await core.close();
    await openCore();
    expect(await dueOf(T5)).toEqual(allDay('2026-11-23'));
    expect(await dueOf(T2)).toEqual(timed('2026-11-12T09:00:00.000Z'));
  });

  it('in mode "later" shifts the later planned, unlocked touches by the same business days; locked and done ones stay', async () => {
    // Thu 12 Nov -> Mon 16 Nov: +2 business days (Fri 13, Mon 16).
    const result = ok<MoveResult>(
      await core.dispatch('calendar.moveTouch', { touchId: T2, due: timed('2026-11-16T09:00:00+01:00'), mode: 'later' }),
    );
    expect(result.changes.map((c) => c.id)).toEqual([T2, T5]);
    expect(await dueOf(T2)).toEqual(timed('2026-11-16T08:00:00.000Z'));
    expect(await dueOf(T5)).toEqual(allDay('2026-11-23'));
    expect(await dueOf(T1)).toEqual(allDay('2026-11-10'));
    expect(await dueOf(T3)).toEqual(allDay('2026-11-16'));
    expect(await dueOf(T4)).toEqual(allDay('2026-11-17'));
    expect(await dueOf(T6)).toEqual(allDay('2026-11-13'));
    expect(changedEvents).toBe(1);
  });

  it('answers a missing touch with not-found', async () => {
    expect(await core.dispatch('calendar.moveTouch', { touchId: uid(777), due: allDay('2026-11-20'), mode: 'this' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('calendar.moveMeeting', () => {
  it('moves the meeting and its planned, unlocked follow-ups by the same business-day offset', async () => {
    // Tue 10 Nov -> Thu 12 Nov is +1 business day: Wed 11 Nov is a non-working date.
    const result = ok<MoveResult>(
      await core.dispatch('calendar.moveMeeting', {
        meetingId: M,
        start: '2026-11-12T13:00:00.000Z',
        end: '2026-11-12T14:00:00.000Z',
        moveTouches: true,
      }),
    );
    expect(result.changes.map((c) => c.id)).toEqual([M, T1, T2, T5]);
    expect(await dueOf(T1)).toEqual(allDay('2026-11-12'));
    expect(await dueOf(T2)).toEqual(timed('2026-11-13T09:00:00.000Z'));
    expect(await dueOf(T5)).toEqual(allDay('2026-11-20'));
    expect(await dueOf(T3)).toEqual(allDay('2026-11-16'));
    expect(await dueOf(T4)).toEqual(allDay('2026-11-17'));
    expect((await range()).find((e) => e.id === M)).toMatchObject({ start: '2026-11-12T13:00:00.000Z', end: '2026-11-12T14:00:00.000Z' });
    expect(changedEvents).toBe(1);
  });

  it('previews what a meeting move would change, and saves nothing', async () => {
    const before = await dataFiles();
    const preview = ok<{ changes: { id: string }[] }>(
      await core.dispatch('calendar.previewMeetingMove', { meetingId: M, start: '2026-11-12T13:00:00.000Z', end: '2026-11-12T14:00:00.000Z' }),
    );
    expect(preview.changes.map((c) => c.id)).toEqual([M, T1, T2, T5]);
    expect(await dataFiles()).toEqual(before);
  });

  it('can leave the follow-ups where they are', async () => {
    const result = ok<MoveResult>(
      await core.dispatch('calendar.moveMeeting', { meetingId: M, start: '2026-11-13T13:00:00.000Z', end: '2026-11-13T14:00:00.000Z', moveTouches: false }),
    );
    expect(result.changes.map((c) => c.id)).toEqual([M]);
    expect(await dueOf(T1)).toEqual(allDay('2026-11-10'));
  });

  it('resizing (same start, new end) changes only the end', async () => {
    const result = ok<MoveResult>(
      await core.dispatch('calendar.moveMeeting', { meetingId: M, start: '2026-11-10T13:00:00.000Z', end: '2026-11-10T15:30:00.000Z', moveTouches: true }),
    );
    expect(result.changes).toEqual([
      {
        kind: 'meeting',
        id: M,
        title: 'Discovery with Northwind',
        before: { start: '2026-11-10T13:00:00.000Z', end: '2026-11-10T14:00:00.000Z', allDay: null },
        after: { start: '2026-11-10T13:00:00.000Z', end: '2026-11-10T15:30:00.000Z', allDay: null },
      },
    ]);
    expect(await dueOf(T1)).toEqual(allDay('2026-11-10'));
    expect(await dueOf(T2)).toEqual(timed('2026-11-12T09:00:00.000Z'));
  });

  it('refuses a meeting that ends before it starts, and changes nothing', async () => {
    const before = await dataFiles();
    expect(
      await core.dispatch('calendar.moveMeeting', { meetingId: M, start: '2026-11-10T13:00:00.000Z', end: '2026-11-10T12:00:00.000Z', moveTouches: true }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request', message: 'A meeting must end after it starts.' } });
    expect(await dataFiles()).toEqual(before);
  });
});

describe('calendar.undo', () => {
  it('restores every record a move changed, exactly as before, durably', async () => {
    const before = await dataFiles();
    const moved = ok<MoveResult>(
      await core.dispatch('calendar.moveMeeting', { meetingId: M, start: '2026-11-12T13:00:00.000Z', end: '2026-11-12T14:00:00.000Z', moveTouches: true }),
    );
    expect(ok<{ restored: number }>(await core.dispatch('calendar.undo', { undoId: moved.undoId }))).toEqual({ restored: 4 });
    const after = await dataFiles();
    // The records are back exactly as they were (updatedAt included); only the commit bookkeeping may differ.
    const records = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([name]) => /meetings|touches/.test(name)).map(([n, t]) => [n, JSON.parse(t).records]));
    expect(records(after)).toEqual(records(before));
    await core.close();
    await openCore();
    expect(await dueOf(T1)).toEqual(allDay('2026-11-10'));
    expect(await dueOf(T5)).toEqual(allDay('2026-11-19'));
  });

  it('refuses an undo when a record was changed since, naming it, and changes nothing', async () => {
    const first = ok<MoveResult>(await core.dispatch('calendar.moveTouch', { touchId: T2, due: timed('2026-11-16T09:00:00.000Z'), mode: 'later' }));
    const second = ok<MoveResult>(await core.dispatch('calendar.moveTouch', { touchId: T5, due: allDay('2026-11-26'), mode: 'this' }));
    const before = await dataFiles();
    expect(await core.dispatch('calendar.undo', { undoId: first.undoId })).toEqual({
      ok: false,
      error: { code: 'conflict', message: "Can't undo the move: “Business case draft” was changed after it. Nothing was undone." },
    });
    expect(await dataFiles()).toEqual(before);
    // Undoing the later move first makes the first one undoable again.
    expect(await core.dispatch('calendar.undo', { undoId: second.undoId })).toEqual({ ok: true, value: { restored: 1 } });
    expect(await core.dispatch('calendar.undo', { undoId: first.undoId })).toEqual({ ok: true, value: { restored: 2 } });
    expect(await dueOf(T2)).toEqual(timed('2026-11-12T09:00:00.000Z'));
    expect(await dueOf(T5)).toEqual(allDay('2026-11-19'));
    // An undo is used once.
    expect(await core.dispatch('calendar.undo', { undoId: first.undoId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
