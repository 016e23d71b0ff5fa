// History on demand: meetings and finished touches of past quarters stay on disk at open and are loaded when a
// request first needs them (a calendar range, a deal's timeline, a record asked for by id, an export). A
// change to a past-year record is durable, and an exported backup passes the app's own restore.
import { afterAll, expect, test } from 'vitest';
import { createDispatch, type Dispatch } from '../../../src/main/core/api/dispatch';
import { createHandlers } from '../../../src/main/core/api/handlers';
import { createServices } from '../../../src/main/core/services';
import { createServiceContext } from '../../../src/main/core/services/context';
import { nodeFs, type FsLayer } from '../../../src/main/core/store/fsLayer';
import type { Store } from '../../../src/main/core/store/store';
import { dealSchema, meetingSchema, type Deal, type Meeting, type Touch } from '../../../src/shared/schema';
import { FakeClock, openStore, prospect, removeTempFolders, tempFolder, touch } from './helpers';

afterAll(removeTempFolders);

const HISTORY_FILES = ['touchplan.meetings-2025-q1.json', 'touchplan.touches-2025-q1.json'];
const at = '2025-01-02T09:00:00.000Z';

/** Real files; remembers which files were read. */
function readCountingFs(): FsLayer & { read: string[] } {
  const read: string[] = [];
  return { ...nodeFs, read, readText: (path) => (read.push(path.split('/').at(-1) as string), nodeFs.readText(path)) };
}

function dispatchFor(store: Store, clock: FakeClock): Dispatch {
  return createDispatch(createHandlers(createServices(createServiceContext(store, clock)), { host: 'browser', version: 'test' }));
}

