// Today in the browser host, with the host's clock driven by the test (TOUCHPLAN_TEST_CLOCK) and the page's
// clock by Playwright: Done, Snooze and Skip persist through a reload; a touch coming due shows its notification
// in the developer panel.
import type { Page } from '@playwright/test';
import { expect, startHost, tempDataDir, test as base, type RunningHost } from './host';

const START = '2026-03-10T08:00:00.000Z'; // a Tuesday, before the working day

const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs an object pattern here
  host: async ({}, use) => {
    const host = await startHost(tempDataDir(), [], { TOUCHPLAN_TEST_CLOCK: START });
    await use(host);
    await host.stop();
  },
});

/** The page's bridge token (the browser host writes it into index.html). */
async function token(page: Page): Promise<string> {
  return (await page.locator('meta[name="touchplan-bridge-token"]').getAttribute('content')) ?? '';
}

async function api<T>(page: Page, channel: string, payload: unknown): Promise<T> {
  const response = await page.request.post(new URL('/api/invoke', page.url()).href, {
    headers: { 'X-Touchplan-Token': await token(page) },
    data: { channel, payload },
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Moves the host's clock: time passes (timers fire on the way). The page's clock follows. */
async function advance(page: Page, ms: number): Promise<void> {
  const response = await page.request.post(new URL('/api/test/clock', page.url()).href, {
    headers: { 'X-Touchplan-Token': await token(page) },
    data: { advanceMs: ms },
  });
  const { now } = (await response.json()) as { now: string };
  expect(Date.parse(now)).toBeGreaterThan(Date.parse(START));
  await page.clock.fastForward(ms);
}

interface Seeded {
  overdue: string;
  recap: string;
  call: string;
  roi: string;
  dealId: string;
}

async function seed(page: Page): Promise<Seeded> {
  await api(page, 'settings.update', { patch: { timeZone: 'UTC', autoFirstTouch: false } });
  const prospect = await api<{ id: string }>(page, 'prospects.create', { company: 'Brightwater Logistics' });
  const deal = await api<{ id: string }>(page, 'deals.create', { prospectId: prospect.id, title: 'Fleet pilot' });
  const touch = (title: string, due: unknown, channel = 'email', action = 'recap') =>
    api<{ id: string }>(page, 'touches.create', { dealId: deal.id, due, channel, action, title, value: `${title}: what they get` }).then((t) => t.id);
  return {
    overdue: await touch('Share the benchmark report', { allDay: true, date: '2026-03-09' }, 'linkedin', 'joint-content'),
    recap: await touch('Send the pilot recap', { allDay: false, at: '2026-03-10T09:30:00.000Z' }),
    call: await touch('Call Lena about the PoC', { allDay: false, at: '2026-03-10T10:00:00.000Z' }, 'phone', 'call'),
    roi: await touch('Deliver the ROI model', { allDay: false, at: '2026-03-10T11:00:00.000Z' }, 'email', 'business-justification'),
    dealId: deal.id,
  };
}

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date(START) });
});

