// Which page is ours: loads the renderer and tells whether a URL belongs to it (IPC sender check).
import { pathToFileURL } from 'node:url';
import { type BrowserWindow } from 'electron';
import { devServerUrl, rendererIndexFile } from './paths';

export function loadRenderer(window: BrowserWindow): Promise<void> {
  const dev = devServerUrl();
  return dev !== null ? window.loadURL(dev) : window.loadFile(rendererIndexFile());
}

/**
 * True for the dev server's origin when running under electron-vite, otherwise only for the file:// URL of
 * our own renderer index (any query or hash). Everything else, including other local files, is foreign.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  const dev = devServerUrl();
  if (dev !== null) {
    try {
      return url.origin !== 'null' && url.origin === new URL(dev).origin;
    } catch {
      return false;
    }
  }
  return url.protocol === 'file:' && url.host === '' && url.pathname === pathToFileURL(rendererIndexFile()).pathname;
}
