// Routes as a rep meets them: every button leads to a page that exists (a touch with no deal opens its prospect),
// and an address that names no page says so instead of showing Today.
import type { Page } from '@playwright/test';
import { expect, test } from './host';

async function api<T>(page: Page, channel: string, payload: unknown): Promise<T> {
  const token = (await page.locator('meta[name="touchplan-bridge-token"]').getAttribute('content')) ?? '';
  const response = await page.request.post(new URL('/api/invoke', page.url()).href, { headers: { 'X-Touchplan-Token': token }, data: { channel, payload } });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

test('Open on a touch without a deal shows its prospect: contacts, deals, touches, notes', async ({ page, host }) => {
  await page.goto(host.url);
  // A new prospect gets its first touch (with no deal yet); moved to the past, it is overdue on Today.
  const prospect = await api<{ id: string }>(page, 'prospects.create', {
    company: 'Brightwater Logistics',
    notes: 'Met at the Hamburg logistics fair.',
    contacts: [{ name: 'Lena Vogel', role: 'Head of Operations', email: 'lena@brightwater.example' }],
  });
  const [first] = await api<{ id: string; title: string; dealId: string | null }[]>(page, 'touches.list', { prospectId: prospect.id });
  expect(first?.dealId).toBeNull();
  await api(page, 'touches.update', { id: first?.id, patch: { due: { allDay: true, date: '2020-01-06' }, title: 'Send the fair follow-up pack' } });
  await page.reload();

  await page.getByRole('button', { name: 'Open: Send the fair follow-up pack' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brightwater Logistics' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Contacts' })).toContainText('Lena Vogel');
  await expect(page.getByRole('region', { name: 'Planned touches' })).toContainText('Send the fair follow-up pack');
  await expect(page.getByRole('region', { name: 'Notes' })).toContainText('Hamburg logistics fair');
  await expect(page.getByRole('region', { name: 'Deals' })).toContainText('No deal with Brightwater Logistics yet.');
  await expect(page.getByRole('link', { name: 'Deals', exact: true }).first()).toHaveAttribute('aria-current', 'page');
});

test('an unknown address shows "Not found", never Today', async ({ page, host }) => {
  for (const address of ['#/nowhere', '#/calendar/someday', '#/prospects']) {
    await page.goto(`${host.url}${address}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toHaveCount(0);
  }
  await page.getByRole('link', { name: 'Go to Today' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});
