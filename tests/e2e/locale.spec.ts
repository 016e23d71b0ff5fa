// Dates follow the OS locale (the browser's language in the browser host) and the rep's zone from Settings:
// the order of day and month, the names and the 12/24-hour clock, on Today and in the Calendar.
// No page.clock here: Playwright's fake Date cannot be subclassed, and @date-fns/tz's TZDate is a Date subclass,
// so under page.clock every time would show in the browser's zone. The host's clock stands still instead.
import type { Page } from '@playwright/test';
import { expect, startHost, tempDataDir, test as base, type RunningHost } from './host';

const START = '2026-03-10T08:00:00.000Z'; // a Tuesday

const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs an object pattern here
  host: async ({}, use) => {
    const host = await startHost(tempDataDir(), [], { TOUCHPLAN_TEST_CLOCK: START });
    await use(host);
    await host.stop();
  },
});

async function api<T>(page: Page, channel: string, payload: unknown): Promise<T> {
  const token = (await page.locator('meta[name="touchplan-bridge-token"]').getAttribute('content')) ?? '';
  const response = await page.request.post(new URL('/api/invoke', page.url()).href, { headers: { 'X-Touchplan-Token': token }, data: { channel, payload } });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

for (const { locale, heading, time, zone, monthTitle, calendarTime } of [
  // 15:30 UTC is 11:30 in New York (summer time since 8 March) and 16:30 in Berlin.
  { locale: 'en-US', heading: 'Tuesday, March 10th, 2026', time: '11:30 AM', zone: 'America/New_York', monthTitle: /Mar/, calendarTime: /^11:30\s?AM Recap/ },
  { locale: 'de-DE', heading: 'Dienstag, 10. März 2026', time: '16:30', zone: 'Europe/Berlin', monthTitle: /März/, calendarTime: /^16:30 Recap/ },
]) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale, timezoneId: 'Asia/Tokyo' });

    test(`Today and the Calendar show dates and times in ${locale}, in the rep's zone (not the machine's)`, async ({ page, host }) => {
      await page.goto(host.url);
      await api(page, 'settings.update', { patch: { timeZone: zone, autoFirstTouch: false } });
      const prospect = await api<{ id: string }>(page, 'prospects.create', { company: 'Brightwater Logistics' });
      const deal = await api<{ id: string }>(page, 'deals.create', { prospectId: prospect.id, title: 'Fleet pilot' });
      for (const [title, due] of [
        ['Send the pilot recap', { allDay: false, at: '2026-03-10T15:30:00.000Z' }],
        ['Share the benchmark report', { allDay: true, date: '2026-03-02' }],
      ] as const) {
        await api(page, 'touches.create', { dealId: deal.id, due, channel: 'email', action: 'recap', title, value: `${title}: what they get` });
      }
      await page.reload();

      await expect(page.getByText(heading)).toBeVisible();
      const recap = page.getByRole('list', { name: 'Due today' }).getByRole('listitem').filter({ hasText: 'Send the pilot recap' });
      await expect(recap).toContainText(time);
      await expect(page.getByRole('list', { name: 'Overdue' })).toContainText('8 days late');

      // The Calendar's week: the touch at the same wall-clock time, the month in the locale's words.
      await page.goto(`${host.url}#/calendar/2026-03-10`);
      await page.getByRole('tab', { name: 'Week view' }).click();
      await expect(page.getByRole('main').getByRole('button', { name: calendarTime }).first()).toBeVisible();
      await expect(page.getByRole('heading', { name: monthTitle })).toBeVisible();
    });
  });
}
