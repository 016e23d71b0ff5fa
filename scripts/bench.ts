// `npm run bench`: runs every section of scripts/bench/, prints `name value` lines and writes all figures to
// bench-results.json as { "name": number }. Add a section: write scripts/bench/<name>.ts exporting
// `run(ctx)`, then add one line to SECTIONS below. `npm run bench -- store` runs only the named sections.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchSection } from './bench/context';

const SECTIONS: Record<string, () => Promise<{ run: BenchSection }>> = {
  store: () => import('./bench/store'),
  calendar: () => import('./bench/calendar'),
  plan: () => import('./bench/plan'),
  today: () => import('./bench/today'),
  interop: () => import('./bench/interop'),
  sync: () => import('./bench/sync'),
  renderer: () => import('./bench/renderer'),
};

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const results: Record<string, number> = {};
  const root = await mkdtemp(join(tmpdir(), 'touchplan-bench-'));
  try {
    for (const [name, load] of Object.entries(SECTIONS)) {
      if (only.length > 0 && !only.includes(name)) continue;
      const ctx: BenchContext = { tempDir: await mkdtemp(join(root, `${name}-`)), log: (line) => console.error(`[${name}] ${line}`) };
      const { run } = await load();
      for (const [key, value] of Object.entries(await run(ctx))) {
        results[key] = value;
        console.log(`${key} ${Number.isInteger(value) ? value : value.toFixed(3)}`);
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  await writeFile('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
}

await main();
