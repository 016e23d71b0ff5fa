// Store figures at the size of a ten-year career (DESIGN.md, "Scale"): file size, open time (next to a one-year
// career: opening must not grow with history), the first load of all history, and the time to make one changed
// touch durable, each next to the same work done with plain fs so the ratios stay meaningful on any machine.
import { open, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDataset, TEN_YEAR_CAREER, type DatasetSize } from '../../src/main/core/demo/generateDataset';
import type { Clock } from '../../src/main/core/ports';
import { durableReplace } from '../../src/main/core/store/durableWrite';
import { nodeFs } from '../../src/main/core/store/fsLayer';
import { shardOfFileName } from '../../src/main/core/store/shards';
import { Store } from '../../src/main/core/store/store';
import { todayData } from '../../src/main/core/services/todayData';
import { builtInTemplates } from '../../src/shared/domain/builtInTemplates';
import { todayView } from '../../src/shared/domain/today';
import { settingsSchema, type Touch } from '../../src/shared/schema';
import { median, percentile, timed, type BenchContext } from './context';
import { putDataset } from '../../src/main/core/demo/putDataset';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const SEED = 42;
const LOAD_RUNS = 11;
const WRITE_RUNS = 200; // p95 of 200 alternated runs: steadier than of 50 on a noisy disk
const SINGLE_FILE_RUNS = 10;
const SMALL: DatasetSize = { prospects: 50, meetings: 170, touches: 1_000, years: 1 };
const ONE_YEAR_CAREER: DatasetSize = { prospects: 300, meetings: 1_000, touches: 6_000, years: 1 };

const clock: Clock = { now: () => NOW, setTimeout: () => null, clearTimeout: () => undefined };
const openStore = (dataDir: string) =>
  Store.open({ dataDir, clock, initial: () => ({ settings: settingsSchema.parse({}), templates: builtInTemplates() }) });

async function populate(dataDir: string, size: DatasetSize): Promise<void> {
  const data = generateDataset(size, NOW, SEED);
  const store = await openStore(dataDir);
  await putDataset(store, data);
  await store.close();
}

async function dataFiles(dataDir: string): Promise<string[]> {
  return (await readdir(dataDir)).filter((name) => shardOfFileName(name)).map((name) => join(dataDir, name));
}

/** One durable replace of `path` with plain fs: write + fsync + rename + fsync of the folder. */
async function plainWrite(path: string, bytes: Buffer): Promise<void> {
  const temp = `${path}.plain.tmp`;
  const handle = await open(temp, 'w');
  await handle.writeFile(bytes);
  await handle.sync();
  await handle.close();
  await rename(temp, path);
  const folder = await open(join(path, '..'), 'r');
  await folder.sync();
  await folder.close();
}

/**
 * p95 of making one changed planned touch durable through the store, and p95 of the same bytes written
 * with plain fs. The two alternate run by run, so a busy machine weighs on both alike.
 */
async function writeFigures(dataDir: string): Promise<{ p95: number; plain: number }> {
  const store = await openStore(dataDir);
  await store.flushed();
  const touch = [...store.state.touches.values()].find((t) => t.status === 'planned') as Touch;
  const active = join(dataDir, 'touchplan.touches-active.json');
  const storeTimes: number[] = [];
  const plainTimes: number[] = [];
  for (let run = 0; run < WRITE_RUNS; run++) {
    const changed = { ...touch, title: `Recap and next steps (${run})`, updatedAt: new Date(NOW + run).toISOString() };
    storeTimes.push(await timed(() => store.transact((tx) => tx.put('touches', changed))));
    const bytes = await readFile(active);
    plainTimes.push(await timed(() => plainWrite(`${active}.copy`, bytes)));
  }
  await store.close();
  return { p95: percentile(storeTimes, 95), plain: percentile(plainTimes, 95) };
}

/** Median time from opening the folder until Today's data is ready (the store then closes, untimed). */
async function openFigure(dataDir: string): Promise<number> {
  const opens: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run++) {
    let store: Store | null = null;
    opens.push(await timed(async () => {
      const opened = await openStore(dataDir);
      todayView(todayData(opened, NOW, { activeDeals: true }), NOW, opened.state.settings);
      store = opened;
    }));
    await (store as Store | null)?.close();
  }
  return median(opens);
}

/** Median time of the first load of every history file (what a ten-year calendar or an export waits for once). */
async function historyFigure(dataDir: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run++) {
    const store = await openStore(dataDir);
    await store.flushed();
    times.push(await timed(() => store.history.loadAll()));
    await store.close();
  }
  return median(times);
}

export async function run(ctx: BenchContext): Promise<Record<string, number>> {
  const oneYearDir = join(ctx.tempDir, 'one-year');
  ctx.log('generating the one-year dataset');
  await populate(oneYearDir, ONE_YEAR_CAREER);

  const dataDir = join(ctx.tempDir, 'career');
  ctx.log('generating the ten-year dataset');
  await populate(dataDir, TEN_YEAR_CAREER);
  const files = await dataFiles(dataDir);
  let fileBytes = 0;
  for (const file of files) fileBytes += (await stat(file)).size;

  ctx.log('measuring open');
  const plainReads: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run++) {
    plainReads.push(await timed(async () => {
      for (const file of files) JSON.parse(await readFile(file, 'utf8'));
    }));
  }
  const oneYearOpen = await openFigure(oneYearDir);
  const openMs = await openFigure(dataDir);
  const historyMs = await historyFigure(dataDir);

  ctx.log('measuring writes');
  const full = await writeFigures(dataDir);
  const smallDir = join(ctx.tempDir, 'small');
  await populate(smallDir, SMALL);
  const small = await writeFigures(smallDir);

  ctx.log('measuring the single-file alternative');
  const store = await openStore(dataDir);
  await store.history.loadAll(); // the single file would hold everything
  const wholeFile = join(ctx.tempDir, 'single', 'touchplan.json');
  await nodeFs.mkdir(join(ctx.tempDir, 'single'), { recursive: true });
  const single: number[] = [];
  for (let run = 0; run < SINGLE_FILE_RUNS; run++) {
    single.push(await timed(async () => {
      const { state } = store;
      const json = JSON.stringify({
        schemaVersion: 1,
        settings: state.settings,
        prospects: [...state.prospects.values()],
        deals: [...state.deals.values()],
        meetings: [...state.meetings.values()],
        touches: [...state.touches.values()],
        templates: [...state.templates.values()],
        notifiedKeys: [...state.notifiedKeys],
      });
      await durableReplace(nodeFs, wholeFile, json);
    }));
  }
  await store.close();

  return {
    'store.fileBytes': fileBytes,
    'store.open.ms.oneYear': oneYearOpen,
    'store.open.ms': openMs,
    'store.open.ratio': openMs / oneYearOpen,
    'store.open.vsPlainReadAll': openMs / median(plainReads),
    'store.history.loadAll.ms': historyMs,
    'store.write.p95.ms': full.p95,
    'store.write.ratio': full.p95 / full.plain,
    'store.write.p95.ms.small': small.p95,
    'store.write.ratio.small': small.p95 / small.plain,
    'store.write.p95.ms.singleFile': percentile(single, 95),
  };
}
