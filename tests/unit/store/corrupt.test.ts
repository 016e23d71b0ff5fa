// A data file that cannot be read is moved aside with its bytes unchanged, the newest backup copy that
// validates takes its place, and a notice says what happened and where the bad file is.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FakeClock, openStore, prospect, removeTempFolders, tempFolder } from './helpers';

afterAll(removeTempFolders);

const FILE = 'touchplan.prospects.json';
const KINDS: [kind: string, bytes: (good: Buffer) => Buffer, says: RegExp][] = [
  ['empty', () => Buffer.alloc(0), /it is empty/],
  ['NUL-filled', (good) => Buffer.alloc(good.length), /only NUL bytes/],
  ['truncated', (good) => good.subarray(0, Math.floor(good.length / 2)), /not valid JSON, probably cut short/],
  ['invalid JSON', () => Buffer.from('{"schemaVersion": 1, "shard": "prospects", records: [}'), /not valid JSON/],
  ['wrong shape', () => Buffer.from(JSON.stringify({ schemaVersion: 1, shard: 'prospects', records: [{ id: 'x', company: 42 }] })), /wrong shape \(records\.0\.id/],
  ['future schemaVersion', (good) => Buffer.from(good.toString().replace('"schemaVersion":1', '"schemaVersion":99')), /newer version of Touchplan \(data version 99/],
];

/** A folder whose backups hold two states: "Older Co" (first backup) and "Newer Co" (second). */
async function folderWithBackups(clock: FakeClock): Promise<string> {
  const dir = await tempFolder();
  let store = await openStore(dir, { clock });
  await store.transact((tx) => tx.put('prospects', prospect('Older Co')));
  await store.close();
  clock.advance(60_000);
  store = await openStore(dir, { clock }); // start-up backup: Older Co
  await store.flushed();
  await store.transact((tx) => tx.put('prospects', prospect('Newer Co')));
  await store.close();
  clock.advance(60_000);
  store = await openStore(dir, { clock }); // start-up backup: Older Co + Newer Co
  await store.transact((tx) => tx.put('prospects', prospect('Latest Co')));
  await store.close();
  clock.advance(60_000);
  return dir;
}

const companies = (store: Awaited<ReturnType<typeof openStore>>) => [...store.state.prospects.values()].map((p) => p.company).sort();

describe.each(KINDS)('a %s data file', (_kind, damage, says) => {
  test('is quarantined unchanged, the newest good backup is restored, and the notice says so', async () => {
    const clock = new FakeClock();
    const dir = await folderWithBackups(clock);
    const bad = damage(await readFile(join(dir, FILE)));
    await writeFile(join(dir, FILE), bad);

    const store = await openStore(dir, { clock });
    expect(companies(store)).toEqual(['Newer Co', 'Older Co']);
    const names = await readdir(dir);
    const aside = names.find((name) => name.startsWith('touchplan.prospects.corrupt-')) as string;
    expect(aside).toMatch(/^touchplan\.prospects\.corrupt-\d{4}-\d{2}-\d{2}T[\d-]+Z\.json$/);
    expect(await readFile(join(dir, aside))).toEqual(bad); // bytes unchanged
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatchObject({ level: 'warning' });
    expect(store.notices[0]?.message).toMatch(says);
    expect(store.notices[0]?.message).toContain(join(dir, aside));
    expect(store.notices[0]?.message).toMatch(/restored it from the backup of 2026-11-22T10:02:00\.000Z/);
    await store.close();
    // Restored for good: the next open is clean.
    const again = await openStore(dir, { clock });
    expect(again.notices).toEqual([]);
    expect(companies(again)).toEqual(['Newer Co', 'Older Co']);
    await again.close();
  });
});

test('a damaged newest backup next to a damaged file falls back to an older good backup', async () => {
  const clock = new FakeClock();
  const dir = await folderWithBackups(clock);
  await writeFile(join(dir, FILE), '');
  const backups = (await readdir(join(dir, 'backups'))).sort();
  await writeFile(join(dir, 'backups', backups.at(-1) as string, FILE), '{"trunc');
  const store = await openStore(dir, { clock });
  expect(companies(store)).toEqual(['Older Co']);
  expect(store.notices[0]?.message).toMatch(/restored it from the backup of 2026-11-22T10:01:00\.000Z/);
  await store.close();
});

test('with no good backup the file starts empty, and the notice says so', async () => {
  const clock = new FakeClock();
  const dir = await folderWithBackups(clock);
  await writeFile(join(dir, FILE), Buffer.alloc(64));
  for (const backup of await readdir(join(dir, 'backups'))) {
    await writeFile(join(dir, 'backups', backup, FILE), 'not json').catch(() => undefined);
  }
  const store = await openStore(dir, { clock });
  expect(store.state.prospects.size).toBe(0);
  expect(store.notices).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/no backup of it could be read, so Touchplan started without its records/i) })]);
  await store.close();
});

test('two bad files in one run never overwrite an earlier quarantined file', async () => {
  const clock = new FakeClock();
  const dir = await folderWithBackups(clock);
  await writeFile(join(dir, FILE), 'bad 1');
  await (await openStore(dir, { clock })).close();
  await writeFile(join(dir, FILE), 'bad 2'); // same fake instant: same stamp
  const store = await openStore(dir, { clock });
  await store.close();
  const aside = (await readdir(dir)).filter((name) => name.includes('corrupt')).sort();
  expect(aside).toHaveLength(2);
  const contents = await Promise.all(aside.map((name) => readFile(join(dir, name), 'utf8')));
  expect(contents.sort()).toEqual(['bad 1', 'bad 2']);
});
