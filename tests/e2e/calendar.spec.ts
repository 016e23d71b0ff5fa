// The calendar with the real browser host and store: real mouse drags (down, move in steps, up) on events
// found by their text and on day cells found by data-date. The data is seeded through the bridge API in a
// fixed future month (June 2027), which the test opens with #/calendar/2027-06-01.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './host';

const MONTH = '#/calendar/2027-06-01';

/** Calls a channel through the page's bridge (the per-run token is in the page). */
async function invoke<T = unknown>(page: Page, channel: string, payload: unknown): Promise<T> {
  type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
  // The tests are type-checked without the DOM library: reach the page's document through globalThis.
  type PageGlobal = { document: { querySelector(selector: string): { content: string } | null } };
  const result: Envelope = await page.evaluate(
    async ({ channel, payload }) => {
      const token = (globalThis as unknown as PageGlobal).document.querySelector('meta[name="touchplan-bridge-token"]')?.content ?? '';
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Touchplan-Token': token },
        body: JSON.stringify({ channel, payload }),
      });
      return (await response.json()) as Envelope;
    },
    { channel, payload },
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

interface Seeded {
  meetingId: string;
  ids: Record<string, string>;
}

/**
 * Northwind Logistics, one deal, the meeting "Discovery with Northwind" on Monday 7 June 2027 14:00–15:00 UTC
 * and its all-day follow-ups: Recap (Tue 8), Deliver (Wed 9), Custom demo (Thu 10, locked), Reference (Fri 11,
 * done), Business case (Mon 14), Joint content (Tue 15).
 */
async function seed(page: Page): Promise<Seeded> {
  await invoke(page, 'settings.update', {
    patch: { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], autoFirstTouch: false, shiftDefault: 'ask', weekStartsOn: 1 },
  });
  const prospect = await invoke<{ id: string }>(page, 'prospects.create', { company: 'Northwind Logistics' });
  const deal = await invoke<{ id: string }>(page, 'deals.create', { prospectId: prospect.id, title: 'Fleet tracking rollout' });
  const meeting = await invoke<{ id: string }>(page, 'meetings.create', {
    dealId: deal.id,
    title: 'Discovery with Northwind',
    start: '2027-06-07T14:00:00.000Z',
    end: '2027-06-07T15:00:00.000Z',
    callPlan: { idealOutcome: 'Agree on a pilot', callToAction: 'Book the pilot kick-off' },
  });
  const steps = [
    { key: 'recap', action: 'recap', date: '2027-06-08', title: 'Recap and next steps' },
    { key: 'deliver', action: 'deliver', date: '2027-06-09', title: 'Send the ROI model' },
    { key: 'demo', action: 'custom-demo', date: '2027-06-10', title: 'Custom demo on their data', locked: true },
    { key: 'reference', action: 'reference-meeting', date: '2027-06-11', title: 'Reference call' },
    { key: 'business', action: 'business-justification', date: '2027-06-14', title: 'Business case draft' },
    { key: 'content', action: 'joint-content', date: '2027-06-15', title: 'Share the benchmark report' },
  ];
  const ids: Record<string, string> = {};
  for (const step of steps) {
    const touch = await invoke<{ id: string }>(page, 'touches.create', {
      dealId: deal.id,
      meetingId: meeting.id,
      due: { allDay: true, date: step.date },
      channel: 'email',
      action: step.action,
      title: step.title,
      value: `What Northwind gets from “${step.title}”`,
      locked: step.locked ?? false,
    });
    ids[step.key] = touch.id;
  }
  await invoke(page, 'touches.complete', { id: ids.reference });
  return { meetingId: meeting.id, ids };
}

/** Due dates of the seeded touches, by key, as main has them. */
async function dues(page: Page, seeded: Seeded): Promise<Record<string, string>> {
  const events = await invoke<{ id: string; kind: string; start: string }[]>(page, 'calendar.range', {
    from: '2027-05-01T00:00:00.000Z',
    to: '2027-08-01T00:00:00.000Z',
    showDone: true,
  });
  const out: Record<string, string> = {};
  for (const [key, id] of Object.entries(seeded.ids)) out[key] = events.find((e) => e.id === id)?.start.slice(0, 10) ?? 'missing';
  const meeting = events.find((e) => e.id === seeded.meetingId) as { start: string; end: string } | undefined;
  if (meeting) out.meeting = `${meeting.start}/${meeting.end}`;
  return out;
}

