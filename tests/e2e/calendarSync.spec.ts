// Calendar sync end to end: the rep connects a CalDAV account (a real Radicale on loopback) from Settings in
// the browser host, picks the calendar to read and lets Touchplan create its own for touches, syncs, and sees
// the server's meetings on the Calendar. The host's clock stands still on Wednesday 2 December 2026.
import { test as base, expect } from '@playwright/test';
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
