import { test, expect } from './host';

test('the app renders, every screen is reachable from the navigation and named in the title, none is blank', async ({ page, host }) => {
  await page.goto(host.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const screen of ['Today', 'Calendar', 'Deals', 'Templates', 'Settings']) {
    await nav.getByRole('link', { name: screen }).click();
    await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
    await expect(nav.getByRole('link', { name: screen })).toHaveAttribute('aria-current', 'page');
    // The window title names the screen (Electron's window and the browser tab follow it).
    await expect(page).toHaveTitle(`${screen} — Touchplan`);
    await page.screenshot({ path: test.info().outputPath(`screen-${screen.toLowerCase()}.png`) });
  }
});

test('a prospect created through the UI survives a reload and a host restart', async ({ page, host }) => {
  await page.goto(`${host.url}#/deals`);
  await page.getByRole('button', { name: 'New prospect' }).click();
  const dialog = page.getByRole('dialog', { name: 'New prospect' });
  await dialog.getByLabel('Company').fill('Brightwater Logistics');
  await dialog.getByLabel('Website').fill('https://brightwater.example');
  await dialog.getByRole('button', { name: 'Add contact' }).click();
  await dialog.getByLabel('Contact name').fill('Lena Fischer');
  await dialog.getByLabel('Contact email').fill('lena@brightwater.example');
  await dialog.getByRole('button', { name: 'Create prospect' }).click();
  await expect(dialog).toBeHidden();

  const prospects = page.getByRole('list', { name: 'Prospects' });
  await expect(prospects.getByText('Brightwater Logistics')).toBeVisible();
  await page.reload();
  await expect(prospects.getByText('Brightwater Logistics')).toBeVisible();

  await host.restart();
  await page.goto(`${host.url}#/deals`);
  await expect(prospects.getByText('Brightwater Logistics')).toBeVisible();
  await expect(prospects.getByText('Lena Fischer')).toBeVisible();
});

test('a bad input gets a clear error and saves nothing', async ({ page, host }) => {
  await page.goto(`${host.url}#/deals`);
  await page.getByRole('button', { name: 'New prospect' }).click();
  const dialog = page.getByRole('dialog', { name: 'New prospect' });
  await dialog.getByLabel('Company').fill('Quarry Foods');
  await dialog.getByRole('button', { name: 'Add contact' }).click();
  await dialog.getByLabel('Contact name').fill('Sam');
  await dialog.getByLabel('Contact email').fill('not-an-email');
  await dialog.getByRole('button', { name: 'Create prospect' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'valid email' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await expect(page.getByText('Quarry Foods')).toHaveCount(0);
});

test('the bridge refuses calls without the per-run token', async ({ request, host }) => {
  const response = await request.post(`${host.url}api/invoke`, { data: { channel: 'prospects.list', payload: {} } });
  expect(response.status()).toBe(403);
  const events = await request.get(`${host.url}api/events?token=wrong`);
  expect(events.status()).toBe(403);
});

test('a refused holiday is explained next to its field, in plain words, and nothing is saved', async ({ page, host }) => {
  await page.goto(`${host.url}#/settings`);
  const holidays = page.getByLabel(/Non-working dates/);
  await holidays.fill('2026-12-24, 25/12/2026');
  await page.getByRole('button', { name: /Save/ }).click();
  const error = page.locator('#holidays-error');
  await expect(error).toHaveText('"25/12/2026" is not a date like 2026-12-25');
  await expect(holidays).toHaveAttribute('aria-invalid', 'true');
  await expect(holidays).toHaveAttribute('aria-describedby', 'holidays-error');
  await expect(holidays).toBeFocused(); // brought into view and ready to correct
  await page.screenshot({ path: test.info().outputPath('settings-holiday-error.png') });
  await page.reload();
  await expect(page.getByLabel(/Non-working dates/)).toHaveValue('');
});
