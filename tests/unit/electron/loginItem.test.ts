import { beforeEach, describe, expect, it, vi } from 'vitest';
import { followLoginItemSetting } from '../../../src/main/electron/loginItem';
import { app, resetFakeElectron } from './fakeElectron';
import { fakeCore } from './fakeCore';

vi.mock('electron', () => import('./fakeElectron'));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  resetFakeElectron();
  app.isPackaged = true;
});

describe('login item', () => {
  it('follows settings.openAtLogin at start', async () => {
    followLoginItemSetting(fakeCore({ closeToTray: true, openAtLogin: true }));
    await flush();
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
  });

  it('applies again when the settings change, not for other data', async () => {
    const core = fakeCore({ closeToTray: true, openAtLogin: false });
    followLoginItemSetting(core);
    await flush();
    core.settings.openAtLogin = true;
    core.emit('data.changed', { collections: ['touches'] });
    await flush();
    expect(app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: false }]]);
    core.emit('data.changed', { collections: ['settings'] });
    await flush();
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true });
  });

  it('leaves the login item alone when settings cannot be read', async () => {
    const core = fakeCore();
    core.dispatch.mockResolvedValue({ ok: false, error: { code: 'store-failed', message: 'x' } });
    followLoginItemSetting(core);
    await flush();
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('never registers the bare Electron binary of a dev run', async () => {
    app.isPackaged = false;
    const core = fakeCore({ closeToTray: true, openAtLogin: true });
    followLoginItemSetting(core);
    await flush();
    expect(core.dispatch).not.toHaveBeenCalled();
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('unsubscribes', () => {
    const core = fakeCore();
    const stop = followLoginItemSetting(core);
    expect(core.listenerCount()).toBe(1);
    stop();
    expect(core.listenerCount()).toBe(0);
  });
});
