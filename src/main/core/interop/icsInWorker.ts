// Runs parseIcs in a worker thread with a memory cap (resourceLimits), a time budget and the parser's
// occurrence caps. The main thread only waits, so it keeps answering whatever the file holds.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IcsError, type IcsParseOptions, type IcsParseResult } from './icsParse';
import type { IcsWorkerReply } from './icsWorker';

export interface IcsWorkerLimits {
  /** Old-generation heap of the worker, in MB. */
  memoryMb: number;
  /** Time budget for reading the file, in ms; the worker is stopped a little after it if it does not stop itself. */
  timeMs: number;
}

export const DEFAULT_WORKER_LIMITS: IcsWorkerLimits = { memoryMb: 384, timeMs: 20_000 };
/** Past the budget the worker checks its clock only every so many steps; this is how long it is given to notice. */
const GRACE_MS = 2_000;

/**
 * The worker's module. In the electron-vite build it is its own entry next to the bundle (electron.vite.config.ts).
 * From source (Vitest, tsx) it is TypeScript: a small module registers tsx's loader in the worker, then imports
 * it (a worker does not inherit the loader, and --import in its execArgv is not honoured on Node 20).
 */
function workerEntry(): URL {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return pathToFileURL(join(dirname(here), 'icsWorker.js'));
  // The ESM build of tsx's API ("tsx/esm/api" under the import condition, which require.resolve cannot pick).
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const source = pathToFileURL(join(dirname(here), 'icsWorker.ts')).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(source)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** A worker kept after a file that read well: the next file skips its start-up and finds its code compiled. */
let idle: { worker: Worker; memoryMb: number; timer: NodeJS.Timeout } | null = null;
const IDLE_MS = 60_000;

function takeWorker(memoryMb: number): Worker {
  const kept = idle;
  idle = null;
  if (kept) {
    clearTimeout(kept.timer);
    if (kept.memoryMb === memoryMb) {
      kept.worker.ref();
      return kept.worker;
    }
    void kept.worker.terminate();
  }
  return new Worker(workerEntry(), {
    // Not the parent's flags: under tsx they would load its loader a second time.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
  });
}

function keepWorker(worker: Worker, memoryMb: number): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  // Idle, it must not keep the process alive; it ends after a while unused.
  worker.unref();
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle = { worker, memoryMb, timer };
}

export function parseIcsInWorker(
  text: string,
  options: IcsParseOptions,
  limits: IcsWorkerLimits = DEFAULT_WORKER_LIMITS,
): Promise<IcsParseResult> {
  const seconds = Math.round(limits.timeMs / 1000);
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = takeWorker(limits.memoryMb);
    // A worker that failed in any way is never reused: it may be out of memory or still looping.
    const finish = (outcome: () => void, reusable = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reusable) keepWorker(worker, limits.memoryMb);
      else void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new IcsError(`Reading this calendar file took longer than ${seconds} seconds, so Touchplan stopped. The file may be too large or damaged. Nothing was imported.`)),
        ),
      limits.timeMs + GRACE_MS,
    );
    const onMessage = (reply: IcsWorkerReply) => {
      if (reply.ok) finish(() => resolve(reply.result), true);
      else finish(() => reject(reply.plain ? new IcsError(reply.message) : new Error(reply.message)));
    };
    const onError = (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new IcsError(`This calendar file needs more memory than Touchplan gives one import (${limits.memoryMb} MB): it is too large, or it repeats events without end. Nothing was imported.`)
            : error,
        ),
      );
    const onExit = (code: number) => finish(() => reject(new Error(`The calendar reader stopped unexpectedly (exit code ${code}).`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ text, options: { ...options, deadlineMs: Date.now() + limits.timeMs } });
  });
}
