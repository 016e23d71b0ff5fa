// Backups: one at start, one a day while running (fake clock), 14 kept; restore validates first, backs up
// the current state, replaces the data, and the store's memory shows the restored data at once.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createDispatch } from '../../../src/main/core/api/dispatch';
import { createHandlers } from '../../../src/main/core/api/handlers';
import { createServices } from '../../../src/main/core/services';
import { createServiceContext } from '../../../src/main/core/services/context';
import { BACKUPS_KEPT } from '../../../src/main/core/store/backups';
import { FakeClock, openStore, prospect, removeTempFolders, snapshot, tempFolder, touch } from './helpers';

afterAll(removeTempFolders);
const HOUR = 3_600_000;
const companies = (store: Awaited<ReturnType<typeof openStore>>) => [...store.state.prospects.values()].map((p) => p.company).sort();

test('a backup at start, one a day while running, 14 kept', async () => {
  const clock = new FakeClock();
  const dir = await tempFolder();
  const store = await openStore(dir, { clock });
  await store.flushed();
  expect(await store.listBackups()).toEqual([expect.objectContaining({ complete: true, label: '', files: ['touchplan.json'] })]);
  clock.advance(23 * HOUR);
  await store.flushed();
  expect(await store.listBackups()).toHaveLength(1);
  clock.advance(2 * HOUR);
  await store.flushed();
  expect(await store.listBackups()).toHaveLength(2);
  for (let day = 0; day < 20; day++) {
    clock.advance(24 * HOUR);
    await store.flushed();
  }
  const backups = await store.listBackups();
  expect(backups).toHaveLength(BACKUPS_KEPT);
  expect((backups[0]?.takenAt as string) > (backups.at(-1)?.takenAt as string)).toBe(true); // newest first
  await store.close();
});

test('restore validates, backs up the current state, replaces the data and reloads memory', async () => {
  const clock = new FakeClock();
  const dir = await tempFolder();
  const store = await openStore(dir, { clock });
  const kept = prospect('Kept Co');
  const planned = touch({ prospectId: kept.id });
  await store.transact((tx) => {
    tx.put('prospects', kept);
    tx.put('touches', planned);
  });
  clock.advance(1_000);
  const saved = await store.backupNow();
  clock.advance(1_000);
  await store.transact((tx) => {
    tx.put('prospects', prospect('Later Co'));
    tx.put('touches', { ...planned, status: 'done', completedAt: '2026-11-22T10:00:00.000Z', due: { allDay: true, date: '2025-03-03' } });
  });
  const expected = { ...snapshot(store) };
  const changes: string[][] = [];
  store.onCommitted((changed) => changes.push([...changed]));

  await store.restoreBackup(saved.name);
  expect(companies(store)).toEqual(['Kept Co']);
  expect(store.state.touches.get(planned.id)?.status).toBe('planned');
  expect(changes.at(-1)).toEqual(expect.arrayContaining(['prospects', 'touches', 'settings']));
  const backups = await store.listBackups();
  const before = backups.find((b) => b.label === 'before-restore');
  expect(before?.complete).toBe(true);
  const memory = snapshot(store);
  // The store keeps working on the restored data, and disk matches memory.
  await store.transact((tx) => tx.put('prospects', prospect('After Restore Co')));
  const afterMemory = snapshot(store);
  await store.close();
  const reopened = await openStore(dir, { clock });
  expect(snapshot(reopened)).toEqual(afterMemory);
  expect(memory).not.toEqual(expected);
  // The before-restore backup holds what was replaced.
  await reopened.restoreBackup(before?.name as string);
  expect(companies(reopened)).toEqual(['Kept Co', 'Later Co']);
  expect(reopened.state.touches.get(planned.id)?.status).toBe('done');
  await reopened.close();
});

test('a backup that fails validation is not restored and nothing changes', async () => {
  const clock = new FakeClock();
  const dir = await tempFolder();
  const store = await openStore(dir, { clock });
  await store.transact((tx) => tx.put('prospects', prospect('Kept Co')));
  clock.advance(1_000);
  const saved = await store.backupNow();
  await writeFile(join(dir, 'backups', saved.name, 'touchplan.prospects.json'), '{"schemaVersion":1,"shard":"prospects","records":[{}]}');
  const files = await readFile(join(dir, 'touchplan.prospects.json'));
  await expect(store.restoreBackup(saved.name)).rejects.toThrow(/cannot be restored: touchplan\.prospects\.json its content has the wrong shape.*Nothing was changed/);
  expect(await readFile(join(dir, 'touchplan.prospects.json'))).toEqual(files);
  expect(companies(store)).toEqual(['Kept Co']);
  expect((await store.listBackups()).some((b) => b.label === 'before-restore')).toBe(false);
  await store.close();
});

test('the store.backups channels list, create and restore', async () => {
  const clock = new FakeClock();
  const dir = await tempFolder();
  const store = await openStore(dir, { clock });
  const dispatch = createDispatch(createHandlers(createServices(createServiceContext(store, clock)), { host: 'browser', version: 'test' }));
  await store.transact((tx) => tx.put('prospects', prospect('Kept Co')));
  clock.advance(1_000);
  const created = await dispatch('store.backups.create', {});
  expect(created).toMatchObject({ ok: true, value: { label: '', complete: true, files: ['touchplan.json', 'touchplan.prospects.json'] } });
  await store.transact((tx) => tx.put('prospects', prospect('Later Co')));
  const listed = await dispatch('store.backups.list', {});
  expect(listed).toMatchObject({ ok: true, value: { dataDir: dir, backups: [{ name: (created as { value: { name: string } }).value.name }, {}] } });
  expect(await dispatch('store.backups.restore', { name: (created as { value: { name: string } }).value.name })).toEqual({ ok: true, value: null });
  expect(companies(store)).toEqual(['Kept Co']);
  expect(await dispatch('store.backups.restore', { name: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  await store.close();
});
