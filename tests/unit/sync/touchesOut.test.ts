// Touches out to a real Radicale: written, moved, removed when done; a move made on the phone comes back as a
// reschedule with the question about the later touches; a stale ETag (412) is resolved by the stated rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpFetch } from '../../../src/main/core/ports';
import type { Touch } from '../../../src/shared/schema';
import { startRadicale, USERS, type Radicale } from './radicale';
import { openSyncWorld, phone, type SyncWorld } from './world';

let server: Radicale;
let world: SyncWorld;
let accountId: string;
let touches: Touch[] = [];
/** Runs once just before the next PUT of a path: "the phone" changing the object while Touchplan writes. */
const beforePut = new Map<string, () => Promise<void>>();
const racing: HttpFetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const hook = init?.method === 'PUT' ? beforePut.get(new URL(url).pathname) : undefined;
  if (hook) {
    beforePut.delete(new URL(url).pathname);
    await hook();
  }
  return fetch(input, init);
};

const path = (touch: Touch) => `/alice/touchplan/${touch.id}.ics`;
const sync = async () => {
  const status = await world.call('calendarSync.syncNow', { accountId });
  expect(status.accounts[0]?.lastError).toBeNull();
  return status;
};
const onServer = async () => (await phone(server).list('touchplan')).sort();
const touch = (id: string) => world.call('touches.get', { id });
/** The phone moves a timed touch's object to `at` (ISO), with its ETag. */
async function phoneMove(t: Touch, at: string) {
  const current = await phone(server).get(path(t));
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const text = current.text.replace(/DTSTART:\d{8}T\d{6}Z/, `DTSTART:${stamp(Date.parse(at))}`).replace(/DTEND:\d{8}T\d{6}Z/, `DTEND:${stamp(Date.parse(at) + 15 * 60_000)}`);
  const answer = await phone(server).put(path(t), text, current.etag ?? undefined);
  expect(answer.status).toBeLessThan(300);
}

beforeAll(async () => {
  server = await startRadicale();
  await phone(server).makeCalendar('work', 'Work');
  world = await openSyncWorld({ fetch: racing });
  await world.call('settings.update', { patch: { autoFirstTouch: false, timeZone: 'UTC' } });
  const prospect = await world.call('prospects.create', { company: 'Northwind', contacts: [] });
  const deal = await world.call('deals.create', { prospectId: prospect.id, title: 'Northwind pilot' });
  const meeting = await world.call('meetings.create', { dealId: deal.id, title: 'Discovery', start: '2026-12-03T09:00:00.000Z', end: '2026-12-03T10:00:00.000Z' });
  const base = { dealId: deal.id, meetingId: meeting.id, channel: 'email', action: 'recap' } as const;
  touches = [
    await world.call('touches.create', { ...base, due: { allDay: false, at: '2026-12-04T10:00:00.000Z' }, title: 'Recap', value: 'The notes and the agreed next steps' }),
    await world.call('touches.create', { ...base, due: { allDay: true, date: '2026-12-08' }, title: 'Deliver the sizing', value: 'Sizing of their two plants', action: 'deliver' }),
    await world.call('touches.create', { ...base, due: { allDay: false, at: '2026-12-14T10:00:00.000Z' }, title: 'Custom demo', value: 'A demo on their own data', action: 'custom-demo' }),
    await world.call('touches.create', { ...base, due: { allDay: false, at: '2026-12-16T10:00:00.000Z' }, title: 'Reference call', value: 'A call with a plant of their size', action: 'reference-meeting' }),
  ];
  const account = await world.call('calendarSync.connect', { server: server.url, username: 'alice', password: USERS.alice as string });
  accountId = account.id;
  const work = account.calendars.find((c) => c.name === 'Work')!;
  await world.call('calendarSync.choose', { accountId, read: [work.url], touchCalendar: { kind: 'create' } });
});
afterAll(async () => {
  await world?.close();
  await server?.close();
});

