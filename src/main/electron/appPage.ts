// Which page is ours: loads the renderer and tells whether a URL belongs to it (IPC sender check).
import { type BrowserWindow } from 'electron';
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from '../core/host/rendererFiles';
import { devServerUrl } from './paths';

/** The dev server under electron-vite, otherwise app://touchplan/index.html (served by appProtocol.ts). */
export function loadRenderer(window: BrowserWindow): Promise<void> {
  const dev = devServerUrl();
  return window.loadURL(dev ?? APP_INDEX_URL);
}

/**
 * True for the dev server's origin when running under electron-vite, otherwise only for our renderer index at
 * app://touchplan/index.html (any query or hash). Everything else, file:// URLs included, is foreign.
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
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password && url.pathname === '/index.html';
}
