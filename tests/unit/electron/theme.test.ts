import { beforeEach, describe, expect, it, vi } from 'vitest';
import { followThemeSetting } from '../../../src/main/electron/theme';
import { nativeTheme, resetFakeElectron } from './fakeElectron';
import { fakeCore } from './fakeCore';

vi.mock('electron', () => import('./fakeElectron'));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => resetFakeElectron());

describe('theme', () => {
  it('sets nativeTheme from settings.theme at start and again when the settings change', async () => {
    const core = fakeCore({ closeToTray: true, openAtLogin: false, theme: 'dark' });
    followThemeSetting(core);
    await flush();
    expect(nativeTheme.themeSource).toBe('dark');
    core.settings.theme = 'system';
    core.emit('data.changed', { collections: ['touches'] });
    await flush();
    expect(nativeTheme.themeSource).toBe('dark');
    core.emit('data.changed', { collections: ['settings'] });
    await flush();
    expect(nativeTheme.themeSource).toBe('system');
  });

  it('leaves the OS choice alone when settings cannot be read', async () => {
    const core = fakeCore();
    core.dispatch.mockResolvedValue({ ok: false, error: { code: 'store-failed', message: 'x' } });
    followThemeSetting(core);
    await flush();
    expect(nativeTheme.themeSource).toBe('system');
  });
});
