// A fake 'electron' module for the shell's unit tests: `vi.mock('electron', () => import('./fakeElectron'))`.
// Every API the shell touches is a vi.fn or a small EventEmitter; resetFakeElectron() restores defaults.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

class Emitter extends EventEmitter {
  /** The listeners registered for one event, as functions to call from a test. */
  handlers(event: string): ((...args: unknown[]) => unknown)[] {
    return this.listeners(event) as ((...args: unknown[]) => unknown)[];
  }
}

export const fakeState = {
  userData: '/tmp/touchplan-test-userdata',
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] as { workArea: { x: number; y: number; width: number; height: number } }[],
};

class FakeApp extends Emitter {
  isPackaged = false;
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  isReady = vi.fn(() => true);
  whenReady = vi.fn(() => Promise.resolve());
  getPath = vi.fn((_name: string) => fakeState.userData);
  getVersion = vi.fn(() => '1.2.3');
  getLocale = vi.fn(() => 'en-US');
  getAppPath = vi.fn(() => '/app');
  setLoginItemSettings = vi.fn();
  setAppUserModelId = vi.fn();
}
export const app = new FakeApp();

export const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark' };

export class FakeWebContents extends Emitter {
  url = '';
  loading = false;
  send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  getURL = vi.fn(() => this.url);
  isLoading = vi.fn(() => this.loading);
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
}

export class BrowserWindow extends Emitter {
  static instances: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  normalBounds = { x: 10, y: 20, width: 1000, height: 700 };
  loadURL = vi.fn(() => Promise.resolve());
  loadFile = vi.fn(() => Promise.resolve());
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  isMinimized = vi.fn(() => this.minimized);
  isMaximized = vi.fn(() => this.maximized);
  isDestroyed = vi.fn(() => this.destroyed);
  getNormalBounds = vi.fn(() => this.normalBounds);
  constructor(public options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
  /** What closing the window does in Electron: 'close', then destroyed, then 'closed'. */
  close(): void {
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  }
}

export const screen = { getAllDisplays: vi.fn(() => fakeState.displays) };

export const session = {
  defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
};

export const shell = { openExternal: vi.fn(() => Promise.resolve()) };

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, handler: Listener) => {
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

export class Notification extends Emitter {
  static instances: Notification[] = [];
  static isSupported = vi.fn(() => true);
  show = vi.fn();
  constructor(public options: { title: string; body: string }) {
    super();
    Notification.instances.push(this);
  }
}

export class Tray extends Emitter {
  static instances: Tray[] = [];
  destroyed = false;
  setToolTip = vi.fn();
  setImage = vi.fn();
  setContextMenu = vi.fn();
  isDestroyed = vi.fn(() => this.destroyed);
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
  constructor(public image: unknown) {
    super();
    Tray.instances.push(this);
  }
}

export const Menu = { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })) };
export const nativeImage = { createFromPath: vi.fn((path: string) => ({ path })) };
export const dialog = { showErrorBox: vi.fn() };
export const powerMonitor = new Emitter();

export const contextBridge = { exposeInMainWorld: vi.fn() };
class FakeIpcRenderer extends Emitter {
  invoke = vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null }));
}
export const ipcRenderer = new FakeIpcRenderer();

export function resetFakeElectron(): void {
  // mockReset restores each vi.fn to the implementation it was created with.
  vi.resetAllMocks();
  for (const emitter of [app, powerMonitor, ipcRenderer]) emitter.removeAllListeners();
  app.isPackaged = false;
  nativeTheme.themeSource = 'system';
  BrowserWindow.instances = [];
  Notification.instances = [];
  Tray.instances = [];
  ipcMain.handlers.clear();
  fakeState.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
}
