// Where the shell's files are: the built preload and renderer (next to out/main), the icons, the window state.
import { join } from 'node:path';
import { app } from 'electron';

/** The sandboxed preload, built as CommonJS by electron-vite. */
export const preloadFile = (): string => join(__dirname, '../preload/index.cjs');

/** The built renderer folder, served as app://touchplan/ in production (see appProtocol.ts). */
export const rendererDir = (): string => join(__dirname, '../renderer');

/**
 * The electron-vite dev server, only when running unpackaged: a packaged app never loads a URL taken
 * from its environment.
 */
export function devServerUrl(): string | null {
  const url = process.env.ELECTRON_RENDERER_URL;
  return !app.isPackaged && url ? url : null;
}

/** Icons: copied next to the app as extraResources when packaged, read from the repository in dev. */
export const resourceFile = (name: string): string =>
  app.isPackaged ? join(process.resourcesPath, 'resources', name) : join(app.getAppPath(), 'resources', name);

export const windowStateFile = (): string => join(app.getPath('userData'), 'window-state.json');