async function value<T>(dispatch: Dispatch, channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** A deal with a meeting and its recap in March 2025 (history by November 2026) and a planned touch today. */
async function folderWithAPastYear(clock: FakeClock) {
  const dir = await tempFolder();
  const acme = prospect('Acme');
  const deal: Deal = dealSchema.parse({ id: '5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', createdAt: at, updatedAt: at, prospectId: acme.id, title: 'Acme rollout' });
  const meeting: Meeting = meetingSchema.parse({ id: '6c2d3e4f-5a6b-4c7d-9e8f-0a1b2c3d4e5f', createdAt: at, updatedAt: at, dealId: deal.id, title: 'Discovery call 2025', start: '2025-03-10T09:00:00.000Z', end: '2025-03-10T10:00:00.000Z' });
  const recap: Touch = touch({ prospectId: acme.id, dealId: deal.id, meetingId: meeting.id, title: 'Recap of the 2025 call', status: 'done', completedAt: '2025-03-11T10:00:00.000Z', due: { allDay: true, date: '2025-03-11' } });
  const next: Touch = touch({ prospectId: acme.id, dealId: deal.id, title: 'Check in', due: { allDay: true, date: '2026-11-23' } });
  const store = await openStore(dir, { clock });
  await store.transact((tx) => {
    tx.put('prospects', acme);
    tx.put('deals', deal);
    tx.put('meetings', meeting);
    tx.put('touches', recap);
    tx.put('touches', next);
  });
  await store.close();
  return { dir, deal, meeting, recap, next };
}

test('a past year stays on disk at open and shows in a calendar range and a deal timeline', async () => {
  const clock = new FakeClock();
  const { dir, deal, meeting, recap, next } = await folderWithAPastYear(clock);
  const fs = readCountingFs();
  const store = await openStore(dir, { clock, fs });
  expect(store.state.touches.has(next.id)).toBe(true); // what Today needs is in memory
  expect(store.state.meetings.has(meeting.id)).toBe(false);
  expect(store.state.touches.has(recap.id)).toBe(false);
  expect(fs.read.filter((name) => HISTORY_FILES.includes(name))).toEqual([]);
  const dispatch = dispatchFor(store, clock);

  const events = await value<{ id: string; title: string }[]>(dispatch, 'calendar.range', { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' });
  expect(events.map((event) => event.title).sort()).toEqual(['Discovery call 2025', 'Recap of the 2025 call']);
  expect(fs.read.filter((name) => HISTORY_FILES.includes(name)).sort()).toEqual(HISTORY_FILES);

  const timeline = await value<{ items: { kind: string }[] }>(dispatch, 'deals.timeline', { id: deal.id });
  expect(timeline.items.map((item) => item.kind).sort()).toEqual(['meeting', 'touch', 'touch']);
  expect(fs.read.filter((name) => HISTORY_FILES.includes(name))).toHaveLength(2); // each file read once
  await store.close();
});

test('a past-year record asked for by id is found, and a change to it is durable', async () => {
  const clock = new FakeClock();
  const { dir, recap } = await folderWithAPastYear(clock);
  let store = await openStore(dir, { clock });
  const dispatch = dispatchFor(store, clock);
  expect(await value<Touch>(dispatch, 'touches.get', { id: recap.id })).toMatchObject({ title: 'Recap of the 2025 call' });
  await value(dispatch, 'touches.update', { id: recap.id, patch: { title: 'Recap of the 2025 call, corrected' } });
  await store.close();

  store = await openStore(dir, { clock });
  expect(store.state.touches.has(recap.id)).toBe(false); // still history at open
  await store.history.loadAll();
  expect(store.state.touches.get(recap.id)?.title).toBe('Recap of the 2025 call, corrected');
  expect(store.notices).toEqual([]);
  await store.close();
});

test('a change that moves a record into a past quarter that is not loaded yet keeps that quarter whole', async () => {
  const clock = new FakeClock();
  const { dir, recap, next } = await folderWithAPastYear(clock);
  let store = await openStore(dir, { clock });
  // The planned touch is done and dated back into March 2025, whose file is still on disk only.
  await store.transact((tx) => tx.put('touches', { ...next, status: 'done', completedAt: '2026-11-22T10:00:00.000Z', due: { allDay: true, date: '2025-03-12' }, updatedAt: '2026-11-22T10:00:00.000Z' }));
  await store.close();
  store = await openStore(dir, { clock });
  await store.history.loadAll();
  expect(store.state.touches.has(recap.id)).toBe(true);
  expect(store.state.touches.get(next.id)?.due).toEqual({ allDay: true, date: '2025-03-12' });
  await store.close();
});

test('an exported backup holds the past years and passes the app’s own restore', async () => {
  const clock = new FakeClock();
  const { dir, meeting, recap } = await folderWithAPastYear(clock);
  const store = await openStore(dir, { clock });
  const dispatch = dispatchFor(store, clock);
  const exported = await value<{ text: string; counts: Record<string, number> }>(dispatch, 'interop.backup.export', {});
  expect(exported.counts).toMatchObject({ prospects: 1, deals: 1, meetings: 1, touches: 2 });

  const other = await tempFolder();
  const target = await openStore(other, { clock });
  const restored = await value<{ counts: Record<string, number> }>(dispatchFor(target, clock), 'interop.backup.restore', { text: exported.text });
  expect(restored.counts).toEqual(exported.counts);
  expect(target.state.meetings.has(meeting.id)).toBe(true);
  await target.close();
  const reopened = await openStore(other, { clock });
  await reopened.history.loadAll();
  expect(reopened.state.touches.get(recap.id)?.title).toBe('Recap of the 2025 call');
  expect(reopened.notices).toEqual([]);
  await reopened.close();
  await store.close();
});

test('a prospect with nothing open rests on disk, is listed when asked for, and comes back into play with a new deal', async () => {
  const clock = new FakeClock();
  const dir = await tempFolder();
  const dormant = { ...prospect('Quiet Co'), createdAt: at, updatedAt: at };
  let store = await openStore(dir, { clock });
  await store.transact((tx) => tx.put('prospects', dormant));
  await store.close();

  store = await openStore(dir, { clock });
  expect(store.state.prospects.has(dormant.id)).toBe(false); // not loaded at open
  let dispatch = dispatchFor(store, clock);
  const listed = await value<{ company: string }[]>(dispatch, 'prospects.list', {});
  expect(listed.map((p) => p.company)).toEqual(['Quiet Co']);
  await value(dispatch, 'deals.create', { prospectId: dormant.id, title: 'Quiet Co renewal' });
  await store.close();

  store = await openStore(dir, { clock });
  expect(store.state.prospects.get(dormant.id)?.company).toBe('Quiet Co'); // in play again: loaded at open
  dispatch = dispatchFor(store, clock);
  expect(await value<{ deal: { title: string } }[]>(dispatch, 'deals.overview', {})).toEqual([expect.objectContaining({ deal: expect.objectContaining({ title: 'Quiet Co renewal' }) })]);
  expect(store.notices).toEqual([]);
  await store.close();
});
