// What must hold beyond one sync: two data folders of one rep syncing one calendar never duplicate anything,
// and changes made while the server is offline wait in the store (a restart included) and go out when it is back.
import { cp } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/core/store/store';
import { settingsSchema } from '../../../src/shared/schema';
import { emptyCalendarSync } from '../../../src/shared/syncSchema';
import { startRadicale, USERS, type Radicale } from './radicale';
import { eventIcs, openSyncWorld, phone, type SyncWorld } from './world';

let server: Radicale;
const worlds: SyncWorld[] = [];

async function connect(world: SyncWorld): Promise<string> {
  const account = await world.call('calendarSync.connect', { server: server.url, username: 'alice', password: USERS.alice as string });
  const work = account.calendars.find((c) => c.name === 'Work')!;
  await world.call('calendarSync.choose', { accountId: account.id, read: [work.url], touchCalendar: { kind: 'create' } });
  return account.id;
}
async function sync(world: SyncWorld, accountId: string) {
  const status = await world.call('calendarSync.syncNow', { accountId });
  expect(status.accounts[0]?.lastError).toBeNull();
  return status;
}
async function open(dataDir?: string) {
  const world = await openSyncWorld({ dataDir });
  worlds.push(world);
  return world;
}
async function plannedTouches(world: SyncWorld) {
  return (await world.call('touches.list', {})).filter((t) => t.status === 'planned');
}

beforeAll(async () => {
  server = await startRadicale();
  await phone(server).makeCalendar('work', 'Work');
  const attendees = ['ana@northwind.example', 'ben@northwind.example', 'cy@contoso.example', 'di@fabrikam.example', 'ed@litware.example'];
  for (let i = 0; i < 5; i++) {
    const people = ['ORGANIZER:mailto:me@acme-sales.example', `ATTENDEE:mailto:${attendees[i]}`];
    await phone(server).put(`/alice/work/m${i}.ics`, eventIcs(`m${i}`, `2026-12-0${3 + i}T10:00:00.000Z`, `2026-12-0${3 + i}T11:00:00.000Z`, `Call ${i}`, people));
  }
});
afterAll(async () => {
  for (const world of worlds) await world.close().catch(() => undefined);
  await server?.close();
});

describe('two data folders, one calendar', () => {
  it('each folder reads the meetings once and writes its touches once; neither reads the other\'s touches as meetings', async () => {
    const a = await open();
    await a.call('settings.update', { patch: { timeZone: 'UTC' } });
    const prospect = await a.call('prospects.create', { company: 'Northwind', website: 'northwind.example', contacts: [{ name: 'Ana Ruiz', email: 'ana@northwind.example' }] });
    const deal = await a.call('deals.create', { prospectId: prospect.id, title: 'Northwind pilot' });
    const accountA = await connect(a);
    await sync(a, accountA);
    const meetingsA = await a.call('meetings.list', {});
    expect(meetingsA).toHaveLength(5);
    // Linked to the deal by the attendees' company domain (the rep's own domain, in every event, left out).
    expect(meetingsA.filter((m) => m.dealId === deal.id).map((m) => m.externalUid).sort()).toEqual(['m0', 'm1']);
    expect(meetingsA.find((m) => m.externalUid === 'm0')?.attendeeIds).toEqual([prospect.contacts[0]!.id]);
    const touchesA = await plannedTouches(a);
    expect(touchesA.length).toBeGreaterThan(0);
    expect(touchesA.every((t) => t.prospectId === prospect.id)).toBe(true);

    const b = await open();
    const accountB = await connect(b);
    await sync(b, accountB);
    await sync(a, accountA);
    await sync(b, accountB);
    expect(await b.call('meetings.list', {})).toHaveLength(5);
    expect(await a.call('meetings.list', {})).toHaveLength(5);
    const all = [...touchesA, ...(await plannedTouches(b))];
    expect((await phone(server).list('touchplan')).sort()).toEqual(all.map((t) => `/alice/touchplan/${t.id}.ics`).sort());
  });

  it('a copy of a folder without its sync marks (a reinstall from a backup) adopts the objects already there', async () => {
    const a = worlds[0]!;
    await a.core.close();
    const copy = `${a.dataDir}-copy`;
    await cp(a.dataDir, copy, { recursive: true });
    await a.restart();
    const clock = { now: () => Date.parse('2026-12-02T09:00:00.000Z'), setTimeout: () => null, clearTimeout: () => undefined };
    const store = await Store.open({ dataDir: copy, clock, initial: () => ({ settings: settingsSchema.parse({}), templates: [] }) });
    await store.transact((tx) => tx.setCalendarSync(emptyCalendarSync()));
    await store.close();
    const c = await open(copy);
    const before = (await phone(server).list('touchplan')).sort();
    const accountC = await connect(c);
    await sync(c, accountC);
    expect((await phone(server).list('touchplan')).sort()).toEqual(before);
    expect(await c.call('meetings.list', {})).toHaveLength(5);
    await c.call('calendar.moveTouch', { touchId: (await plannedTouches(c))[0]!.id, due: { allDay: true, date: '2026-12-11' }, mode: 'this' });
    await sync(c, accountC);
    expect((await phone(server).list('touchplan')).sort()).toEqual(before);
  });
});

describe('offline', () => {
  it('changes made while the server is away wait in the store, survive a restart, and go out when it is back', async () => {
    const a = worlds[0]!;
    const [accountA] = (await a.call('calendarSync.status', {})).accounts;
    await sync(a, accountA!.id);
    const [first, second] = await plannedTouches(a);
    const prospect = (await a.call('prospects.list', {}))[0]!;
    const deal = (await a.call('deals.list', {}))[0]!;
    await server.stop();
    await a.call('calendar.moveTouch', { touchId: first!.id, due: { allDay: true, date: '2026-12-15' }, mode: 'this' });
    if (second) await a.call('touches.complete', { id: second.id });
    const added = await a.call('touches.create', { dealId: deal.id, prospectId: prospect.id, due: { allDay: true, date: '2026-12-16' }, channel: 'email', action: 'deliver', title: 'Send the case study', value: 'A plant like theirs, numbers included' });
    const offline = await a.call('calendarSync.syncNow', { accountId: accountA!.id });
    expect(offline.accounts[0]?.lastError).toMatch(/offline or it cannot be reached/);
    expect(offline.accounts[0]?.pending).toBe(second ? 3 : 2);
    await a.restart();
    expect((await a.call('calendarSync.status', {})).accounts[0]?.pending).toBe(second ? 3 : 2);
    await server.start();
    const back = await sync(a, accountA!.id);
    expect(back.accounts[0]?.pending).toBe(0);
    const listed = await phone(server).list('touchplan');
    expect(listed).toContain(`/alice/touchplan/${added.id}.ics`);
    if (second) expect(listed).not.toContain(`/alice/touchplan/${second.id}.ics`);
    expect((await phone(server).get(`/alice/touchplan/${first!.id}.ics`)).text).toContain('DTSTART;VALUE=DATE:20261215');
  });
});
