// The native dialogs' answers reach a real core: the mocked dialog module picks files, core reads and writes them.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../src/main/core';
import { createFileDialogs } from '../../../src/main/electron/fileDialogs';
import { dialog, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let dir: string;
let core: Core;
beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'touchplan-dialogs-'));
  core = await createCore({ dataDir: join(dir, 'data'), host: 'electron', version: 'test', fileDialogs: createFileDialogs(() => null) });
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('native dialogs through a real core', () => {
  it('saves the backup where the save dialog says, and reads back the file the open dialog picks', async () => {
    const path = join(dir, 'my-backup.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const saved = await core.dispatch('desktop.exportBackup', {});
    expect(saved).toMatchObject({ ok: true, value: { path, fileName: 'my-backup.json' } });
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: 'touchplan-backup' });

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    const opened = await core.dispatch('desktop.openFile', { purpose: 'backup.restore' });
    expect(opened).toMatchObject({ ok: true, value: { name: 'my-backup.json', encoding: 'text' } });
    expect(dialog.showOpenDialog.mock.calls.at(-1)?.[0]).toMatchObject({ title: 'Restore a Touchplan backup', properties: ['openFile'] });
  });

  it('a cancelled dialog answers null and writes nothing', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await core.dispatch('desktop.exportIcs', {})).toEqual({ ok: true, value: null });
    expect(await readdir(dir)).toEqual(['data']);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await core.dispatch('desktop.openFile', { purpose: 'ics.import' })).toEqual({ ok: true, value: null });
  });
});
