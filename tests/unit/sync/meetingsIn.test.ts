// Meetings in from a real Radicale: a first sync of many events, incremental syncs that read only what
// changed (sync token, and the ctag/ETag fallback), and events moved, cancelled and deleted on the server.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpFetch } from '../../../src/main/core/ports';
import { startRadicale, USERS, type Radicale } from './radicale';
import { eventIcs, openSyncWorld, phone, type SyncWorld } from './world';

let server: Radicale;
let world: SyncWorld;
let accountId: string;
/** Hrefs asked for by calendar-multiget since the last reset: what a sync read. */
let readHrefs: string[] = [];
const counting: HttpFetch = async (input, init) => {
  const body = typeof init?.body === 'string' ? init.body : '';
  if (body.includes('calendar-multiget')) readHrefs.push(...[...body.matchAll(/<d:href>([^<]+)<\/d:href>/gi)].map((m) => m[1] as string));
  return fetch(input, init);
};

const day = (n: number, hour = 10) => new Date(Date.UTC(2026, 11, 3 + n, hour)).toISOString();
const meetings = async () => (await world.call('meetings.list', {})).filter((m) => m.externalUid?.startsWith('ev-'));
const byUid = async (uid: string) => (await meetings()).find((m) => m.externalUid === uid);
const sync = async () => {
  readHrefs = [];
  const status = await world.call('calendarSync.syncNow', { accountId });
  expect(status.accounts[0]?.lastError).toBeNull();
  return status;
};

beforeAll(async () => {
  server = await startRadicale();
  const p = phone(server);
  await p.makeCalendar('work', 'Work');
  for (let i = 0; i < 120; i++) await p.put(`/alice/work/ev-${i}.ics`, eventIcs(`ev-${i}`, day(i % 60), day(i % 60, 11), `Meeting ${i}`));
  await p.put('/alice/work/ev-allday.ics', eventIcs('ev-allday', '', '', 'Offsite', []).replace('DTSTART:\r\nDTEND:\r\n', 'DTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261212\r\n'));
  world = await openSyncWorld({ fetch: counting });
  const account = await world.call('calendarSync.connect', { server: server.url, username: 'alice', password: USERS.alice as string });
  accountId = account.id;
  const work = account.calendars.find((c) => c.name === 'Work')!;
  await world.call('calendarSync.choose', { accountId, read: [work.url], touchCalendar: { kind: 'none' } });
});
afterAll(async () => {
  await world?.close();
  await server?.close();
});

