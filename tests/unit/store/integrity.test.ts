// A missing, older or foreign data file is never a silent loss: the manifest names every file with its
// generation, size and hash; on open a file that does not match is moved aside (never overwritten), the newest
// consistent backup takes its place and a notice says so. A commit record naming a foreign or half-written file
// is not rolled forward. Dangling references are repaired or quarantined. A failed backup is said, never kept.
import { createHash } from 'node:crypto';
import { copyFile, cp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { nodeFs, type FsLayer } from '../../../src/main/core/store/fsLayer';
import { FakeClock, openStore, prospect, removeTempFolders, tempFolder, touch } from './helpers';

afterAll(removeTempFolders);

const PROSPECTS = 'touchplan.prospects.json';
const TOUCHES = 'touchplan.touches-active.json';
const MANIFEST = 'touchplan.manifest.json';
const MINUTE = 60_000;

const companies = (store: Awaited<ReturnType<typeof openStore>>) => [...store.state.prospects.values()].map((p) => p.company).sort();
const readJson = async (dir: string, name: string) => JSON.parse(await readFile(join(dir, name), 'utf8')) as Record<string, unknown>;

/**
 * A folder in three states: Kept Co with a planned touch (state 1), then Later Co (state 2), each followed by a
 * start-up backup. Returns the prospects file as state 1 left it (an older copy).
 */
async function folderInThreeStates(clock: FakeClock): Promise<{ dir: string; olderProspects: Buffer; touchId: string }> {
  const dir = await tempFolder();
  const kept = prospect('Kept Co');
  const planned = touch({ prospectId: kept.id, title: 'Send the recap' });
  let store = await openStore(dir, { clock });
  await store.transact((tx) => {
    tx.put('prospects', kept);
    tx.put('touches', planned);
  });
  await store.close();
  const olderProspects = await readFile(join(dir, PROSPECTS));
  clock.advance(MINUTE);
  store = await openStore(dir, { clock });
  await store.transact((tx) => tx.put('prospects', prospect('Later Co')));
  await store.close();
  clock.advance(MINUTE);
  store = await openStore(dir, { clock }); // its start-up backup holds Kept Co, Later Co and the touch
  await store.close();
  clock.advance(MINUTE);
  return { dir, olderProspects, touchId: planned.id };
}

const movedAside = async (dir: string) => (await readdir(dir)).filter((name) => name.includes('corrupt'));

test('a missing data file is restored from the newest backup, and the notice says so', async () => {
  const clock = new FakeClock();
  const { dir, touchId } = await folderInThreeStates(clock);
  await unlink(join(dir, TOUCHES));
  const store = await openStore(dir, { clock });
  expect(store.state.touches.get(touchId)?.title).toBe('Send the recap');
  expect(store.notices).toEqual([
    expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^touchplan\.touches-active\.json was missing from the data folder\. Touchplan restored it from the backup of 2026-11-22T10:02:00\.000Z/) }),
  ]);
  await store.close();
  // Rewritten under the current manifest: the next start is quiet.
  const again = await openStore(dir, { clock });
  expect(again.notices).toEqual([]);
  expect(again.state.touches.has(touchId)).toBe(true);
  await again.close();
});

