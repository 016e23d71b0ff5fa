// Calendar figures at the size of a ten-year career: the events of a visible month (calendar.range), a drop that
// shifts five later touches until it is durable (calendar.moveTouch), and the month view painted in Chromium
// against the browser host (from navigation to the events on screen).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { createCore } from '../../src/main/core';
import { generateDataset, TEN_YEAR_CAREER } from '../../src/main/core/demo/generateDataset';
import type { Clock } from '../../src/main/core/ports';
import { Store } from '../../src/main/core/store/store';
import { builtInTemplates } from '../../src/shared/domain/builtInTemplates';
import { addCalendarDays, dueLocalDate, instantAt, isoWeekday, localDateOf } from '../../src/shared/domain/time';
import { meetingSchema, settingsSchema, touchSchema, type Settings, type TouchDue } from '../../src/shared/schema';
import playwrightConfig, { CHROMIUM_PATH } from '../../playwright.config';
import { median, percentile, timed, type BenchContext } from './context';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const SEED = 42;
const RANGE_RUNS = 50;
const DROP_RUNS = 50;
const RENDER_RUNS = 10;
const TIME_ZONE = 'Europe/Berlin';
const clock: Clock = { now: () => NOW, setTimeout: () => null, clearTimeout: () => undefined };

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const DROP_MEETING = uuid(1);
const dropTouch = (i: number) => uuid(100 + i);

/** The ten-year dataset, plus one meeting with six planned follow-ups on consecutive business days for the drop. */
export async function populate(dataDir: string, settings: Settings): Promise<void> {
  const data = generateDataset(TEN_YEAR_CAREER, NOW, SEED);
  const store = await Store.open({ dataDir, clock, initial: () => ({ settings, templates: builtInTemplates() }) });
  const deal = data.deals[0]!;
  const at = new Date(NOW).toISOString();
  const meeting = meetingSchema.parse({
    id: DROP_MEETING,
    createdAt: at,
    updatedAt: at,
    dealId: deal.id,
    title: 'Bench: discovery',
    start: '2026-12-07T09:00:00.000Z',
    end: '2026-12-07T10:00:00.000Z',
  });
  const dates = ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-14', '2026-12-15'];
  const touches = dates.map((date, i) =>
    touchSchema.parse({
      id: dropTouch(i),
      createdAt: at,
      updatedAt: at,
      prospectId: deal.prospectId,
      dealId: deal.id,
      meetingId: DROP_MEETING,
      due: { allDay: true, date },
      channel: 'email',
      action: 'recap',
      title: `Bench touch ${i + 1}`,
      value: 'A written summary of the agreed next step',
    }),
  );
  await store.transact((tx) => {
    for (const prospect of data.prospects) tx.put('prospects', prospect);
    for (const d of data.deals) tx.put('deals', d);
    for (const m of data.meetings) tx.put('meetings', m);
    for (const t of data.touches) tx.put('touches', t);
    tx.put('meetings', meeting);
    for (const t of touches) tx.put('touches', t);
  });
  await store.close();
}

/** The local month (YYYY-MM) with the most meetings and touches. */
function busiestMonths(meetings: { start: string }[], touches: { due: TouchDue }[], timeZone: string): string[] {
  const counts = new Map<string, number>();
  const add = (date: string) => counts.set(date.slice(0, 7), (counts.get(date.slice(0, 7)) ?? 0) + 1);
  for (const m of meetings) add(localDateOf(m.start, timeZone));
  for (const t of touches) add(dueLocalDate(t.due, timeZone));
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([month]) => month);
}

/** The six weeks a month view shows (weeks start on Monday), as instants in the time zone. */
function monthGrid(month: string, timeZone: string): { from: string; to: string } {
  const first = `${month}-01`;
  const start = addCalendarDays(first, -((isoWeekday(first) + 6) % 7));
  return { from: instantAt(start, '00:00', timeZone), to: instantAt(addCalendarDays(start, 42), '00:00', timeZone) };
}

export async function startHost(dataDir: string, rendererDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('scripts/browser-host.ts'), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TOUCHPLAN_RENDERER_DIR: rendererDir },
  });
  const url = await new Promise<string>((done, fail) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Touchplan browser host: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) done(match[1] as string);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`The browser host exited (${code}):\n${output}`)));
  });
  return { url, child };
}

/** What the page code below uses of the browser (the scripts are type-checked without the DOM library). */
interface PageElement {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): { length: number };
}
interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null };
  location: { hash: string };
  requestAnimationFrame(callback: () => void): number;
}

