// The DocumentPrinter port: a self-contained page (the meeting brief) is loaded into a hidden, sandboxed window
// with JavaScript off, then printed through the OS print dialog or rendered as PDF, and the window destroyed.
import { app, BrowserWindow, type WebContents } from 'electron';
import { type DocumentPrinter } from '../core/ports';
import { guardWebContents } from './security';

/** Letter where it is the usual paper (the US, Canada, Mexico, the Philippines...), A4 elsewhere. */
export function paperSizeForLocale(locale: string): 'Letter' | 'A4' {
  const region = locale.split(/[-_]/)[1]?.toUpperCase();
  return region !== undefined && ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR'].includes(region) ? 'Letter' : 'A4';
}

async function withHiddenPage<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  guardWebContents(window.webContents);
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await use(window.webContents);
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

export function createDocumentPrinter(): DocumentPrinter {
  return {
    print: (html) =>
      withHiddenPage(
        html,
        (contents) =>
          new Promise<boolean>((resolve, reject) => {
            contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
              if (success) resolve(true);
              else if (!failureReason || /cancel/i.test(failureReason)) resolve(false);
              else reject(new Error(`The brief could not be printed: ${failureReason}`));
            });
          }),
      ),
    toPdf: (html) =>
      withHiddenPage(html, (contents) =>
        contents.printToPDF({ printBackground: true, pageSize: paperSizeForLocale(app.getLocale()) }),
      ),
  };
}