describe('touches out', () => {
  it('writes every planned touch with its action, value and prospect, and an alarm', async () => {
    const status = await sync();
    expect(status.accounts[0]?.pending).toBe(0);
    expect(await onServer()).toEqual(touches.map(path).sort());
    const recap = await phone(server).get(path(touches[0]!));
    const unfolded = recap.text.replace(/\r\n /g, '');
    expect(unfolded).toContain(`UID:${touches[0]!.id}@touchplan`);
    expect(unfolded).toContain('DTSTART:20261204T100000Z');
    expect(unfolded).toMatch(/DESCRIPTION:Action: .*\\nValue: The notes and the agreed next steps\\nProspect: Northwind/);
    expect(unfolded).toContain('BEGIN:VALARM');
    expect((await phone(server).get(path(touches[1]!))).text).toContain('DTSTART;VALUE=DATE:20261208');
    // The touch calendar is never read back as meetings.
    expect((await world.call('meetings.list', {})).map((m) => m.title)).toEqual(['Discovery']);
  });

  it('a touch moved in Touchplan is moved on the server; a done one is removed', async () => {
    await world.call('calendar.moveTouch', { touchId: touches[0]!.id, due: { allDay: false, at: '2026-12-04T15:00:00.000Z' }, mode: 'this' });
    await world.call('touches.complete', { id: touches[3]!.id });
    const before = await world.call('calendarSync.status', {});
    expect(before.accounts[0]?.pending).toBe(2);
    await sync();
    expect((await phone(server).get(path(touches[0]!))).text).toContain('DTSTART:20261204T150000Z');
    expect(await onServer()).toEqual(touches.slice(0, 3).map(path).sort());
  });

  it('a touch moved on the phone comes back as a reschedule, and its later touches wait for the answer', async () => {
    await phoneMove(touches[0]!, '2026-12-07T09:00:00.000Z');
    const status = await sync();
    expect((await touch(touches[0]!.id)).due).toEqual({ allDay: false, at: '2026-12-07T09:00:00.000Z' });
    // Not shifted silently:
    expect((await touch(touches[1]!.id)).due).toEqual({ allDay: true, date: '2026-12-08' });
    const question = status.questions.find((q) => q.kind === 'touch-moved');
    expect(question).toMatchObject({ touchId: touches[0]!.id });
    await world.call('calendarSync.answer', { questionId: question!.id, answer: 'apply' });
    // Friday 4 -> Monday 7 is one business day: the later touches move one business day too.
    expect((await touch(touches[1]!.id)).due).toEqual({ allDay: true, date: '2026-12-09' });
    expect((await touch(touches[2]!.id)).due).toEqual({ allDay: false, at: '2026-12-15T10:00:00.000Z' });
    await sync();
    expect((await phone(server).get(path(touches[2]!))).text).toContain('DTSTART:20261215T100000Z');
    expect((await world.call('calendarSync.status', {})).questions).toEqual([]);
  });

  it('a stale ETag (the phone moved it while Touchplan wrote its own move): Touchplan\'s time is written, the phone\'s is asked', async () => {
    const demo = touches[2]!;
    beforePut.set(path(demo), () => phoneMove(demo, '2026-12-18T08:00:00.000Z'));
    await world.call('calendar.moveTouch', { touchId: demo.id, due: { allDay: false, at: '2026-12-17T10:00:00.000Z' }, mode: 'this' });
    const status = await sync();
    expect(beforePut.size).toBe(0); // the race did happen
    expect((await phone(server).get(path(demo))).text).toContain('DTSTART:20261217T100000Z');
    expect((await touch(demo.id)).due).toEqual({ allDay: false, at: '2026-12-17T10:00:00.000Z' });
    const question = status.questions.find((q) => q.kind === 'touch-conflict');
    expect(question).toMatchObject({ touchId: demo.id, calendarDue: { allDay: false, at: '2026-12-18T08:00:00.000Z' } });
    await world.call('calendarSync.answer', { questionId: question!.id, answer: 'apply' });
    await sync();
    expect((await touch(demo.id)).due).toEqual({ allDay: false, at: '2026-12-18T08:00:00.000Z' });
    expect((await phone(server).get(path(demo))).text).toContain('DTSTART:20261218T080000Z');
  });

  it('a stale ETag from a change that is not a move: Touchplan\'s version is written over it, nothing is asked', async () => {
    const recap = touches[0]!;
    beforePut.set(path(recap), async () => {
      const current = await phone(server).get(path(recap));
      await phone(server).put(path(recap), current.text.replace('CATEGORIES:Touchplan touch', 'CATEGORIES:Touchplan touch,Phone'), current.etag ?? undefined);
    });
    await world.call('touches.update', { id: recap.id, patch: { value: 'The notes, the next steps and the pricing sheet' } });
    const status = await sync();
    expect(beforePut.size).toBe(0);
    expect((await phone(server).get(path(recap))).text.replace(/\r\n /g, '')).toContain('the pricing sheet');
    expect(status.questions).toEqual([]);
  });
});
