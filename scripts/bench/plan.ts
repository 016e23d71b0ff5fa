// Planning figures on the ten-year dataset (3,000 prospects, 10,000 meetings, 60,000 touches), on a real
// Store in a temp folder, through the planning services:
// - plan.applyTemplate.ms: apply the six-step Guided decision template to a meeting and make the six touches
//   durable (sequences.apply), median of 20 runs on 20 different meetings (p95 alongside);
// - deals.list.ms: the Deals screen's query (deals.overview: every active deal with its next touch, drift
//   and next meeting's readiness, one pass over the touches), median of 20 runs (p95 alongside);
// - plan.applyTemplate.core.ms: the same apply through a whole core's dispatch (median), which also pays for
//   whatever reacts to every commit (the reminder scheduler's rescan).
import { join } from 'node:path';
import { createCore } from '../../src/main/core';
import { generateDataset, TEN_YEAR_CAREER } from '../../src/main/core/demo/generateDataset';
import type { Clock } from '../../src/main/core/ports';
import { createServiceContext } from '../../src/main/core/services/context';
import { createServices } from '../../src/main/core/services';
import { Store } from '../../src/main/core/store/store';
import { BUILT_IN_TEMPLATE_IDS, builtInTemplates } from '../../src/shared/domain/builtInTemplates';
import { settingsSchema } from '../../src/shared/schema';
import { median, percentile, timed, type BenchContext } from './context';
import { putDataset } from '../../src/main/core/demo/putDataset';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const SEED = 42;
const RUNS = 20;
const WARMUP = 3;
const GUIDED = BUILT_IN_TEMPLATE_IDS.guidedDecision;

const clock: Clock = { now: () => NOW, setTimeout: () => null, clearTimeout: () => undefined };
const openStore = (dataDir: string) =>
  Store.open({
    dataDir,
    clock,
    initial: () => ({ settings: settingsSchema.parse({ timeZone: 'Europe/Berlin' }), templates: builtInTemplates() }),
  });

export async function run(ctx: BenchContext): Promise<Record<string, number>> {
  const dataDir = join(ctx.tempDir, 'career');
  ctx.log('generating the ten-year dataset');
  const data = generateDataset(TEN_YEAR_CAREER, NOW, SEED);
  let store = await openStore(dataDir);
  await putDataset(store, data);
  await store.close();

  // A fresh open, and the start-up backup out of the way, as in the running app after a minute.
  store = await openStore(dataDir);
  await store.flushed();
  const services = createServices(createServiceContext(store, clock));
  const figures: Record<string, number> = {};
  let targets: string[];
  try {
    ctx.log('measuring deals.overview');
    const rows = services.dealOverview.overview({ includeClosed: false });
    for (let i = 0; i < WARMUP; i++) services.dealOverview.overview({ includeClosed: false });
    const overview: number[] = [];
    for (let i = 0; i < RUNS; i++) overview.push(await timed(async () => services.dealOverview.overview({ includeClosed: false })));
    ctx.log(`${rows.length} active deals, ${rows.filter((r) => r.drift).length} drifting`);

    ctx.log('measuring sequences.apply');
    const future = services.meetings.list({ from: new Date(NOW).toISOString() }).filter((m) => m.dealId !== null);
    if (future.length < 2 * (RUNS + WARMUP)) throw new Error(`only ${future.length} future meetings with a deal in the dataset`);
    targets = future.map((m) => m.id);
    const apply: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const ms = await timed(() => services.sequences.apply({ meetingId: targets[i] as string, templateId: GUIDED, from: 'meeting', replace: false }));
      if (i >= WARMUP) apply.push(ms);
    }
    Object.assign(figures, {
      'plan.applyTemplate.ms': median(apply),
      'plan.applyTemplate.p95.ms': percentile(apply, 95),
      'deals.list.ms': median(overview),
      'deals.list.p95.ms': percentile(overview, 95),
      'deals.list.rows': rows.length,
    });
  } finally {
    await store.close();
  }

  ctx.log('measuring sequences.apply through a whole core');
  const core = await createCore({ dataDir, host: 'browser', version: 'bench', clock });
  try {
    const viaCore: number[] = [];
    for (let i = RUNS + WARMUP; i < 2 * (RUNS + WARMUP); i++) {
      const ms = await timed(async () => {
        const result = await core.dispatch('sequences.apply', { meetingId: targets[i], templateId: GUIDED });
        if (!result.ok) throw new Error(result.error.message);
      });
      if (i >= 2 * WARMUP + RUNS) viaCore.push(ms);
    }
    figures['plan.applyTemplate.core.ms'] = median(viaCore);
  } finally {
    await core.close();
  }
  return figures;
}
