// The browser-side hardening: no permissions, no navigation away from our page, no new windows; web links
// open in the user's browser, nothing else leaves the app.
/* eslint electron-security/no-open-external-with-dynamic-url: ["error", { "urlValidators": ["toExternalWebUrl"] }] */
import { type Session, type WebContents, session, shell } from 'electron';

export function hardenSession(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

/** The URL to hand to the OS browser, or null: only well-formed http: and https: URLs qualify. */
export function toExternalWebUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function openExternalWebUrl(raw: string): boolean {
  const url = toExternalWebUrl(raw);
  if (url === null) return false;
  shell.openExternal(url).catch((error: unknown) => console.error('Could not open', url, error));
  return true;
}

export function guardWebContents(contents: WebContents): void {
  // A navigation (or a redirect of one) may only reload the page it is on.
  const stayOnPage = (event: { preventDefault(): void }, url: string): void => {
    if (url !== contents.getURL()) event.preventDefault();
  };
  contents.on('will-navigate', stayOnPage);
  contents.on('will-redirect', stayOnPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalWebUrl(url);
    return { action: 'deny' };
  });
}