describe('meetings in', () => {
  it('a first sync brings every event in as a meeting that needs a plan, all-day ones as dates', async () => {
    const status = await sync();
    expect(status.accounts[0]?.lastSyncAt).toBe('2026-12-02T09:00:00.000Z');
    const all = await meetings();
    expect(all).toHaveLength(121);
    expect(new Set(all.map((m) => m.externalUid)).size).toBe(121);
    const offsite = await byUid('ev-allday');
    expect(offsite?.allDay).toEqual({ startDate: '2026-12-10', endDate: '2026-12-12' });
    expect((await byUid('ev-7'))?.start).toBe(day(7));
  });

  it('a sync with nothing changed reads nothing and writes nothing', async () => {
    const before = JSON.stringify(await meetings());
    await world.core.flushed();
    const manifest = await readFile(join(world.dataDir, 'touchplan.manifest.json'), 'utf8');
    const status = await sync();
    expect(readHrefs).toEqual([]);
    expect(JSON.stringify(await meetings())).toBe(before);
    await world.core.flushed();
    expect(await readFile(join(world.dataDir, 'touchplan.manifest.json'), 'utf8')).toBe(manifest);
    expect(status.accounts[0]?.lastSyncAt).toBe('2026-12-02T09:00:00.000Z');
  });

  it('an event moved on the server moves its meeting, and only that object is read', async () => {
    await phone(server).put('/alice/work/ev-3.ics', eventIcs('ev-3', day(20, 14), day(20, 15), 'Meeting 3 (moved)'));
    await sync();
    expect(readHrefs).toEqual(['/alice/work/ev-3.ics']);
    const moved = await byUid('ev-3');
    expect(moved?.start).toBe(day(20, 14));
    expect(moved?.title).toBe('Meeting 3 (moved)');
    expect(await meetings()).toHaveLength(121);
  });

  it('a meeting with planned follow-ups moved on the server asks before moving them', async () => {
    await world.call('settings.update', { patch: { timeZone: 'UTC', autoFirstTouch: false } });
    const prospect = await world.call('prospects.create', { company: 'Contoso', contacts: [] });
    const deal = await world.call('deals.create', { prospectId: prospect.id, title: 'Contoso rollout' });
    const meeting = (await byUid('ev-10'))!; // Monday 14 December
    await world.call('meetings.update', { id: meeting.id, patch: { dealId: deal.id } });
    const recap = await world.call('touches.create', { dealId: deal.id, meetingId: meeting.id, due: { allDay: true, date: '2026-12-15' }, channel: 'email', action: 'recap', title: 'Recap', value: 'Notes and next steps' });
    await phone(server).put('/alice/work/ev-10.ics', eventIcs('ev-10', day(13), day(13, 11), 'Meeting 10')); // to Wednesday 16
    const status = await sync();
    expect((await byUid('ev-10'))?.start).toBe(day(13));
    expect((await world.call('touches.get', { id: recap.id })).due).toEqual({ allDay: true, date: '2026-12-15' });
    const question = status.questions.find((q) => q.kind === 'meeting-moved');
    expect(question).toMatchObject({ meetingId: meeting.id, from: day(10), to: day(13) });
    await world.call('calendarSync.answer', { questionId: question!.id, answer: 'apply' });
    expect((await world.call('touches.get', { id: recap.id })).due).toEqual({ allDay: true, date: '2026-12-17' });
    expect((await world.call('calendarSync.status', {})).questions).toEqual([]);
  });

  it('an event cancelled on the server marks its meeting cancelled, keeping its plan', async () => {
    await phone(server).put('/alice/work/ev-4.ics', eventIcs('ev-4', day(4), day(4, 11), 'Meeting 4', ['STATUS:CANCELLED']));
    await sync();
    const cancelled = await byUid('ev-4');
    expect(cancelled?.cancelledAt).toBe('2026-12-02T09:00:00.000Z');
  });

  it('an event deleted on the server marks its meeting cancelled too', async () => {
    expect(await phone(server).remove('/alice/work/ev-5.ics')).toBe(200);
    await sync();
    expect(readHrefs).toEqual([]);
    expect((await byUid('ev-5'))?.cancelledAt).toBe('2026-12-02T09:00:00.000Z');
    expect((await byUid('ev-6'))?.cancelledAt).toBeNull();
  });

  it('after a restart nothing is read again and nothing is duplicated', async () => {
    await world.restart();
    await sync();
    expect(readHrefs).toEqual([]);
    expect(await meetings()).toHaveLength(121);
  });

  it('where a server has no sync token, the ctag and ETags find the same changes', async () => {
    const status = await world.call('calendarSync.status', {});
    // Make the stored calendar look like one of a server without RFC 6578 (what a server says is kept per calendar).
    await world.core.close();
    const { Store } = await import('../../../src/main/core/store/store');
    const { settingsSchema } = await import('../../../src/shared/schema');
    const clock = { now: () => Date.parse('2026-12-02T09:00:00.000Z'), setTimeout: () => null, clearTimeout: () => undefined };
    const store = await Store.open({ dataDir: world.dataDir, clock, initial: () => ({ settings: settingsSchema.parse({}), templates: [] }) });
    await store.transact((tx) => {
      const state = store.state.calendarSync;
      tx.setCalendarSync({ ...state, accounts: state.accounts.map((a) => ({ ...a, calendars: a.calendars.map((c) => ({ ...c, supportsSync: false, syncToken: null })) })) });
    });
    await store.close();
    await world.restart();
    expect(status.accounts).toHaveLength(1);
    await sync(); // the first ctag read lists ETags: all known, nothing read
    expect(readHrefs).toEqual([]);
    await sync(); // the ctag is unchanged: not even listed
    expect(readHrefs).toEqual([]);
    await phone(server).put('/alice/work/ev-8.ics', eventIcs('ev-8', day(30, 9), day(30, 10), 'Meeting 8'));
    await phone(server).remove('/alice/work/ev-9.ics');
    await sync();
    expect(readHrefs).toEqual(['/alice/work/ev-8.ics']);
    expect((await byUid('ev-8'))?.start).toBe(day(30, 9));
    expect((await byUid('ev-9'))?.cancelledAt).not.toBeNull();
  });
});
