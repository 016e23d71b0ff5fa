// One writer per data folder: a second store (in this process or another) is refused with a clear message;
// a lock left by a dead process is taken over.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { StoreLockedError } from '../../../src/main/core/store/store';
import { LOCK_FILE } from '../../../src/main/core/store/lock';
import { openStore, removeTempFolders, tempFolder } from './helpers';

afterAll(removeTempFolders);

test('a second store on the same folder is refused with a clear message', async () => {
  const dir = await tempFolder();
  const first = await openStore(dir);
  const second = openStore(dir);
  await expect(second).rejects.toBeInstanceOf(StoreLockedError);
  await expect(second).rejects.toThrow(/already open in another Touchplan process \(pid \d+\)\. Close the other Touchplan/);
  await first.close();
  const third = await openStore(dir); // released on close
  await third.close();
});

test('a lock left by a dead process is taken over', async () => {
  const dir = await tempFolder();
  const dead = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.on('exit', () => resolve(child.pid as number));
  });
  await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), since: '2026-01-01T00:00:00.000Z', nonce: 'old' }));
  const store = await openStore(dir);
  expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
  await store.close();
});

test('another process holding the folder makes open fail, and the other process keeps its lock', async () => {
  const dir = await tempFolder();
  // A real second process takes the lock the same way the store does (link of a whole lock file).
  const holder = spawn(process.execPath, [
    '-e',
    `const fs=require('fs'),os=require('os');const p=${JSON.stringify(join(dir, LOCK_FILE))};` +
      `fs.writeFileSync(p+'.t',JSON.stringify({pid:process.pid,host:os.hostname(),since:new Date().toISOString(),nonce:'other'}));` +
      `fs.linkSync(p+'.t',p);fs.unlinkSync(p+'.t');console.log('locked');setInterval(()=>{},1000);`,
  ]);
  await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
  try {
    await expect(openStore(dir)).rejects.toThrow(new RegExp(`pid ${holder.pid}`));
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ nonce: 'other' });
  } finally {
    holder.kill('SIGKILL');
  }
  await new Promise((resolve) => holder.on('exit', resolve));
  const store = await openStore(dir); // its holder is gone: taken over
  await store.close();
});