test('an older copy of one file among newer ones is moved aside, and the backup is restored', async () => {
  const clock = new FakeClock();
  const { dir, olderProspects } = await folderInThreeStates(clock);
  await writeFile(join(dir, PROSPECTS), olderProspects);
  const store = await openStore(dir, { clock });
  expect(companies(store)).toEqual(['Kept Co', 'Later Co']);
  expect(store.notices).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/touchplan\.prospects\.json could not be read: it is an older copy \(written by change \d+; the folder's manifest expects change \d+\)\. It was moved aside to .*touchplan\.prospects\.corrupt-.*\.json\. Touchplan restored it/) })]);
  const [aside] = await movedAside(dir);
  expect(await readFile(join(dir, aside as string))).toEqual(olderProspects); // kept byte for byte
  await store.close();
});

test('a file of another state of the folder, or from another folder, is not loaded', async () => {
  const clock = new FakeClock();
  const { dir } = await folderInThreeStates(clock);
  const snapshotDir = await tempFolder();
  await cp(dir, snapshotDir, { recursive: true, filter: (source) => !source.endsWith('touchplan.lock') });
  // A later state's prospects file copied into the earlier folder: a newer generation than its manifest names.
  const store = await openStore(dir, { clock });
  await store.transact((tx) => tx.put('prospects', prospect('Newest Co')));
  await store.close();
  await copyFile(join(dir, PROSPECTS), join(snapshotDir, PROSPECTS));
  const mixed = await openStore(snapshotDir, { clock });
  expect(companies(mixed)).toEqual(['Kept Co', 'Later Co']);
  expect(mixed.notices[0]?.message).toMatch(/it is from another state of the folder \(change \d+, where the folder's manifest expects change \d+\)/);
  await mixed.close();

  // A prospects file from a different data folder altogether.
  const other = await tempFolder();
  const stranger = await openStore(other, { clock });
  await stranger.transact((tx) => tx.put('prospects', prospect('Stranger Co')));
  await stranger.close();
  await rm(join(other, MANIFEST));
  const fresh = await folderInThreeStates(clock);
  const foreign = await readFile(join(other, PROSPECTS), 'utf8');
  const generation = (await readJson(fresh.dir, MANIFEST)).generation as number;
  // Same generation as the manifest expects, other content: only the hash tells it apart.
  await writeFile(join(fresh.dir, PROSPECTS), foreign.replace(/"generation":\d+/, `"generation":${generation}`));
  const opened = await openStore(fresh.dir, { clock });
  expect(companies(opened)).toEqual(['Kept Co', 'Later Co']);
  expect(opened.notices[0]?.message).toMatch(/its content is not what Touchplan last wrote to it/);
  await opened.close();
});

test('a data file the manifest does not name is moved aside unread', async () => {
  const clock = new FakeClock();
  const { dir } = await folderInThreeStates(clock);
  const stray = await readFile(join(dir, PROSPECTS), 'utf8');
  await writeFile(join(dir, 'touchplan.deals.json'), stray.replace('"shard":"prospects"', '"shard":"deals"'));
  const store = await openStore(dir, { clock });
  expect(store.state.deals.size).toBe(0);
  expect(store.notices[0]?.message).toMatch(/touchplan\.deals\.json was not written by Touchplan in this data folder \(its manifest does not name it\), so it was not loaded\. It was moved aside to/);
  await store.close();
});

test('a commit record naming a file that is not the store’s own is not rolled forward', async () => {
  const clock = new FakeClock();
  const { dir } = await folderInThreeStates(clock);
  const outside = join(dir, 'notes.txt');
  await writeFile(outside, 'the rep’s own notes');
  const manifest = await readJson(dir, MANIFEST);
  manifest.pending = { renames: [['notes.txt', PROSPECTS], ['../../etc/passwd', 'touchplan.json']], removals: [] };
  await writeFile(join(dir, MANIFEST), JSON.stringify(manifest));
  const store = await openStore(dir, { clock });
  expect(companies(store)).toEqual(['Kept Co', 'Later Co']);
  expect(await readFile(outside, 'utf8')).toBe('the rep’s own notes'); // never renamed over a data file
  expect(store.notices.map((n) => n.message)).toEqual([
    expect.stringMatching(/^touchplan\.prospects\.json: the last change named a file that is not Touchplan's \(notes\.txt\), so it was not used\.$/),
    expect.stringMatching(/^touchplan\.json: the last change named a file that is not Touchplan's/),
  ]);
  await store.close();
});

test('a commit record naming a half-written temp file never lets it replace the data file', async () => {
  const clock = new FakeClock();
  const { dir } = await folderInThreeStates(clock);
  // The commit of "Renamed Co" reached its commit point, but the disk kept only half of the new prospects file.
  const current = await readFile(join(dir, PROSPECTS), 'utf8');
  const manifest = await readJson(dir, MANIFEST);
  const generation = (manifest.generation as number) + 1;
  const next = current.replace('Later Co', 'Renamed Co').replace(/"generation":\d+/, `"generation":${generation}`);
  const temp = '.touchplan.prospects.json.0123456789ab.tmp';
  await writeFile(join(dir, temp), next.slice(0, Math.floor(next.length / 2)));
  const files = manifest.files as Record<string, unknown>;
  files[PROSPECTS] = { generation, size: Buffer.byteLength(next), sha256: createHash('sha256').update(next).digest('hex') };
  manifest.generation = generation;
  manifest.pending = { renames: [[temp, PROSPECTS]], removals: [] };
  await writeFile(join(dir, MANIFEST), JSON.stringify(manifest));

  const store = await openStore(dir, { clock });
  expect(companies(store)).toEqual(['Kept Co', 'Later Co']); // the backup, not half a file
  expect(store.notices.map((n) => n.message)).toEqual([
    'touchplan.prospects.json: the last change was cut short while it was written, so its half-written copy was not used.',
    expect.stringMatching(/^touchplan\.prospects\.json could not be read: it is an older copy .* Touchplan restored it from the backup/),
  ]);
  await store.flushed(); // the restored file is rewritten under the current manifest in the background
  expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  await store.close();
});

test('dangling references are repaired, or quarantined with a notice, and nothing is lost', async () => {
  const clock = new FakeClock();
  const dir = await tempFolder();
  const kept = prospect('Kept Co');
  const orphanDeal = { id: '3f9a8b7c-6d5e-4f3a-8b2c-1d0e9f8a7b6c', createdAt: kept.createdAt, updatedAt: kept.updatedAt, prospectId: 'f0e1d2c3-b4a5-4678-9abc-def012345678', title: 'Orphan deal', value: 0, stage: 'discovery' as const, expectedClose: null, archived: false };
  const lostDealTouch = touch({ prospectId: kept.id, dealId: '0a0b0c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', title: 'Lost deal touch' });
  const lostProspectTouch = touch({ title: 'Lost prospect touch' });
  let store = await openStore(dir, { clock });
  await store.transact((tx) => {
    tx.put('prospects', kept);
    tx.put('touches', lostDealTouch);
    tx.put('touches', lostProspectTouch);
  });
  const dealsFile = JSON.stringify({ schemaVersion: 1, shard: 'deals', records: [orphanDeal] });
  await store.close();
  // The deal file written by hand, then adopted as if an earlier version had left it (no manifest).
  await writeFile(join(dir, 'touchplan.deals.json'), dealsFile);
  await rm(join(dir, MANIFEST));
  store = await openStore(dir, { clock });
  expect(store.state.deals.size).toBe(0);
  expect(store.state.touches.get(lostDealTouch.id)?.dealId).toBeNull();
  expect(store.state.touches.has(lostProspectTouch.id)).toBe(false);
  const notice = store.notices.find((n) => n.message.includes('pointed at records that are missing'));
  expect(notice?.message).toMatch(/^3 records pointed at records that are missing \(for example, the deal “Orphan deal” named a prospect that is gone\): 1 was repaired by removing the missing link; 2 could not stand without it and were set aside in .*touchplan\.quarantine-.*\.json\.$/);
  const quarantine = (await readdir(dir)).find((name) => name.startsWith('touchplan.quarantine-')) as string;
  const setAside = (await readJson(dir, quarantine)).records as { collection: string; record: { id: string } }[];
  expect(setAside.map((entry) => entry.record.id).sort()).toEqual([orphanDeal.id, lostProspectTouch.id].sort());
  await store.close();
  const again = await openStore(dir, { clock });
  expect(again.notices).toEqual([]); // repaired for good
  await again.close();
});

/** Real files, but every write under backups/ fails with ENOSPC, as on a full disk. */
function fullDiskForBackups(): FsLayer {
  const full = (path: string) => path.includes('/backups/');
  const fail = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
  return {
    ...nodeFs,
    open: (path, flags) => (full(path) && flags !== 'r' ? fail() : nodeFs.open(path, flags)),
    copyFile: (from, to) => (full(to) ? fail() : nodeFs.copyFile(from, to)),
  };
}

test('a backup on a full disk is reported in plain words, not kept, and its folder removed', async () => {
  const clock = new FakeClock();
  const dir = await tempFolder();
  await (await openStore(dir, { clock })).close(); // one good backup
  clock.advance(MINUTE);
  const store = await openStore(dir, { clock, fs: fullDiskForBackups() });
  await store.flushed();
  // The start-up backup failed: not silent.
  expect(store.notices).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/^The start-up backup failed\. .*disk is full/) })]);
  await expect(store.backupNow()).rejects.toThrow(/disk is full/);
  const backups = await store.listBackups();
  expect(backups).toHaveLength(1); // only the good one
  expect(await readdir(join(dir, 'backups'))).toEqual([backups[0]?.name]);
  // The data itself is still saved.
  await store.transact((tx) => tx.put('prospects', prospect('Saved Co')));
  await store.close();
  const reopened = await openStore(dir, { clock });
  expect(companies(reopened)).toEqual(['Saved Co']);
  await reopened.close();
});