/** Milliseconds from changing the route to the month until its events are on screen, measured in the page. */
async function renderMonth(dataDir: string, busiest: string, other: string, ctx: BenchContext): Promise<number[] | null> {
  const rendererDir = resolve(process.env.TOUCHPLAN_RENDERER_DIR ?? 'out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    ctx.log(`calendar.render.month.ms skipped: no built renderer in ${rendererDir} (npm run build first)`);
    return null;
  }
  const { url, child } = await startHost(dataDir, rendererDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: playwrightConfig.use?.launchOptions?.args ?? [] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const loaded = (title: string) =>
      page.waitForSelector(`.cal-main[data-loading="false"][data-events-for="${title}"]`, { timeout: 60_000 });
    // The month view's title, as FullCalendar writes it (en-US): "November 2026".
    const titleOf = (month: string) =>
      new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
    const busiestTitle = titleOf(busiest);
    const otherTitle = titleOf(other);
    await page.goto(`${url}#/calendar/${busiest}-01`);
    await loaded(busiestTitle);
    await page.goto(`${url}#/calendar/${other}-01`);
    await loaded(otherTitle);
    const times: number[] = [];
    for (let run = 0; run < RENDER_RUNS; run++) {
      times.push(
        await page.evaluate(
          async ({ hash, title }) => {
            const page = globalThis as unknown as PageGlobals;
            const box = page.document.querySelector('.cal-main')!;
            // (No named functions in here: the bundler's keepNames helper does not exist in the page.)
            const start = performance.now();
            page.location.hash = hash;
            // Loaded for the month, then the events rendered and stable over one frame, then painted.
            let previous = -1;
            for (;;) {
              await new Promise<void>((done) => page.requestAnimationFrame(() => done()));
              const ready = box.getAttribute('data-loading') === 'false' && box.getAttribute('data-events-for') === title;
              const count = box.querySelectorAll('.cal-ev').length;
              if (ready && count > 0 && count === previous) break;
              previous = ready ? count : -1;
            }
            await new Promise<void>((done) => page.requestAnimationFrame(() => done()));
            return performance.now() - start;
          },
          { hash: `#/calendar/${busiest}-01`, title: busiestTitle },
        ),
      );
      await page.evaluate((hash) => ((globalThis as unknown as PageGlobals).location.hash = hash), `#/calendar/${other}-01`);
      await loaded(otherTitle);
    }
    return times;
  } finally {
    await browser.close();
    await new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  }
}

export async function run(ctx: BenchContext): Promise<Record<string, number>> {
  const dataDir = join(ctx.tempDir, 'career');
  const settings = settingsSchema.parse({ timeZone: TIME_ZONE });
  ctx.log('generating and saving the ten-year dataset…');
  await populate(dataDir, settings);

  const core = await createCore({ dataDir, host: 'browser', version: 'bench', clock });
  const results: Record<string, number> = {};
  let months: string[];
  try {
    // Which month is busiest: ask for ten years at once (not timed).
    const all = await core.dispatch('calendar.range', { from: '2015-01-01T00:00:00.000Z', to: '2028-01-01T00:00:00.000Z', showDone: true });
    if (!all.ok) throw new Error(all.error.message);
    const events = all.value as ({ kind: 'meeting'; start: string } | { kind: 'touch'; due: TouchDue })[];
    months = busiestMonths(
      events.filter((e) => e.kind === 'meeting') as { start: string }[],
      events.filter((e) => e.kind === 'touch') as { due: TouchDue }[],
      TIME_ZONE,
    );
    const grid = monthGrid(months[0]!, TIME_ZONE);
    let count = 0;
    const rangeTimes: number[] = [];
    for (let run = 0; run < RANGE_RUNS; run++) {
      rangeTimes.push(
        await timed(async () => {
          const result = await core.dispatch('calendar.range', { ...grid, showDone: true });
          if (!result.ok) throw new Error(result.error.message);
          count = (result.value as unknown[]).length;
        }),
      );
    }
    ctx.log(`busiest month ${months[0]}: ${count} events in its month view; range median ${median(rangeTimes).toFixed(2)} ms`);
    results['calendar.range.ms'] = percentile(rangeTimes, 95);

    // A drop of the first of six touches one business day later and back, shifting the five later ones.
    const dropTimes: number[] = [];
    for (let run = 0; run < DROP_RUNS; run++) {
      const date = run % 2 === 0 ? '2026-12-09' : '2026-12-08';
      dropTimes.push(
        await timed(async () => {
          const result = await core.dispatch('calendar.moveTouch', { touchId: dropTouch(0), due: { allDay: true, date }, mode: 'later' });
          if (!result.ok) throw new Error(result.error.message);
          const changed = (result.value as { changes: unknown[] }).changes.length;
          if (changed !== 6) throw new Error(`expected the drop to move 6 touches, it moved ${changed}`);
        }),
      );
    }
    ctx.log(`drop with five later touches: median ${median(dropTimes).toFixed(2)} ms`);
    results['calendar.drop.persist.ms'] = percentile(dropTimes, 95);
  } finally {
    await core.close();
  }

  const renderTimes = await renderMonth(dataDir, months[0]!, months[1]!, ctx);
  if (renderTimes) {
    ctx.log(`month view of ${months[0]}: median ${median(renderTimes).toFixed(1)} ms, p95 ${percentile(renderTimes, 95).toFixed(1)} ms`);
    results['calendar.render.month.ms'] = median(renderTimes);
  }
  return results;
}
