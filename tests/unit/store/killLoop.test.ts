// Kill loop: a child writes an increasing counter through the store; the parent SIGKILLs it at moments set by
// what the child has said (opened, or its k-th acknowledged write, k random), 200 times: no clock decides. After each kill the folder opens and validates, holds at least the last acknowledged
// value (the counter wraps at 1440, the range of the setting it lives in), and nothing is quarantined.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, expect, test } from 'vitest';
import { openStore, removeTempFolders, tempFolder } from './helpers';

const KILLS = 200;
const LANES = 4;
const TOUCH_ID = '7d3f0c1e-2b4a-4c5d-8e6f-0a1b2c3d4e5f';

afterAll(removeTempFolders);

/**
 * Starts the child and SIGKILLs it at a moment set by what it has said, not by a clock: as soon as it has opened
 * the store (the kill lands in the start-up backup or the first saves), or on its `count`-th acknowledged write
 * (the kill lands wherever the next saves have got to while the parent reads the line).
 */
function runAndKill(script: string, dataDir: string, killAt: 'open' | { acks: number }): Promise<{ opened: number | null; lastAck: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let opened: number | null = null;
    let lastAck: number | null = null;
    let acks = 0;
    let buffered = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, value] = line.split(' ');
        if (kind === 'open') opened = Number(value);
        else if (kind === 'ack') {
          lastAck = Number(value);
          acks += 1;
        }
        if (killAt === 'open' ? kind === 'open' : acks >= killAt.acks) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own (code ${code}): ${stderr}`));
      else resolve({ opened, lastAck });
    });
  });
}

/** How far `later` is ahead of `earlier` on the wrapping counter. */
const ahead = (later: number, earlier: number) => (later - earlier + 1440) % 1440;

interface LaneResult {
  dataDir: string;
  lastAck: number | null;
  acknowledged: number;
  killedWhileOpening: number;
}

/** One folder, killed `kills` times in a row; checks after each kill that the reopen holds the last ack. */
async function lane(script: string, dataDir: string, kills: number): Promise<LaneResult> {
  let lastAck: number | null = null;
  let acknowledged = 0;
  let killedWhileOpening = 0;
  for (let round = 0; round < kills; round++) {
    // Some kills right after opening, most after a few acknowledged writes, some after many.
    const acks = Math.random() < 0.8 ? 1 + Math.floor(Math.random() * 5) : 6 + Math.floor(Math.random() * 40);
    const result = await runAndKill(script, dataDir, Math.random() < 0.3 ? 'open' : { acks });
    if (result.opened === null) {
      killedWhileOpening += 1; // the next round's open checks the folder
      continue;
    }
    if (lastAck !== null) expect(ahead(result.opened, lastAck), `${dataDir} round ${round}: opened ${result.opened} after ack ${lastAck}`).toBeLessThan(720);
    if (result.lastAck !== null) {
      acknowledged += ahead(result.lastAck, result.opened);
      lastAck = result.lastAck;
    } else if (lastAck === null) lastAck = result.opened;
  }
  return { dataDir, lastAck, acknowledged, killedWhileOpening };
}

test(`a store SIGKILLed ${KILLS} times never loses an acknowledged write nor corrupts a file`, async () => {
  const work = await tempFolder();
  const script = join(work, 'killChild.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'killChild.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: script,
    logLevel: 'silent',
  });
  // Node's start-up dominates a round, so a few folders are killed side by side (KILLS in all).
  const lanes = await Promise.all(
    Array.from({ length: LANES }, (_, i) => lane(script, join(work, `data-${i}`), KILLS / LANES)),
  );
  for (const result of lanes) {
    // The final state, checked in this process: valid, nothing quarantined, holds the last acknowledged value.
    const store = await openStore(result.dataDir);
    try {
      await store.history.loadAll();
      expect(store.notices).toEqual([]);
      expect(ahead(store.state.settings.meetingLeadMinutes, result.lastAck as number)).toBeLessThan(720);
      expect(store.state.touches.get(TOUCH_ID)).toBeDefined();
      expect(store.state.touches.size).toBe(1); // moved between files, never duplicated nor lost
    } finally {
      await store.close();
    }
    const names = await readdir(result.dataDir);
    expect(names.filter((name) => name.includes('corrupt'))).toEqual([]);
    expect(result.killedWhileOpening).toBeLessThan(KILLS / LANES / 2);
  }
  // The kills really interrupted a working writer, many times over.
  expect(lanes.reduce((sum, result) => sum + result.acknowledged, 0)).toBeGreaterThan(KILLS);
}, 600_000); // a safety net for a loaded machine, not a figure: speed is measured by npm run bench
