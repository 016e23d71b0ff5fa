// The app's life: single instance, start-up (core, IPC, tray, window), staying in the tray, resume, quit.
import { app, dialog, powerMonitor } from 'electron';
import { type Settings } from '../../shared/schema';
import { type Core } from '../core';
import {
  type AppearancePort,
  type BadgePort,
  type DocumentPrinter,
  type FileDialogs,
  type Notifier,
  type SecretStore,
  type TrayPort,
} from '../core/ports';
import { bindIpc } from './ipc';
import { followLoginItemSetting } from './loginItem';
import { followThemeSetting } from './theme';
import { createNotifier } from './notifier';
import { handleAppScheme, registerAppScheme } from './appProtocol';
import { installAppMenu } from './appMenu';
import { createAppearancePort } from './appearance';
import { createBadgePort } from './badge';
import { createFileDialogs } from './fileDialogs';
import { createDocumentPrinter } from './printer';
import { rendererDir, resourceFile } from './paths';
import { createSecretStore } from './secrets';
import { hardenSession } from './security';
import { createTrayPort, destroyTray } from './tray';
import { runTrayCommand } from './trayCommands';
import { createMainWindow } from './window';
import { createWindowHandle, type WindowHandle } from './windowHandle';

/** What the shell hands the entry point to build core with. */
export interface ShellContext {
  userDataDir: string;
  version: string;
  notifier: Notifier;
  tray: TrayPort;
  /** The dock / taskbar badge with the overdue count. */
  badge: BadgePort;
  /** Calendar account secrets, encrypted with safeStorage in <userData>/secrets.json. */
  secrets: SecretStore;
  /** Native open/save dialogs for import, export and backup files. */
  fileDialogs: FileDialogs;
  /** Prints the meeting brief or saves it as PDF. */
  printer: DocumentPrinter;
  /** nativeTheme and the OS locale. */
  appearance: AppearancePort;
}
export type CoreFactory = (context: ShellContext) => Core | Promise<Core>;

export interface RunningApp {
  windows: WindowHandle;
  /** Resolves once start-up has finished: with core, or null when it could not start. */
  ready: Promise<Core | null>;
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function stayInTray(core: Core | null): Promise<boolean> {
  if (process.platform === 'darwin') return true;
  if (core === null) return false;
  try {
    const result = await core.dispatch('settings.get', {});
    return result.ok && (result.value as Settings).closeToTray;
  } catch {
    return false;
  }
}

/** Starts Touchplan, or quits at once when another instance already runs (that one comes forward). */
export function runApp(buildCore: CoreFactory): RunningApp | null {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  if (process.platform === 'win32') app.setAppUserModelId('com.touchplan.app');
  registerAppScheme();

  let core: Core | null = null;
  let closed = false;
  const windows = createWindowHandle(createMainWindow);

  app.on('second-instance', () => {
    if (app.isReady()) windows.reveal();
  });

  app.on('before-quit', (event) => {
    if (core === null || closed) return;
    event.preventDefault();
    closed = true;
    const closing = core;
    core = null;
    closing
      .close()
      .catch((error: unknown) => console.error('Touchplan did not close cleanly', error))
      .finally(() => {
        destroyTray();
        app.quit();
      });
  });

  app.on('window-all-closed', () => {
    stayInTray(core)
      .then((stay) => {
        if (!stay) app.quit();
      })
      .catch(() => app.quit());
  });

  const start = async (): Promise<Core | null> => {
    await app.whenReady();
    handleAppScheme(rendererDir());
    hardenSession();
    const notifier = createNotifier((target) => windows.open(target));
    const tray = createTrayPort(
      { normal: resourceFile('tray.png'), overdue: resourceFile('tray-overdue.png') },
      (command) => void runTrayCommand(command, { core, windows, quit: () => app.quit() }),
    );
    try {
      const userDataDir = app.getPath('userData');
      const secrets = createSecretStore(userDataDir);
      core = await buildCore({
        userDataDir,
        version: app.getVersion(),
        notifier,
        tray,
        badge: createBadgePort(),
        secrets,
        fileDialogs: createFileDialogs(() => windows.current()),
        printer: createDocumentPrinter(),
        appearance: createAppearancePort(),
      });
    } catch (error) {
      dialog.showErrorBox('Touchplan cannot start', errorMessage(error));
      app.quit();
      return null;
    }
    const started = core;
    bindIpc(started, windows);
    installAppMenu(windows);
    followLoginItemSetting(started);
    followThemeSetting(started);
    powerMonitor.on('resume', () => started.resume());
    app.on('activate', () => windows.reveal());
    windows.reveal();
    return started;
  };

  return { windows, ready: start() };
}
