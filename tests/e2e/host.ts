// Starts the real browser host (real core, real store on a temp data folder) as a child process, the way a
// developer runs it: `npm run browser -- --data-dir DIR`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';

export interface RunningHost {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'touchplan-e2e-'));
}

export async function startHost(dataDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningHost> {
  let child: ChildProcess;
  let url = '';
  const launch = () =>
    new Promise<void>((resolveStart, reject) => {
      child = spawn(process.execPath, ['--import', 'tsx', resolve('scripts/browser-host.ts'), '--data-dir', dataDir, ...extraArgs], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...env },
      });
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Touchplan browser host: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match) {
          url = match[1] as string;
          resolveStart();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`The browser host exited (${code}) before it started:\n${output}`)));
    });
  const stop = () =>
    new Promise<void>((resolveStop) => {
      if (!child || child.exitCode !== null) return resolveStop();
      child.once('exit', () => resolveStop());
      child.kill('SIGTERM');
    });
  await launch();
  return {
    get url() {
      return url;
    },
    dataDir,
    stop,
    async restart() {
      await stop();
      await launch();
    },
  };
}

/** A test with a fresh data folder and a running host. */
export const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies; this one has none
  host: async ({}, use) => {
    const host = await startHost(tempDataDir());
    await use(host);
    await host.stop();
  },
});
export { expect } from '@playwright/test';
