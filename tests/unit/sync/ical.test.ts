// iCal subscriptions against a small local HTTP server serving an .ics: read-only, polled with ETag and
// If-Modified-Since, events gone from the file cancelled.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventIcs, openSyncWorld, type SyncWorld } from './world';

let http: Server;
let base = '';
let body = '';
let etag = '"v1"';
let removed = false;
const requests: { conditional: boolean; status: number }[] = [];
let world: SyncWorld;

function calendar(events: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'X-WR-CALNAME:ana@acme-sales.example', ...events.map((e) => e.replace(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:[^\r]*\r\n/, '').replace(/END:VCALENDAR\r\n$/, '').trimEnd()), 'END:VCALENDAR', ''].join('\r\n');
}

beforeAll(async () => {
  http = createServer((request, response) => {
    const conditional = request.headers['if-none-match'] === etag;
    requests.push({ conditional, status: conditional ? 304 : 200 });
    if (request.url !== '/basic.ics' || removed) return void response.writeHead(404).end();
    if (conditional) return void response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': 'text/calendar', etag, 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' }).end(body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  body = calendar([
    eventIcs('g1', '2026-12-03T10:00:00.000Z', '2026-12-03T11:00:00.000Z', 'Intro call'),
    eventIcs('g2', '2026-12-04T10:00:00.000Z', '2026-12-04T11:00:00.000Z', 'Demo'),
  ]);
  world = await openSyncWorld();
});
afterAll(async () => {
  await world?.close();
  await new Promise((resolve) => http?.close(resolve));
});

const meetings = async () => (await world.call('meetings.list', {})).filter((m) => m.externalUid?.startsWith('g'));

describe('iCal subscriptions', () => {
  it('refuses an address that is not https (or webcal) in plain words', async () => {
    expect((await world.fail('calendarSync.subscribe', { url: 'ftp://example.com/cal.ics' })).message).toMatch(/https/);
    expect((await world.fail('calendarSync.subscribe', { url: 'http://example.com/cal.ics' })).message).toMatch(/https/);
  });

  it('subscribing reads the events as meetings', async () => {
    const account = await world.call('calendarSync.subscribe', { url: `${base}/basic.ics`, label: 'Google' });
    expect(account.kind).toBe('ical');
    expect(account.lastError).toBeNull();
    expect((await meetings()).map((m) => m.title).sort()).toEqual(['Demo', 'Intro call']);
  });

  it('an unchanged address answers 304 and nothing changes', async () => {
    requests.length = 0;
    const before = JSON.stringify(await meetings());
    await world.call('calendarSync.syncNow', {});
    expect(requests).toEqual([{ conditional: true, status: 304 }]);
    expect(JSON.stringify(await meetings())).toBe(before);
  });

  it('a changed file moves, adds and cancels meetings', async () => {
    etag = '"v2"';
    body = calendar([
      eventIcs('g1', '2026-12-03T14:00:00.000Z', '2026-12-03T15:00:00.000Z', 'Intro call'),
      eventIcs('g3', '2026-12-05T10:00:00.000Z', '2026-12-05T11:00:00.000Z', 'Pricing'),
    ]);
    await world.call('calendarSync.syncNow', {});
    const all = await meetings();
    expect(all.find((m) => m.externalUid === 'g1')?.start).toBe('2026-12-03T14:00:00.000Z');
    expect(all.find((m) => m.externalUid === 'g2')?.cancelledAt).not.toBeNull();
    expect(all.find((m) => m.externalUid === 'g3')?.title).toBe('Pricing');
  });

  it('an address that does not answer a calendar is refused in plain words, and nothing is stored', async () => {
    const error = await world.fail('calendarSync.subscribe', { url: `${base}/gone.ics`, label: '' });
    expect(error.message).toMatch(/404 \(not found\)/);
    expect((await world.call('calendarSync.status', {})).accounts).toHaveLength(1);
  });

  it('an address gone from its server later is the account\'s error, in plain words; disconnecting forgets it', async () => {
    removed = true;
    const status = await world.call('calendarSync.syncNow', {});
    expect(status.accounts[0]?.lastError).toMatch(/not found on its server any more/);
    await world.call('calendarSync.disconnect', { accountId: status.accounts[0]!.id });
    expect((await world.call('calendarSync.status', {})).accounts).toEqual([]);
    expect(await meetings()).toHaveLength(3); // the meetings stay
  });
});