test('Done, Snooze and Skip from Today persist through a reload; all done at the end', async ({ page, host }) => {
  await page.goto(host.url);
  const ids = await seed(page);
  await page.reload();

  const overdue = page.getByRole('list', { name: 'Overdue' });
  const dueToday = page.getByRole('list', { name: 'Due today' });
  await expect(overdue.getByRole('listitem')).toHaveCount(1);
  await expect(dueToday.getByRole('listitem')).toHaveCount(3);
  await expect(dueToday.getByRole('listitem').first()).toContainText('Send the pilot recap');
  await page.screenshot({ path: test.info().outputPath('today.png'), fullPage: true });

  // Done with an outcome note, from the keyboard: select the row, press D.
  await dueToday.getByRole('listitem').filter({ hasText: 'Send the pilot recap' }).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('d');
  const done = page.getByRole('dialog', { name: 'Done: Send the pilot recap' });
  // The dialog opens on its note: typing goes there, never to the list's shortcuts (S would open Snooze).
  await expect(done.getByLabel('Outcome (optional)')).toBeFocused();
  await page.keyboard.type('They want the recap shared with their CFO');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(done.getByLabel('Outcome (optional)')).toHaveValue('They want the recap shared with their CFO');
  await page.keyboard.press('Control+Enter');
  await expect(done).toBeHidden();
  await expect(dueToday.getByText('Send the pilot recap')).toHaveCount(0);

  // Snooze to the next business day.
  await page.getByRole('button', { name: 'Snooze: Call Lena about the PoC' }).click();
  await page.getByRole('menuitem', { name: 'Next business day' }).click();
  await expect(dueToday.getByText('Call Lena about the PoC')).toHaveCount(0);

  // Skip with a reason, from the keyboard: K on the selected row, type, Enter.
  await dueToday.getByRole('listitem').filter({ hasText: 'Deliver the ROI model' }).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('k');
  const skip = page.getByRole('dialog', { name: 'Skip: Deliver the ROI model' });
  await expect(skip.getByLabel('Why skip it?')).toBeFocused();
  await page.keyboard.type('Their CFO is on leave until April');
  await page.keyboard.press('Enter');
  await expect(skip).toBeHidden();

  await page.reload();
  await expect(page.getByRole('list', { name: 'Due today' })).toHaveCount(0);
  await expect(overdue.getByRole('listitem')).toHaveCount(1);
  expect(await api(page, 'touches.get', { id: ids.recap })).toMatchObject({ status: 'done', outcomeNote: 'They want the recap shared with their CFO' });
  expect(await api(page, 'touches.get', { id: ids.call })).toMatchObject({ status: 'planned', due: { allDay: false, at: '2026-03-11T09:00:00.000Z' } });
  expect(await api(page, 'touches.get', { id: ids.roi })).toMatchObject({ status: 'skipped', skipReason: 'Their CFO is on leave until April' });

  // The last one, Done without a note: then the clear "All done for today".
  await page.getByRole('button', { name: 'Done: Share the benchmark report' }).click();
  await page.getByRole('dialog', { name: 'Done: Share the benchmark report' }).getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByRole('heading', { name: 'All done for today' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'All done for today' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('today-all-done.png'), fullPage: true });
});

test('the developer panel shows the notification of a touch that comes due, and the tray', async ({ page, host }) => {
  await page.goto(host.url);
  const ids = await seed(page);
  await page.reload();
  await page.getByRole('button', { name: /Host panel/ }).click();
  const notifications = page.getByRole('list', { name: 'Notifications' });
  await expect(notifications).toContainText('None yet.');
  await expect(page.getByLabel('Tray')).toContainText('Touchplan — 4 touches today (1 overdue)');

  // 08:00 → 09:31: the morning digest at 08:30, then the recap at 09:30.
  await advance(page, 91 * 60_000);
  await expect(notifications.getByRole('listitem')).toHaveCount(2);
  await expect(notifications.getByRole('listitem').first()).toContainText('Touch due at 09:30: Send the pilot recap');
  await expect(notifications.getByRole('listitem').nth(1)).toContainText('Touchplan — your day');
  await expect(notifications.getByRole('listitem').nth(1)).toContainText('4 touches today, 1 overdue');
  await expect(page.getByLabel('Tray')).toContainText('Touchplan — 4 touches today (2 overdue)');
  await page.screenshot({ path: test.info().outputPath('today-dev-panel.png') });

  // A reloaded page sees what was shown; clicking the notification opens the touch on Today.
  await page.reload();
  await page.getByRole('button', { name: /Host panel/ }).click();
  await expect(notifications.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Click notification: Touch due at 09:30: Send the pilot recap' }).click();
  await expect(page).toHaveURL(new RegExp(`#/today/${ids.recap}$`));
  await expect(page.getByRole('listitem', { name: /^Send the pilot recap/ })).toBeFocused();

  // A restart of the host never repeats a notification: its clock starts at 08:00 again and passes 09:30 again.
  await host.restart();
  await page.goto(host.url);
  await page.getByRole('button', { name: /Host panel/ }).click();
  await advance(page, 91 * 60_000);
  await expect(page.getByLabel('Tray')).toContainText('Touchplan — 4 touches today (2 overdue)');
  await expect(notifications).toContainText('None yet.');
  // …while the next one still comes, at its time (read back through host.panel, so no race with the event stream).
  await advance(page, 29 * 60_000);
  await page.reload();
  await page.getByRole('button', { name: /Host panel/ }).click();
  await expect(notifications.getByRole('listitem')).toHaveCount(1);
  await expect(notifications).toContainText('Touch due at 10:00: Call Lena about the PoC');
});

