// Plan before the meeting, end to end: prospect and deal through the UI, a meeting with its call plan, Guided
// decision applied after a preview, everything still there after a reload and a host restart, the value lint,
// and a debrief that swaps exactly the unlocked planned touches for another template.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './host';

// Business-day arithmetic computed here, independently of the app: Monday to Friday, no holidays (the defaults).
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const isWeekend = (d: Date) => d.getDay() === 0 || d.getDay() === 6;
function addBusinessDays(date: Date, n: number): Date {
  const d = new Date(date);
  while (isWeekend(d)) d.setDate(d.getDate() + 1);
  for (let i = 0; i < n; ) {
    d.setDate(d.getDate() + 1);
    if (!isWeekend(d)) i++;
  }
  return d;
}

const GUIDED_OFFSETS = [0, 3, 8, 13, 18, 23];
const GUIDED_TITLES = [
  'Send the recap and the decision plan',
  'Custom demo on their own use case',
  'Kick off the proof of concept',
  'Meet a reference customer',
  'Build the business justification together',
  'Executive visit with their sponsor',
];
const IMMEDIATE_OFFSETS = [0, 2, 5];
const IMMEDIATE_TITLES = ['Send the recap and agreed next steps', 'Deliver what was promised in the meeting', 'Walk through a first estimate of the business case'];

async function sequenceRows(page: Page): Promise<{ date: string; title: string }[]> {
  const table = page.getByRole('table', { name: 'Follow-up sequence' });
  await expect(table).toBeVisible();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      date: row.querySelector('time')?.getAttribute('datetime') ?? '',
      title: row.querySelector('strong')?.textContent ?? '',
    })),
  );
}

