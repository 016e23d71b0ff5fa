// Store figures at the size of a ten-year career (DESIGN.md, "Scale"): file size, open time, and the time to
// make one changed touch durable, each next to the same work done with plain fs so the ratios stay
// meaningful on any machine.
import { open, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDataset, TEN_YEAR_CAREER, type DatasetSize } from '../../src/main/core/demo/generateDataset';
import type { Clock } from '../../src/main/core/ports';
import { durableReplace } from '../../src/main/core/store/durableWrite';
import { nodeFs } from '../../src/main/core/store/fsLayer';
import { shardOfFileName } from '../../src/main/core/store/shards';
import { Store } from '../../src/main/core/store/store';
import { builtInTemplates } from '../../src/shared/domain/builtInTemplates';
import { settingsSchema, type Touch } from '../../src/shared/schema';
import { median, percentile, timed, type BenchContext } from './context';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const SEED = 42;
const LOAD_RUNS = 5;
const WRITE_RUNS = 50;
const SINGLE_FILE_RUNS = 10;
const SMALL: DatasetSize = { prospects: 50, meetings: 170, touches: 1_000, years: 1 };

const clock: Clock = { now: () => NOW, setTimeout: () => null, clearTimeout: () => undefined };
const openStore = (dataDir: string) =>
  Store.open({ dataDir, clock, initial: () => ({ settings: settingsSchema.parse({}), templates: builtInTemplates() }) });

async function populate(dataDir: string, size: DatasetSize): Promise<void> {
  const data = generateDataset(size, NOW, SEED);
  const store = await openStore(dataDir);
  await store.transact((tx) => {
    for (const prospect of data.prospects) tx.put('prospects', prospect);
    for (const deal of data.deals) tx.put('deals', deal);
    for (const meeting of data.meetings) tx.put('meetings', meeting);
    for (const touch of data.touches) tx.put('touches', touch);
  });
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

export async function run(ctx: BenchContext): Promise<Record<string, number>> {
  const dataDir = join(ctx.tempDir, 'career');
  ctx.log('generating the ten-year dataset');
  await populate(dataDir, TEN_YEAR_CAREER);
  const files = await dataFiles(dataDir);
  let fileBytes = 0;
  for (const file of files) fileBytes += (await stat(file)).size;

  ctx.log('measuring load');
  const opens: number[] = [];
  const plainReads: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run++) {
    plainReads.push(await timed(async () => {
      for (const file of files) JSON.parse(await readFile(file, 'utf8'));
    }));
    let store: Store | null = null;
    opens.push(await timed(async () => (store = await openStore(dataDir))));
    await (store as Store | null)?.close();
  }
  const loadMs = median(opens);

  ctx.log('measuring writes');
  const full = await writeFigures(dataDir);
  const smallDir = join(ctx.tempDir, 'small');
  await populate(smallDir, SMALL);
  const small = await writeFigures(smallDir);

  ctx.log('measuring the single-file alternative');
  const store = await openStore(dataDir);
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
    'store.load.ms': loadMs,
    'store.load.ratio': loadMs / median(plainReads),
    'store.write.p95.ms': full.p95,
    'store.write.ratio': full.p95 / full.plain,
    'store.write.p95.ms.small': small.p95,
    'store.write.ratio.small': small.p95 / small.plain,
    'store.write.p95.ms.singleFile': percentile(single, 95),
  };
}
