// The sync timers run on the Clock port: a periodic sync every 5 minutes, and a push shortly after touches
// change in Touchplan. A hand-driven clock fires them; closing the core waits for the syncs they started.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core';
import { memorySecretStore, type Clock, type HttpFetch } from '../../../src/main/core/ports';
import { startRadicale, USERS, type Radicale } from './radicale';
import { eventIcs, NOW, phone } from './world';

let server: Radicale;
let dataDir: string;
const secrets = memorySecretStore();
const requests: string[] = [];
const counting: HttpFetch = (input, init) => {
  requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
  return fetch(input, init);
};

/** A clock that stands still until advanced; timers fire in order of their time. */
function drivenClock(start: number): Clock & { advance(ms: number): void } {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout: (callback, ms) => (timers.set(++seq, { at: now + ms, callback }), seq),
    clearTimeout: (handle) => void timers.delete(handle as number),
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].callback();
      }
      now = until;
    },
  };
}

async function call<T>(core: Core, channel: string, payload: unknown): Promise<T> {
  const result = await core.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  server = await startRadicale();
  await phone(server).makeCalendar('work', 'Work');
  dataDir = await mkdtemp(join(tmpdir(), 'touchplan-sync-timers-'));
});
afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('sync timers', () => {
  it('every 5 minutes the accounts sync, a changed touch is pushed about a second later, and a start syncs at once', async () => {
    const clock = drivenClock(Date.parse(NOW));
    let core = await createCore({ dataDir, host: 'browser', version: 'test', clock, secrets, fetch: counting });
    await call(core, 'settings.update', { patch: { autoFirstTouch: false } });
    const account = await call<{ id: string; calendars: { url: string; name: string }[] }>(core, 'calendarSync.connect', { server: server.url, username: 'alice', password: USERS.alice });
    const work = account.calendars.find((c) => c.name === 'Work')!;
    await call(core, 'calendarSync.choose', { accountId: account.id, read: [work.url], touchCalendar: { kind: 'create' } });
    await phone(server).put('/alice/work/t1.ics', eventIcs('t1', '2026-12-04T10:00:00.000Z', '2026-12-04T11:00:00.000Z', 'Timer meeting'));

    requests.length = 0;
    clock.advance(4 * 60_000);
    await core.flushed();
    expect(requests).toEqual([]); // not yet
    clock.advance(60_000);
    await core.flushed();
    expect(requests.length).toBeGreaterThan(0);
    expect((await call<{ title: string }[]>(core, 'meetings.list', {})).map((m) => m.title)).toEqual(['Timer meeting']);

    const prospect = await call<{ id: string }>(core, 'prospects.create', { company: 'Contoso', contacts: [] });
    const deal = await call<{ id: string }>(core, 'deals.create', { prospectId: prospect.id, title: 'Contoso pilot' });
    const touch = await call<{ id: string }>(core, 'touches.create', { dealId: deal.id, due: { allDay: true, date: '2026-12-07' }, channel: 'email', action: 'deliver', title: 'Send the sizing', value: 'Sizing of their plant' });
    await core.flushed();
    expect(await phone(server).list('touchplan')).toEqual([]); // waits for the burst to end
    clock.advance(1_000);
    await core.flushed();
    expect(await phone(server).list('touchplan')).toEqual([`/alice/touchplan/${touch.id}.ics`]);
    await core.close();

    // At start, every account syncs at once.
    await phone(server).put('/alice/work/t2.ics', eventIcs('t2', '2026-12-05T10:00:00.000Z', '2026-12-05T11:00:00.000Z', 'Second meeting'));
    core = await createCore({ dataDir, host: 'browser', version: 'test', clock, secrets, fetch: counting });
    await core.flushed();
    expect((await call<{ title: string }[]>(core, 'meetings.list', {})).map((m) => m.title).sort()).toEqual(['Second meeting', 'Timer meeting']);
    await core.close();
  });
});
