// Versions and migrations: an older file is backed up first, migrated and rewritten; a newer one is refused
// and its bytes are kept unchanged.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import type { Migrations } from '../../../src/main/core/store/migrations';
import { FakeClock, iso, openStore, removeTempFolders, T0, tempFolder } from './helpers';

afterAll(removeTempFolders);

const FILE = 'touchplan.prospects.json';
const V0 = JSON.stringify({
  // version 0 (no schemaVersion): prospects had a "name" instead of a "company"
  shard: 'prospects',
  records: [{ id: '0b7c8e2a-1d3f-4a5b-9c6d-7e8f9a0b1c2d', createdAt: iso(T0), updatedAt: iso(T0), name: 'Legacy Co', website: '', notes: '', contacts: [], archived: false }],
});
const migrations: Migrations = {
  0: (file) => ({
    ...file,
    schemaVersion: 1,
    records: (file.records as Record<string, unknown>[]).map(({ name, ...rest }) => ({ ...rest, company: name })),
  }),
};

/** A data folder as an earlier version left it: data files without a manifest. */
async function folderWith(text: string): Promise<string> {
  const dir = await tempFolder();
  await writeFile(join(dir, FILE), text);
  return dir;
}

test('an older file is backed up first, then migrated and rewritten', async () => {
  const dir = await folderWith(V0);
  const store = await openStore(dir, { migrations, clock: new FakeClock(T0 + 1_000) });
  await store.flushed();
  expect([...store.state.prospects.values()].map((p) => p.company)).toEqual(['Legacy Co']);
  expect(store.notices).toEqual([]);
  const backups = await store.listBackups();
  const before = backups.find((b) => b.label === 'before-migration');
  expect(before).toBeDefined();
  expect(await readFile(join(dir, 'backups', before?.name as string, FILE), 'utf8')).toBe(V0); // the old bytes
  expect(JSON.parse(await readFile(join(dir, FILE), 'utf8'))).toMatchObject({ schemaVersion: 1, records: [{ company: 'Legacy Co' }] });
  await store.close();
});

test('a file from a newer version is refused, moved aside byte-identical, never migrated', async () => {
  const future = V0.replace('{"shard"', '{"schemaVersion":2,"shard"');
  const dir = await folderWith(future);
  const spy = vi.fn(migrations[0]);
  const store = await openStore(dir, { migrations: { 0: spy } });
  expect(spy).not.toHaveBeenCalled();
  expect(store.state.prospects.size).toBe(0);
  expect(store.notices[0]?.message).toMatch(/written by a newer version of Touchplan \(data version 2; this version reads up to 1\)/);
  const aside = (await readdir(dir)).find((name) => name.includes('corrupt')) as string;
  expect(await readFile(join(dir, aside), 'utf8')).toBe(future);
  await store.close();
});

test('a version with no migration is refused without changing it', async () => {
  const dir = await folderWith(V0);
  const store = await openStore(dir, { migrations: {} });
  expect(store.notices[0]?.message).toMatch(/there is no migration from data version 0/);
  const aside = (await readdir(dir)).find((name) => name.includes('corrupt')) as string;
  expect(await readFile(join(dir, aside), 'utf8')).toBe(V0);
  await store.close();
});
