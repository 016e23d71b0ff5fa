// Calendar sync end to end: the rep connects a CalDAV account (a real Radicale on loopback) from Settings in
// the browser host, picks the calendar to read and lets Touchplan create its own for touches, syncs, and sees
// the server's meetings on the Calendar. The host's clock stands still on Wednesday 2 December 2026.
import { test as base, expect, type Page } from '@playwright/test';
import { startRadicale, USERS, type Radicale } from '../unit/sync/radicale';
import { startHost, tempDataDir, type RunningHost } from './host';

const NOW = '2026-12-02T08:00:00.000Z';
const test = base.extend<{ host: RunningHost; server: Radicale }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies; this one has none
  server: async ({}, use) => {
    const server = await startRadicale();
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  host: async ({}, use) => {
    const host = await startHost(tempDataDir(), [], { TOUCHPLAN_TEST_CLOCK: NOW, TZ: 'Europe/Berlin' });
    await use(host);
    await host.stop();
  },
});
test.use({ timezoneId: 'Europe/Berlin' });

function event(uid: string, start: string, end: string, summary: string): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Phone//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261201T000000Z', `DTSTART:${start}`, `DTEND:${end}`, `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type PageGlobals = { document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null } };

/** A channel call through the page's bridge (setup the UI of this test does not cover). */
async function invoke<T = unknown>(page: Page, channel: string, payload: unknown): Promise<T> {
  const result: Envelope = await page.evaluate(
    async ({ channel, payload }) => {
      const { document } = globalThis as unknown as PageGlobals;
      const token = document.querySelector('meta[name="touchplan-bridge-token"]')?.getAttribute('content') ?? '';
      const response = await fetch('/api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Touchplan-Token': token }, body: JSON.stringify({ channel, payload }) });
      return (await response.json()) as Envelope;
    },
    { channel, payload },
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

test('connects a calendar account from Settings and sees its meetings on the Calendar', async ({ server, host, page }) => {
  const auth = server.auth('alice');
  const mkcalendar = '<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>Work</D:displayname></D:prop></D:set></C:mkcalendar>';
  expect((await fetch(`${server.url}alice/work/`, { method: 'MKCALENDAR', body: mkcalendar, headers: auth })).status).toBe(201);
  for (const [uid, start, end, summary] of [
    ['e1', '20261207T090000Z', '20261207T100000Z', 'Pipeline review with Contoso'],
    ['e2', '20261209T130000Z', '20261209T140000Z', 'Northwind discovery call'],
  ] as const) {
    expect((await fetch(`${server.url}alice/work/${uid}.ics`, { method: 'PUT', body: event(uid, start, end, summary), headers: { ...auth, 'content-type': 'text/calendar' } })).status).toBe(201);
  }

  await page.goto(`${host.url}#/settings`);
  const panel = page.getByRole('region', { name: 'Calendar account' });
  await expect(panel.getByText('This host keeps passwords in memory only')).toBeVisible();
  await panel.getByLabel('CalDAV server').fill(server.url);
  await panel.getByLabel('User name').fill('alice');
  await panel.getByLabel('App password').fill('not-the-password');
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(panel.getByRole('alert')).toHaveText(/The server refused the password/);
  await panel.getByLabel('App password').fill(USERS.alice as string);
  await panel.getByRole('button', { name: 'Connect' }).click();

  const account = panel.getByRole('article', { name: /Calendar account alice on 127\.0\.0\.1/ });
  await account.getByRole('checkbox', { name: 'Work' }).check();
  await account.getByLabel('Write touches to').selectOption({ label: 'A new calendar named “Touchplan”' });
  await account.getByRole('button', { name: 'Save calendars' }).click();
  await expect(account.getByRole('checkbox', { name: 'Touchplan' })).toBeDisabled();
  await account.getByRole('button', { name: 'Sync now' }).click();
  await expect(account.getByRole('status')).toHaveText(/Last sync/);
  await page.screenshot({ path: test.info().outputPath('calendar-account.png') });

  await page.goto(`${host.url}#/calendar/2026-12-07`);
  await page.getByRole('tab', { name: 'Week view' }).click();
  await expect(page.getByRole('button', { name: /Pipeline review with Contoso/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Northwind discovery call/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('calendar-synced.png') });
});

test('a meeting moved on the server asks on Today before its follow-ups move', async ({ server, host, page }) => {
  const auth = server.auth('alice');
  const mkcalendar = '<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>Work</D:displayname></D:prop></D:set></C:mkcalendar>';
  await fetch(`${server.url}alice/work/`, { method: 'MKCALENDAR', body: mkcalendar, headers: auth });
  const put = (start: string, end: string) => fetch(`${server.url}alice/work/q1.ics`, { method: 'PUT', body: event('q1', start, end, 'Contoso pricing review'), headers: { ...auth, 'content-type': 'text/calendar' } });
  await put('20261207T090000Z', '20261207T100000Z');

  await page.goto(`${host.url}#/today`);
  const account = await invoke<{ id: string; calendars: { url: string; name: string }[] }>(page, 'calendarSync.connect', { server: server.url, username: 'alice', password: USERS.alice });
  const work = account.calendars.find((c) => c.name === 'Work')!;
  await invoke(page, 'calendarSync.choose', { accountId: account.id, read: [work.url], touchCalendar: { kind: 'none' } });
  await invoke(page, 'calendarSync.syncNow', { accountId: account.id });
  const [meeting] = await invoke<{ id: string }[]>(page, 'meetings.list', {});
  const prospect = await invoke<{ id: string }>(page, 'prospects.create', { company: 'Contoso', contacts: [] });
  const deal = await invoke<{ id: string }>(page, 'deals.create', { prospectId: prospect.id, title: 'Contoso rollout' });
  await invoke(page, 'meetings.update', { id: meeting!.id, patch: { dealId: deal.id } });
  const recap = await invoke<{ id: string }>(page, 'touches.create', { dealId: deal.id, meetingId: meeting!.id, due: { allDay: true, date: '2026-12-08' }, channel: 'email', action: 'recap', title: 'Send the recap', value: 'Notes and the agreed next steps' });

  await put('20261209T090000Z', '20261209T100000Z'); // moved "on the phone", Monday -> Wednesday
  await invoke(page, 'calendarSync.syncNow', { accountId: account.id });
  const card = page.getByRole('region', { name: 'From your calendar' });
  await expect(card).toContainText('Moved on your calendar: Contoso pricing review');
  expect((await invoke<{ due: unknown }>(page, 'touches.get', { id: recap.id })).due).toEqual({ allDay: true, date: '2026-12-08' });
  await page.screenshot({ path: test.info().outputPath('calendar-question.png') });
  await card.getByRole('button', { name: 'Move follow-ups' }).click();
  await expect(card).toBeHidden();
  expect((await invoke<{ due: unknown }>(page, 'touches.get', { id: recap.id })).due).toEqual({ allDay: true, date: '2026-12-10' });
});