test('plan a meeting, apply Guided decision after a preview, keep it across restarts, lint, debrief and swap the sequence', async ({ page, host }) => {
  test.setTimeout(180_000); // a long journey with two host restarts, on a shared machine
  const today = new Date();
  today.setHours(12, 0, 0, 0);
  // The meeting: the first working day at least a week from today, 10:00–11:00 local time.
  const meetingDay = addBusinessDays(new Date(today.getTime() + 7 * 86_400_000), 0);
  const meetingDate = iso(meetingDay);
  const guidedDates = GUIDED_OFFSETS.map((n) => iso(addBusinessDays(meetingDay, n)));

  // A prospect and a deal, through the UI.
  await page.goto(`${host.url}#/deals`);
  await page.getByRole('button', { name: 'New prospect' }).click();
  const prospectDialog = page.getByRole('dialog', { name: 'New prospect' });
  await prospectDialog.getByLabel('Company').fill('Brightwater Logistics');
  await prospectDialog.getByRole('button', { name: 'Add contact' }).click();
  await prospectDialog.getByLabel('Contact name').fill('Lena Fischer');
  await prospectDialog.getByLabel('Contact role').fill('COO');
  await prospectDialog.getByRole('button', { name: 'Create prospect' }).click();
  await expect(prospectDialog).toBeHidden();

  await page.getByRole('button', { name: 'New deal', exact: true }).click();
  const dealDialog = page.getByRole('dialog', { name: 'New deal' });
  await dealDialog.getByLabel('Prospect').selectOption({ label: 'Brightwater Logistics' });
  await dealDialog.getByLabel('Deal title').fill('Fleet tracking rollout');
  await dealDialog.getByLabel('Value').fill('48000');
  await dealDialog.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fleet tracking rollout' })).toBeVisible();

  // Schedule the meeting from the deal page.
  await page.getByRole('button', { name: 'Schedule meeting' }).click();
  const meetingDialog = page.getByRole('dialog', { name: 'Schedule meeting' });
  await meetingDialog.getByLabel('Meeting title').fill('Discovery with Lena');
  await meetingDialog.getByLabel('Starts').fill(`${meetingDate}T10:00`);
  await expect(meetingDialog.getByLabel('Ends')).toHaveValue(`${meetingDate}T11:00`);
  await meetingDialog.getByLabel('Place or link').fill('https://meet.example/brightwater');
  await meetingDialog.getByRole('checkbox', { name: /Lena Fischer/ }).check();
  await meetingDialog.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Discovery with Lena' })).toBeVisible();
  const meetingId = new URL(page.url()).hash.split('/')[2] as string;
  const readiness = page.getByRole('region', { name: 'Readiness' });
  await expect(readiness).toContainText('Not ready yet');
  await expect(readiness).toContainText('Write the ideal outcome');

  // The call plan.
  const plan = page.getByRole('form', { name: 'Call plan' });
  await plan.getByLabel('Client needs and context').fill('Forty trucks, no live tracking, late deliveries cost them customers.');
  await plan.getByLabel('Ideal outcome').fill('A paid pilot in two depots starting next month');
  await plan.getByLabel('Fallback outcome').fill('A data-sharing call with their dispatch lead');
  await plan.getByLabel('Call to action').fill('Sign the pilot order by Friday');
  await plan.getByRole('button', { name: 'Add question' }).click();
  await plan.getByRole('textbox', { name: 'Discovery question 1' }).fill('Who signs the pilot order?');
  await plan.getByRole('button', { name: 'Add objection' }).click();
  await plan.getByRole('textbox', { name: 'Objection 1' }).fill('We tried a tracker before and drivers hated it');
  // Leaving with the plan unsaved asks first; staying keeps every word.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
  await expect.poll(() => asked).toEqual(['The call plan has changes that are not saved. Leave without saving them?']);
  await expect(page.getByRole('heading', { level: 1, name: 'Discovery with Lena' })).toBeVisible();
  await expect(plan.getByLabel('Call to action')).toHaveValue('Sign the pilot order by Friday');
  await plan.getByRole('button', { name: 'Save call plan' }).click();
  await expect(readiness).toContainText('Plan a first touch within one business day of the meeting');
  await expect(readiness).not.toContainText('Write the ideal outcome');

  // Plan follow-up with Guided decision: preview the real dates first, then save.
  await page.getByLabel('Template').selectOption({ label: 'Guided decision (built-in)' });
  const preview = page.getByRole('table', { name: 'Preview' });
  await expect(preview.locator('tbody tr')).toHaveCount(6);
  expect(await preview.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')))).toEqual(guidedDates);
  await page.screenshot({ path: test.info().outputPath('plan-preview.png'), fullPage: true });
  await page.getByRole('button', { name: 'Save sequence' }).click();
  await expect(preview).toBeHidden();
  await expect(readiness).toContainText('Ready.');
  const expectedGuided = guidedDates.map((date, i) => ({ date, title: GUIDED_TITLES[i] as string }));
  expect(await sequenceRows(page)).toEqual(expectedGuided);

  // Deleting a touch is one click, so it can be undone from the message it leaves.
  const firstTitle = GUIDED_TITLES[0] as string;
  await page.getByRole('button', { name: `Delete ${firstTitle}` }).click();
  await expect(page.getByRole('table', { name: 'Follow-up sequence' }).getByText(firstTitle)).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: `"${firstTitle}" deleted.` }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('table', { name: 'Follow-up sequence' }).getByText(firstTitle)).toHaveCount(1);
  expect(await sequenceRows(page)).toEqual(expectedGuided);

  // After a reload and a host restart, everything is there and the meeting is ready.
  await page.reload();
  await expect(readiness).toContainText('Ready.');
  await host.restart();
  await page.goto(`${host.url}#/meetings/${meetingId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Discovery with Lena' })).toBeVisible();
  await expect(readiness).toContainText('Ready.');
  await expect(plan.getByLabel('Call to action')).toHaveValue('Sign the pilot order by Friday');
  await expect(plan.getByRole('textbox', { name: 'Discovery question 1' })).toHaveValue('Who signs the pilot order?');
  expect(await sequenceRows(page)).toEqual(expectedGuided);
  await page.screenshot({ path: test.info().outputPath('plan-meeting.png'), fullPage: true });

  // The Deals screen shows the deal with its next touch and the readiness of its next meeting.
  await page.goto(`${host.url}#/deals`);
  const deals = page.getByRole('table', { name: 'Active deals' });
  const dealRow = deals.getByRole('row').filter({ hasText: 'Fleet tracking rollout' });
  await expect(dealRow).toContainText('Discovery with Lena');
  await expect(dealRow.getByText('Ready', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('plan-deals.png'), fullPage: true });
  await page.goto(`${host.url}#/meetings/${meetingId}`);

  // A check-in value shows the warning (it warns; it does not block).
  await page.getByRole('button', { name: 'Add touch' }).click();
  const touchDialog = page.getByRole('dialog', { name: 'Add touch' });
  await touchDialog.getByLabel('Title').fill('Quick call');
  await expect(touchDialog.getByRole('note', { name: 'Value warning' })).toHaveCount(0);
  await touchDialog.getByLabel('Value for them').fill('Just checking in');
  const warning = touchDialog.getByRole('note', { name: 'Value warning' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('"Just checking in" offers the prospect no value');
  await expect(warning).toContainText('Custom demo');
  await touchDialog.getByRole('button', { name: 'Add touch' }).click();
  await expect(touchDialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Follow-up sequence' }).getByRole('note', { name: 'Value warning' })).toHaveCount(1);

  // The brief downloads as a self-contained HTML page with the call plan.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download brief' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`brief-${meetingDate}-brightwater-logistics-discovery-with-lena.html`);
  const html = await readFile((await file.path()) as string, 'utf8');
  expect(html).toContain('Sign the pilot order by Friday');
  expect(html).toContain('Who signs the pilot order?');

  // Lock the proof of concept, then debrief: no outcome, one commitment by us, swap the rest for Immediate follow-up.
  await page.getByRole('button', { name: 'Lock Kick off the proof of concept' }).click();
  await expect(page.getByRole('button', { name: 'Lock Kick off the proof of concept' })).toHaveAttribute('aria-pressed', 'true');
  const promiseDate = iso(addBusinessDays(today, 4));
  await page.getByRole('button', { name: 'Debrief', exact: true }).click();
  const debrief = page.getByRole('dialog', { name: 'Debrief' });
  await debrief.getByRole('radio', { name: /^None/ }).check();
  await debrief.getByRole('button', { name: 'Add our commitment' }).click();
  await debrief.getByLabel('Our commitment 1', { exact: true }).fill('Send the security whitepaper');
  await debrief.getByLabel('Our commitment 1 due').fill(promiseDate);
  await debrief.getByRole('button', { name: 'Add their commitment' }).click();
  await debrief.getByLabel('Their commitment 1', { exact: true }).fill('Share the fleet size per depot');
  await debrief.getByLabel('Notes').fill('Not ready for a pilot before the budget review.');
  await debrief.getByRole('radio', { name: /Replace the remaining planned, unlocked touches/ }).check();
  await debrief.getByLabel('Replacement template').selectOption({ label: 'Immediate follow-up' });
  await debrief.getByRole('button', { name: 'Save debrief' }).click();
  await expect(debrief).toBeHidden();

  // Exactly the unlocked planned touches were replaced: the locked one stays, the rest is Immediate follow-up
  // planned from today, with the deliver touch for our commitment instead of the template's generic one.
  const start = addBusinessDays(today, 0);
  const expectedAfter = [
    { date: guidedDates[2] as string, title: 'Kick off the proof of concept' },
    { date: promiseDate, title: 'Deliver: Send the security whitepaper' },
    ...IMMEDIATE_OFFSETS.map((n, i) => ({ date: iso(addBusinessDays(start, n)), title: IMMEDIATE_TITLES[i] as string })).filter(
      (touch) => !touch.title.startsWith('Deliver'),
    ),
  ];
  const byDateThenTitle = (a: { date: string; title: string }, b: { date: string; title: string }) =>
    a.date.localeCompare(b.date) || a.title.localeCompare(b.title);
  await expect(page.getByRole('table', { name: 'Follow-up sequence' }).locator('tbody tr')).toHaveCount(4);
  expect((await sequenceRows(page)).sort(byDateThenTitle)).toEqual(expectedAfter.sort(byDateThenTitle));
  await expect(page.getByRole('region', { name: /Debrief/ })).toContainText('No outcome reached');
  // Debriefed, the meeting no longer asks for its plan.
  await expect(page.getByRole('region', { name: 'Readiness' })).toHaveCount(0);
  await expect(page.getByText('Not ready yet')).toHaveCount(0);

  await host.restart();
  await page.goto(`${host.url}#/meetings/${meetingId}`);
  expect((await sequenceRows(page)).sort(byDateThenTitle)).toEqual(expectedAfter);
  await expect(page.getByRole('button', { name: 'Lock Kick off the proof of concept' })).toHaveAttribute('aria-pressed', 'true');

  // Their commitment shows on the deal's page.
  await page.getByRole('link', { name: /Fleet tracking rollout/ }).click();
  await expect(page.getByRole('list', { name: 'Open commitments' })).toContainText('Share the fleet size per depot');
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('No outcome reached');
  await page.screenshot({ path: test.info().outputPath('plan-deal.png'), fullPage: true });
});

test('templates: built-ins are read-only, a duplicate can be edited, reordered and deleted', async ({ page, host }) => {
  await page.goto(`${host.url}#/templates`);
  const list = page.getByRole('list', { name: 'Templates' });
  await expect(list.getByRole('listitem', { name: 'Guided decision' })).toContainText('Built-in');
  await expect(page.getByRole('button', { name: 'Edit Guided decision' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete Guided decision' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('plan-templates.png'), fullPage: true });

  await page.getByRole('button', { name: 'Duplicate Immediate follow-up' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Immediate follow-up (copy)' });
  await expect(dialog.getByRole('group', { name: 'Step 1' }).getByLabel('Title')).toHaveValue('Send the recap and agreed next steps');
  await dialog.getByLabel('Template name').fill('Fast pilot follow-up');
  await dialog.getByRole('button', { name: 'Move step 3 up' }).press('Enter');
  await expect(dialog.getByRole('group', { name: 'Step 2' }).getByLabel('Title')).toHaveValue('Walk through a first estimate of the business case');
  await dialog.getByRole('group', { name: 'Step 3' }).getByLabel('Value for them').fill('Touching base');
  await expect(dialog.getByRole('group', { name: 'Step 3' }).getByRole('note', { name: 'Value warning' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('plan-template-edit.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog).toBeHidden();

  const mine = list.getByRole('listitem', { name: 'Fast pilot follow-up' });
  await expect(mine).not.toContainText('Built-in');
  await expect(mine.locator('.plan-steps li').nth(1)).toContainText('Walk through a first estimate');
  await page.reload();
  await expect(mine.locator('.plan-steps li').nth(2)).toContainText('Touching base');
  await page.getByRole('button', { name: 'Delete Fast pilot follow-up' }).click();
  await page.getByRole('dialog', { name: 'Delete template' }).getByRole('button', { name: 'Delete template' }).click();
  await expect(mine).toHaveCount(0);
  await expect(list.locator(':scope > li')).toHaveCount(3);
});
