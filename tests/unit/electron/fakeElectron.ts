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
  getPath = vi.fn((name: string) => (name === 'documents' ? '/home/rep/Documents' : fakeState.userData));
  getVersion = vi.fn(() => '1.2.3');
  getName = vi.fn(() => 'Touchplan');
  getLocale = vi.fn(() => 'en-GB');
  getAppPath = vi.fn(() => '/app');
  setLoginItemSettings = vi.fn();
  setAppUserModelId = vi.fn();
  setBadgeCount = vi.fn((_count: number) => true);
}
export const app = new FakeApp();


export class FakeWebContents extends Emitter {
  url = '';
  loading = false;
  send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  getURL = vi.fn(() => this.url);
  /** What the OS print dialog answers: [success, failureReason]. */
  static printOutcome: [boolean, string] = [true, ''];
  print = vi.fn((_options: unknown, callback: (success: boolean, failureReason: string) => void) => callback(...FakeWebContents.printOutcome));
  printToPDF = vi.fn((_options: unknown) => Promise.resolve(Buffer.from('%PDF-fake')));
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
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
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

export const protocol = {
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
};

/** safeStorage with a reversible fake cipher: "enc:" + base64 of the text. */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`)),
  decryptString: vi.fn((blob: Buffer) => {
    const text = blob.toString();
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(4), 'base64').toString();
  }),
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

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};
export const nativeImage = { createFromPath: vi.fn((path: string) => ({ path })) };
export const dialog = {
  showErrorBox: vi.fn(),
  showOpenDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: false, filePaths: ['/home/rep/calendar.ics'] })),
  showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: false, filePath: '/home/rep/Documents/plan.ics' })),
};

class FakeNativeTheme extends Emitter {
  shouldUseDarkColors = false;
  themeSource: 'system' | 'light' | 'dark' = 'system';
}
export const nativeTheme = new FakeNativeTheme();
export const powerMonitor = new Emitter();

export const contextBridge = { exposeInMainWorld: vi.fn() };
class FakeIpcRenderer extends Emitter {
  invoke = vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null }));
}
export const ipcRenderer = new FakeIpcRenderer();

export function resetFakeElectron(): void {
  // mockReset restores each vi.fn to the implementation it was created with.
  vi.resetAllMocks();
  for (const emitter of [app, powerMonitor, ipcRenderer, nativeTheme]) emitter.removeAllListeners();
  nativeTheme.shouldUseDarkColors = false;
  app.isPackaged = false;
  nativeTheme.themeSource = 'system';
  BrowserWindow.instances = [];
  FakeWebContents.printOutcome = [true, ''];
  Notification.instances = [];
  Tray.instances = [];
  ipcMain.handlers.clear();
  protocol.handlers.clear();
  fakeState.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
}
