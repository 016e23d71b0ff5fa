// Renderer figures in Chromium against the browser host with the ten-year dataset:
//   renderer.initialJs.gzipKB  the JavaScript the page loads to show Today (every .js file requested until Today
//                              has painted, gzipped from the built files), budget 150
//   today.firstPaint.ms        from navigation to Today painted with its data (median of fresh pages), budget 250
// Needs the built renderer (npm run build).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { settingsSchema } from '../../src/shared/schema';
import playwrightConfig, { CHROMIUM_PATH } from '../../playwright.config';
import { populate, startHost } from './calendar';
import { median, type BenchContext } from './context';

const RUNS = 10;

/** What the page code below uses of the browser (the scripts are type-checked without the DOM library). */
interface PageGlobals {
  __todayPaintedAt?: number;
}

export async function run(ctx: BenchContext): Promise<Record<string, number>> {
  const rendererDir = resolve(process.env.TOUCHPLAN_RENDERER_DIR ?? 'out/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    ctx.log(`skipped: no built renderer in ${rendererDir} (npm run build first)`);
    return {};
  }
  const dataDir = join(ctx.tempDir, 'career');
  ctx.log('generating and saving the ten-year dataset…');
  await populate(dataDir, settingsSchema.parse({ timeZone: 'Europe/Berlin' }));
  const { url, child } = await startHost(dataDir, rendererDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: playwrightConfig.use?.launchOptions?.args ?? [] });
  try {
    const times: number[] = [];
    let scripts = new Set<string>();
    for (let i = 0; i < RUNS; i++) {
      // A fresh context each time: nothing cached, as on the first start after an update.
      const context = await browser.newContext({ viewport: { width: 1366, height: 850 } });
      const page = await context.newPage();
      const requested = new Set<string>();
      page.on('request', (request) => {
        if (request.resourceType() === 'script') requested.add(new URL(request.url()).pathname);
      });
      // Before any script of the page: note the first frame in which Today shows its figures (its data has come).
      // (A string: tsx's keepNames helper, which wraps named functions, does not exist in the page.)
      await page.addInitScript({
        content: `new MutationObserver((_, observer) => {
          if (!document.querySelector('.today-stats, .today-alldone')) return;
          observer.disconnect();
          requestAnimationFrame(() => (window.__todayPaintedAt = performance.now()));
        }).observe(document, { childList: true, subtree: true });`,
      });
      await page.goto(url);
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__todayPaintedAt !== undefined, undefined, { timeout: 60_000 });
      times.push(await page.evaluate(() => (globalThis as unknown as PageGlobals).__todayPaintedAt as number));
      scripts = requested;
      await context.close();
    }
    let bytes = 0;
    for (const path of scripts) bytes += gzipSync(readFileSync(join(rendererDir, decodeURIComponent(path)))).length;
    ctx.log(`Today loaded ${scripts.size} scripts; first paint per run: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    return { 'renderer.initialJs.gzipKB': Math.round((bytes / 1024) * 10) / 10, 'today.firstPaint.ms': median(times) };
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