const SEEDED_DUES = {
  recap: '2027-06-08',
  deliver: '2027-06-09',
  demo: '2027-06-10',
  reference: '2027-06-11',
  business: '2027-06-14',
  content: '2027-06-15',
  meeting: '2027-06-07T14:00:00.000Z/2027-06-07T15:00:00.000Z',
};

const dayCell = (page: Page, date: string) => page.locator(`[role="cell"][data-date="${date}"]`).first();
const touchEvent = (scope: Page | Locator, text: string) => scope.getByRole('button', { name: new RegExp(text) });

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real mouse drag: move onto the element, press, move in steps to the target, release. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 4, from.y + 4, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.up();
}

/** Drags an event of the month view onto a day cell. */
async function dragToDay(page: Page, event: Locator, date: string): Promise<void> {
  const target = await dayCell(page, date).boundingBox();
  if (!target) throw new Error(`no cell for ${date}`);
  await drag(page, await center(event), { x: target.x + target.width / 2, y: target.y + target.height * 0.75 });
}

/**
 * Leaves the app before the host stops: the browser host's close() waits for open connections, and a live
 * event stream (or an EventSource reconnecting on a kept-alive socket) can keep it waiting.
 */
async function leave(page: Page): Promise<void> {
  await page.goto('about:blank');
}

async function openMonth(page: Page, url: string): Promise<void> {
  await page.goto(`${url}${MONTH}`);
  await expect(page.getByRole('heading', { name: 'June 2027' })).toBeVisible();
}

test('a touch dragged two days later is saved, and is there after a reload and a host restart', async ({ page, host }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.url);
  const seeded = await seed(page);
  await openMonth(page, host.url);
  const content = touchEvent(dayCell(page, '2027-06-15'), 'Joint content · Northwind Logistics');
  await expect(content).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('calendar-month.png') });

  await dragToDay(page, content, '2027-06-17');
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Share the benchmark report”' })).toBeVisible();
  await expect(touchEvent(dayCell(page, '2027-06-17'), 'Joint content · Northwind Logistics')).toBeVisible();
  expect(await dues(page, seeded)).toEqual({ ...SEEDED_DUES, content: '2027-06-17' });

  await page.reload();
  await expect(touchEvent(dayCell(page, '2027-06-17'), 'Joint content · Northwind Logistics')).toBeVisible();
  // Nothing was blocked (the CSP allows FullCalendar's inline style attributes) and nothing failed.
  expect(errors).toEqual([]);
  await leave(page);
  await host.restart();
  await openMonth(page, host.url);
  await expect(touchEvent(dayCell(page, '2027-06-17'), 'Joint content · Northwind Logistics')).toBeVisible();
  await expect(touchEvent(dayCell(page, '2027-06-15'), 'Joint content')).toHaveCount(0);
  await leave(page);
});

