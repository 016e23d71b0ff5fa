// A real CalDAV server for the sync tests: Debian's radicale on 127.0.0.1, a free port, htpasswd with plain
// passwords and a throwaway storage folder. Stopped by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RADICALE = process.env.RADICALE_PATH ?? '/usr/bin/radicale';

export interface Radicale {
  url: string;
  port: number;
  dir: string;
  /** Basic auth header of a user, for direct requests ("the phone"). */
  auth(user?: string): Record<string, string>;
  stop(): Promise<void>;
  /** Starts it again on the same port and storage (the server "comes back"). */
  start(): Promise<void>;
  close(): Promise<void>;
}

export const USERS: Record<string, string> = { alice: 'alice-app-password', bob: 'bob-app-password' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRadicale(): Promise<Radicale> {
  const dir = await mkdtemp(join(tmpdir(), 'touchplan-radicale-'));
  const port = await freePort();
  await writeFile(join(dir, 'users'), Object.entries(USERS).map(([u, p]) => `${u}:${p}`).join('\n') + '\n');
  await writeFile(
    join(dir, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      'delay = 0',
      '[rights]',
      'type = owner_only',
      '[storage]',
      `filesystem_folder = ${join(dir, 'collections')}`,
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | null = null;
  let log = '';

  const start = async () => {
    const proc = spawn(RADICALE, ['--config', join(dir, 'config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    proc.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4_000)));
    // Ready when it answers; it takes well under a second, the bound only stops a broken install hanging the run.
    for (let attempt = 0; attempt < 200; attempt++) {
      if (proc.exitCode !== null) throw new Error(`radicale exited (${proc.exitCode}): ${log}`);
      try {
        await fetch(url, { method: 'OPTIONS' });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error(`radicale did not answer on ${url}: ${log}`);
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.pid === undefined) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    process.kill(proc.pid, 'SIGTERM');
    await exited;
  };
  await start();
  return {
    url,
    port,
    dir,
    auth: (user = 'alice') => ({ authorization: `Basic ${Buffer.from(`${user}:${USERS[user]}`).toString('base64')}` }),
    start,
    stop,
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
