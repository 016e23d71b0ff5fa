// axe over every screen and dialog, in the light and the dark scheme: no serious or critical violation.
// The demo dataset (a realistic folder) fills the screens; each dialog is opened the way a rep opens it.
import AxeBuilder from '@axe-core/playwright';
import { test as base, type Page } from '@playwright/test';
import { expect, startHost, tempDataDir, type RunningHost } from './host';

// One demo folder for the whole file: these tests only read.
const test = base.extend<object, { host: RunningHost }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs an object pattern here
    async ({}, use) => {
      const host = await startHost(tempDataDir(), ['--demo']);
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
});

/** The serious and critical violations on the page (or inside `within`), in words a failing test can show. */
async function violations(page: Page, within?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (within) builder = builder.include(within);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`).join(' | ')}`);
}

async function openScreen(page: Page, host: RunningHost, hash: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${host.url}${hash}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function firstDealHash(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Deals' }).click();
  const link = page.getByRole('table', { name: /deals/i }).getByRole('link').first();
  return (await link.getAttribute('href')) ?? '';
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    test.setTimeout(240_000); // axe takes seconds per page on a loaded machine

    test(`every screen has no serious or critical violation (${colorScheme})`, async ({ page, host }) => {
      await openScreen(page, host, '#/today', 'Today');
      await expect(page.locator('html')).toHaveAttribute('data-color-scheme', colorScheme);
      expect(await violations(page)).toEqual([]);

      await openScreen(page, host, '#/calendar', 'Calendar');
      await expect(page.getByRole('main').locator('[data-loading="false"]')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      for (const view of ['Week view', 'Day view', 'List view']) {
        await page.getByRole('tab', { name: view }).click();
        expect(await violations(page), view).toEqual([]);
      }

      for (const [hash, heading] of [
        ['#/deals', 'Deals'],
        ['#/templates', 'Templates'],
        ['#/settings', 'Settings'],
        ['#/import', 'Import & export'],
      ] as const) {
        await openScreen(page, host, hash, heading);
        expect(await violations(page), hash).toEqual([]);
      }

      await page.goto(`${host.url}#/deals`);
      const dealHash = await firstDealHash(page);
      await page.goto(`${host.url}${dealHash}`);
      await expect(page.getByRole('button', { name: 'Schedule meeting' })).toBeVisible();
      expect(await violations(page), 'deal page').toEqual([]);

      const meetingLink = page.getByRole('link', { name: /./ }).and(page.locator('a[href^="#/meetings/"]')).first();
      await page.goto(`${host.url}${await meetingLink.getAttribute('href')}`);
      await expect(page.getByRole('button', { name: /debrief/i })).toBeVisible();
      expect(await violations(page), 'meeting page').toEqual([]);
    });

    test(`every dialog has no serious or critical violation (${colorScheme})`, async ({ page, host }) => {
      const dialogs: { hash: string; open: string; dialog: string | RegExp }[] = [
        { hash: '#/deals', open: 'New prospect', dialog: 'New prospect' },
        { hash: '#/deals', open: 'New deal', dialog: 'New deal' },
        { hash: '#/templates', open: 'New template', dialog: 'New template' },
        { hash: '#/calendar/new', open: '', dialog: 'New meeting' },
      ];
      for (const { hash, open, dialog } of dialogs) {
        await page.goto(`${host.url}${hash}`);
        if (open) await page.getByRole('button', { name: open, exact: true }).click();
        await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
        expect(await violations(page, 'dialog'), String(dialog)).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toBeHidden();
      }

      await page.goto(`${host.url}#/deals`);
      await page.goto(`${host.url}${await firstDealHash(page)}`);
      for (const open of ['Schedule meeting', 'Add touch', 'Edit deal']) {
        await page.getByRole('button', { name: open, exact: true }).click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        expect(await violations(page, 'dialog'), open).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }

      await page.goto(`${host.url}#/today`);
      await page.getByRole('button', { name: /^Done: / }).first().click();
      await expect(page.getByRole('dialog', { name: /^Done: / })).toBeVisible();
      expect(await violations(page, 'dialog'), 'Done').toEqual([]);
    });
  });
}

test('a dialog opens on its first field and gives focus back when it closes', async ({ page, host }) => {
  await page.goto(`${host.url}#/deals`);
  const opener = page.getByRole('button', { name: 'New prospect', exact: true });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'New prospect' });
  await expect(dialog.getByRole('textbox').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the calendar side panel opens with Enter, takes focus, and closes with Escape back to its item', async ({ page, host }) => {
  await page.goto(`${host.url}#/calendar`);
  await page.getByRole('tab', { name: 'List view' }).click();
  const item = page.getByRole('main').getByRole('button', { name: / · / }).first();
  await item.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: /details$/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(item).toBeFocused();
});

test('the Appearance setting overrides the OS scheme, and "Same as the system" follows it again', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${host.url}#/settings`);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-color-scheme', 'light');
  const appearance = page.getByLabel('Appearance');
  await appearance.selectOption({ label: 'Dark' });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(html).toHaveAttribute('data-color-scheme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-color-scheme', 'dark');
  await page.getByLabel('Appearance').selectOption({ label: 'Same as the system' });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(html).toHaveAttribute('data-color-scheme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-color-scheme', 'dark');
});