test('"Move this and the later ones" shifts the later planned, unlocked touches; Undo restores them all', async ({ page, host }) => {
  await page.goto(host.url);
  const seeded = await seed(page);
  await openMonth(page, host.url);

  // Wednesday 9 -> Friday 11: two business days later.
  await dragToDay(page, touchEvent(dayCell(page, '2027-06-09'), 'Deliver · Northwind Logistics'), '2027-06-11');
  const dialog = page.getByRole('dialog', { name: 'Move the later touches too?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('2 later planned touches');
  await page.screenshot({ path: test.info().outputPath('calendar-shift-dialog.png') });
  await dialog.getByRole('button', { name: 'Move this and the later ones (keeping their spacing)' }).click();
  await expect(dialog).toBeHidden();

  const toast = page.getByRole('status').filter({ hasText: 'Moved “Send the ROI model” and 2 later touches.' });
  await expect(toast).toBeVisible();
  await expect(touchEvent(dayCell(page, '2027-06-16'), 'Business case · Northwind Logistics')).toBeVisible();
  await expect(touchEvent(dayCell(page, '2027-06-17'), 'Joint content · Northwind Logistics')).toBeVisible();
  expect(await dues(page, seeded)).toEqual({
    ...SEEDED_DUES,
    deliver: '2027-06-11',
    business: '2027-06-16', // Mon 14 + 2 business days
    content: '2027-06-17', // Tue 15 + 2 business days
    // recap (earlier), the locked demo and the done reference stay
  });

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Move undone: 3 items restored.' })).toBeVisible();
  await expect(touchEvent(dayCell(page, '2027-06-09'), 'Deliver · Northwind Logistics')).toBeVisible();
  expect(await dues(page, seeded)).toEqual(SEEDED_DUES);
  await page.reload();
  await expect(touchEvent(dayCell(page, '2027-06-14'), 'Business case · Northwind Logistics')).toBeVisible();
  await expect(touchEvent(dayCell(page, '2027-06-09'), 'Deliver · Northwind Logistics')).toBeVisible();
  expect(await dues(page, seeded)).toEqual(SEEDED_DUES);
  await leave(page);
});

test('dragging a meeting moves its follow-ups; resizing it changes only its end; Ctrl+Z undoes', async ({ page, host }) => {
  await page.goto(host.url);
  const seeded = await seed(page);
  await page.goto(`${host.url}#/calendar/2027-06-07`);
  await page.getByRole('tab', { name: 'Week view' }).click();
  await expect(page.locator('[role="columnheader"][data-date="2027-06-07"]')).toBeVisible();
  const meeting = page.getByRole('button', { name: /Discovery with Northwind/ });
  await expect(meeting).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('calendar-week.png') });

  // Monday 7 -> Wednesday 9, same time: the lanes are the tall cells of the time grid.
  const lane = async (date: string) => {
    const boxes = await page.locator(`[role="cell"][data-date="${date}"]`).evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, width: r.width, height: r.height })),
    );
    return boxes.sort((a, b) => b.height - a.height)[0]!;
  };
  const from = await center(meeting);
  const monday = await lane('2027-06-07');
  const wednesday = await lane('2027-06-09');
  await drag(page, from, { x: from.x + (wednesday.x - monday.x), y: from.y });

  const dialog = page.getByRole('dialog', { name: 'Move this meeting?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'Move its planned follow-ups too' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Move meeting' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Discovery with Northwind” and 4 follow-ups.' })).toBeVisible();
  const moved = {
    ...SEEDED_DUES,
    meeting: '2027-06-09T14:00:00.000Z/2027-06-09T15:00:00.000Z',
    recap: '2027-06-10',
    deliver: '2027-06-11',
    business: '2027-06-16',
    content: '2027-06-17',
  };
  expect(await dues(page, seeded)).toEqual(moved);

  // Resize: drag the bottom edge one hour down.
  const resized = page.getByRole('button', { name: /Discovery with Northwind/ });
  await resized.hover();
  const box = (await resized.boundingBox())!;
  const hourHeight = (await lane('2027-06-09')).height / 24;
  await drag(page, { x: box.x + box.width / 2, y: box.y + box.height - 2 }, { x: box.x + box.width / 2, y: box.y + box.height - 2 + hourHeight });
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Discovery with Northwind”.' })).toBeVisible();
  expect(await dues(page, seeded)).toEqual({ ...moved, meeting: '2027-06-09T14:00:00.000Z/2027-06-09T16:00:00.000Z' });

  // Ctrl+Z undoes the resize, then the move with its follow-ups.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Move undone: 1 item restored.' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Move undone: 5 items restored.' })).toBeVisible();
  await page.reload();
  expect(await dues(page, seeded)).toEqual(SEEDED_DUES);
  await leave(page);
});

