import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE } from '../../../src/shared/api';
import { type ShellContext, runApp } from '../../../src/main/electron/lifecycle';
import { destroyTray } from '../../../src/main/electron/tray';
import { app, BrowserWindow, dialog, fakeState, ipcMain, Menu, powerMonitor, protocol, resetFakeElectron, session, Tray } from './fakeElectron';
import { type FakeCore, fakeCore } from './fakeCore';

vi.mock('electron', () => import('./fakeElectron'));

let dir: string;
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'touchplan-life-'));
  fakeState.userData = dir;
});
afterEach(() => {
  destroyTray();
  rmSync(dir, { recursive: true, force: true });
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function start(core: FakeCore = fakeCore()) {
  let context: ShellContext | undefined;
  const running = runApp((ctx) => {
    context = ctx;
    return core;
  });
  expect(running).not.toBeNull();
  await running!.ready;
  return { core, context: context!, running: running! };
}

const emitApp = (event: string, ...args: unknown[]) => {
  for (const handler of app.handlers(event)) handler(...args);
};

describe('single instance', () => {
  it('quits at once when another instance holds the lock', () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    const buildCore = vi.fn(() => fakeCore());
    expect(runApp(buildCore)).toBeNull();
    expect(app.quit).toHaveBeenCalled();
    expect(buildCore).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it('brings the existing window forward when a second instance starts', async () => {
    await start();
    const window = BrowserWindow.instances[0]!;
    window.minimized = true;
    emitApp('second-instance', {}, ['touchplan'], dir);
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(1);
  });
});

describe('start-up', () => {
  it('builds core with the user data folder, version and the Electron adapters', async () => {
    const { context } = await start();
    expect(context.userDataDir).toBe(dir);
    expect(context.version).toBe('1.2.3');
    expect(typeof context.notifier.show).toBe('function');
    expect(typeof context.tray.render).toBe('function');
    expect(context.secrets.persistent).toBe(true);
  });

  it('hardens the session, binds IPC and opens the window', async () => {
    await start();
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(ipcMain.handlers.has(IPC_INVOKE)).toBe(true);
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('registers app:// as privileged before ready, serves it after, and sets the application menu', async () => {
    let readyCalled = false;
    app.whenReady.mockImplementation(() => {
      readyCalled = true;
      expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
      expect(protocol.handle).not.toHaveBeenCalled();
      return Promise.resolve();
    });
    await start();
    expect(readyCalled).toBe(true);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });

  it('hands core the desktop adapters: badge, dialogs, printer, appearance and secrets', async () => {
    const { context } = await start();
    context.badge.showOverdueCount(2);
    expect(app.setBadgeCount).toHaveBeenCalledWith(2);
    expect(typeof context.fileDialogs.chooseFileToSave).toBe('function');
    expect(typeof context.printer.toPdf).toBe('function');
    expect(context.appearance.current()).toEqual({ colorScheme: 'light', locale: 'en-GB' });
  });

  it('renders the tray through the adapter it handed to core', async () => {
    const { context } = await start();
    context.tray.render({ tooltip: 'Touchplan', hasOverdue: false, items: [] });
    expect(Tray.instances).toHaveLength(1);
    expect(Tray.instances[0]?.image).toEqual({ path: join('/app', 'resources', 'tray.png') });
  });

  it('shows the reason and quits when core cannot start', async () => {
    const running = runApp(() => {
      throw new Error('The data folder is in use by another Touchplan process (pid 42).');
    });
    await expect(running!.ready).resolves.toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Touchplan cannot start',
      'The data folder is in use by another Touchplan process (pid 42).',
    );
    expect(app.quit).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.has(IPC_INVOKE)).toBe(false);
  });

  it('also handles a core factory that rejects', async () => {
    const running = runApp(() => Promise.reject(new Error('locked')));
    await expect(running!.ready).resolves.toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Touchplan cannot start', 'locked');
  });
});

describe('running', () => {
  it('tells core when the OS resumes', async () => {
    const { core } = await start();
    powerMonitor.emit('resume');
    expect(core.resume).toHaveBeenCalledTimes(1);
  });

  it('reopens the window on activate', async () => {
    await start();
    BrowserWindow.instances[0]!.close();
    emitApp('activate');
    expect(BrowserWindow.instances).toHaveLength(2);
  });

  it('stays in the tray when the window closes and closeToTray is on', async () => {
    const { core } = await start(fakeCore({ closeToTray: true, openAtLogin: false }));
    BrowserWindow.instances[0]!.close();
    emitApp('window-all-closed');
    await flush();
    expect(core.dispatch).toHaveBeenCalledWith('settings.get', {});
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('quits when the window closes and closeToTray is off', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'linux' });
    try {
      await start(fakeCore({ closeToTray: false, openAtLogin: false }));
      emitApp('window-all-closed');
      await flush();
      expect(app.quit).toHaveBeenCalled();
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('closes core before quitting, once', async () => {
    const { core } = await start();
    const event = { preventDefault: vi.fn() };
    emitApp('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledTimes(1);
    await flush();
    expect(app.quit).toHaveBeenCalledTimes(1);
    const second = { preventDefault: vi.fn() };
    emitApp('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it('still quits when closing core fails', async () => {
    const core = fakeCore();
    core.close.mockRejectedValueOnce(new Error('flush failed'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await start(core);
    emitApp('before-quit', { preventDefault: vi.fn() });
    await flush();
    expect(app.quit).toHaveBeenCalled();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('tray menu commands reach core', async () => {
    const { core, context } = await start();
    context.tray.render({
      tooltip: 'Touchplan',
      hasOverdue: false,
      items: [{ kind: 'command', label: 'Done', command: { type: 'touch.done', touchId: 't1' } }],
    });
    const tray = Tray.instances[0]!;
    const menu = tray.setContextMenu.mock.calls[0]?.[0] as { template: { click: () => void }[] };
    menu.template[0]?.click();
    expect(core.runTrayCommand).toHaveBeenCalledWith({ type: 'touch.done', touchId: 't1' });
  });
});