test('a drop on a non-working day warns, and Cancel leaves everything unchanged', async ({ page, host }) => {
  await page.goto(host.url);
  const seeded = await seed(page);
  await openMonth(page, host.url);

  // Monday 14 -> Saturday 12.
  await dragToDay(page, touchEvent(dayCell(page, '2027-06-14'), 'Business case · Northwind Logistics'), '2027-06-12');
  const dialog = page.getByRole('dialog', { name: 'Move this touch anyway?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText('Saturday 12 June 2027 is not a working day.');
  await page.screenshot({ path: test.info().outputPath('calendar-warning.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(touchEvent(dayCell(page, '2027-06-14'), 'Business case · Northwind Logistics')).toBeVisible();
  await expect(touchEvent(dayCell(page, '2027-06-12'), 'Business case')).toHaveCount(0);
  expect(await dues(page, seeded)).toEqual(SEEDED_DUES);
  await page.reload();
  await expect(touchEvent(dayCell(page, '2027-06-14'), 'Business case · Northwind Logistics')).toBeVisible();
  expect(await dues(page, seeded)).toEqual(SEEDED_DUES);
  await leave(page);
});

test('the side panel shows a touch and moves it with the date picker', async ({ page, host }) => {
  await page.goto(host.url);
  const seeded = await seed(page);
  await openMonth(page, host.url);
  await touchEvent(dayCell(page, '2027-06-08'), 'Recap · Northwind Logistics').click();
  const panel = page.getByRole('complementary', { name: 'Touch details' });
  await expect(panel.getByRole('heading', { name: 'Recap and next steps' })).toBeVisible();
  await expect(panel).toContainText('Fleet tracking rollout');
  await page.screenshot({ path: test.info().outputPath('calendar-panel.png') });
  const move = panel.getByRole('form', { name: 'Move touch' });
  await move.getByLabel('New date').fill('2027-06-18');
  await move.getByRole('button', { name: 'Move' }).click();
  // Later touches follow: the rep is asked.
  await page.getByRole('dialog', { name: 'Move the later touches too?' }).getByRole('button', { name: 'Move this one' }).click();
  await expect(touchEvent(dayCell(page, '2027-06-18'), 'Recap · Northwind Logistics')).toBeVisible();
  expect(await dues(page, seeded)).toEqual({ ...SEEDED_DUES, recap: '2027-06-18' });
  await leave(page);
});

test('the side panel moves a meeting with the date picker, its follow-ups with it', async ({ page, host }) => {
  await page.goto(host.url);
  const seeded = await seed(page);
  await openMonth(page, host.url);
  await page.getByRole('button', { name: /Discovery with Northwind/ }).click();
  const panel = page.getByRole('complementary', { name: 'Meeting details' });
  const move = panel.getByRole('form', { name: 'Move meeting' });
  await expect(move.getByLabel('Starts')).toHaveValue('14:00');
  await move.getByLabel('New date').fill('2027-06-08');
  await move.getByLabel('Starts').fill('10:00');
  await move.getByLabel('Ends').fill('11:30');
  await move.getByRole('button', { name: 'Move meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move this meeting?' });
  await expect(dialog.getByRole('checkbox', { name: 'Move its planned follow-ups too' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Move meeting' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Discovery with Northwind” and 4 follow-ups.' })).toBeVisible();
  // One business day later: the planned, unlocked follow-ups follow; the locked demo and the done reference stay.
  expect(await dues(page, seeded)).toEqual({
    ...SEEDED_DUES,
    meeting: '2027-06-08T10:00:00.000Z/2027-06-08T11:30:00.000Z',
    recap: '2027-06-09',
    deliver: '2027-06-10',
    business: '2027-06-15',
    content: '2027-06-16',
  });
  await leave(page);
});

test('selecting a time range opens "New meeting", which creates the meeting for a deal', async ({ page, host }) => {
  await page.goto(host.url);
  await seed(page);
  await page.goto(`${host.url}#/calendar/2027-06-07`);
  await page.getByRole('tab', { name: 'Week view' }).click();
  await expect(page.getByRole('button', { name: /Discovery with Northwind/ })).toBeVisible();
  // Thursday 10 June, 10:00 to 11:00: press, move down in steps, release.
  const boxes = await page.locator('[role="cell"][data-date="2027-06-10"]').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
  );
  const lane = boxes.sort((a, b) => b.height - a.height)[0]!;
  const hour = lane.height / 24;
  await drag(page, { x: lane.x + lane.width / 2, y: lane.y + hour * 10 + 3 }, { x: lane.x + lane.width / 2, y: lane.y + hour * 11 - 3 });
  const dialog = page.getByRole('dialog', { name: 'New meeting' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Date')).toHaveValue('2027-06-10');
  await expect(dialog.getByLabel('Starts')).toHaveValue('10:00');
  await expect(dialog.getByLabel('Ends')).toHaveValue('11:00');
  await dialog.getByLabel('Deal').selectOption({ label: 'Northwind Logistics: Fleet tracking rollout' });
  await dialog.getByLabel('Meeting title').fill('Pilot scoping');
  await dialog.getByRole('button', { name: 'Create meeting' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /Pilot scoping/ })).toBeVisible();
  const events = await invoke<{ kind: string; title: string; start: string; end: string }[]>(page, 'calendar.range', {
    from: '2027-06-10T00:00:00.000Z',
    to: '2027-06-11T00:00:00.000Z',
    showDone: true,
  });
  expect(events.find((e) => e.title === 'Pilot scoping')).toMatchObject({
    kind: 'meeting',
    start: '2027-06-10T10:00:00.000Z',
    end: '2027-06-10T11:00:00.000Z',
  });
  await leave(page);
});
