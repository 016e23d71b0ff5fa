// Touchplan in real Electron: launches out/main/index.js with a throw-away user data folder.
// Skipped, with the reason, where the Electron binary is not installed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const MAIN = resolve('out/main/index.js');

/**
 * The Electron executable, found the way the `electron` package finds it but without `require('electron')`:
 * that call starts a download when the binary is missing, which must never happen from a test.
 */
function electronBinary(): { path: string } | { missing: string } {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    if (!override && !relative) return { missing: `${pathFile} does not exist (the binary download was skipped)` };
    const binary = override ? join(override, relative || 'electron') : join(packageDir, 'dist', relative);
    return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
  } catch (error) {
    return { missing: error instanceof Error ? error.message : String(error) };
  }
}

const binary = electronBinary();
if ('missing' in binary) console.warn(`[touchplan] Electron suite skipped: Electron binary not available (${binary.missing})`);

test.describe('Touchplan in Electron', () => {
  test.skip('missing' in binary, `Electron binary not available on this machine: ${'missing' in binary ? binary.missing : ''}`);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    expect(existsSync(MAIN), `${MAIN} is missing: run npm run build first`).toBe(true);
    userData = mkdtempSync(join(tmpdir(), 'touchplan-electron-'));
    const args = [MAIN, `--user-data-dir=${userData}`];
    // Chromium refuses to start as root without this (containers); the renderer sandbox flag is unaffected.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : undefined,
      args,
      env: { ...process.env, ELECTRON_RENDERER_URL: '' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens one window titled Touchplan, with the navigation', async () => {
    await expect(page).toHaveTitle(/— Touchplan$/);
    await expect(page.getByRole('navigation').first()).toBeVisible();
    expect(app.windows()).toHaveLength(1);
  });

  test('the page sees window.api and nothing of Node or Electron', async () => {
    const exposed = await page.evaluate(() => ({
      api: Object.keys((globalThis as unknown as { api: object }).api).sort(),
      require: typeof (globalThis as unknown as { require?: unknown }).require,
      process: typeof (globalThis as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ api: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
  });

  test('dispatch answers through IPC as the electron host', async () => {
    const info = await page.evaluate(() =>
      (globalThis as unknown as { api: { invoke(c: string, r: object): Promise<unknown> } }).api.invoke('app.info', {}),
    );
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
  });

  /** Calls window.api.invoke in the page and answers the value, failing the test on a refusal. */
  async function invoke<T>(channel: string, request: object): Promise<T> {
    const result = (await page.evaluate(
      ([c, r]) => (globalThis as unknown as { api: { invoke(c: string, r: object): Promise<unknown> } }).api.invoke(c as string, r as object),
      [channel, request] as const,
    )) as { ok: boolean; value?: T; error?: { message: string } };
    if (!result.ok) throw new Error(`${channel} refused: ${result.error?.message}`);
    return result.value as T;
  }

  /** The main process's decision on a navigation or redirect to `url`: true when it was prevented. */
  const prevented = (kind: 'will-navigate' | 'will-redirect', url: string) =>
    app.evaluate(
      ({ webContents }, [event, target]) => {
        const contents = webContents.getAllWebContents().find((c) => c.getURL().startsWith('app://'));
        if (!contents) throw new Error('no app:// page');
        let decided = false;
        contents.emit(event as 'will-navigate', { preventDefault: () => (decided = true) }, target);
        return decided;
      },
      [kind, url] as const,
    );

  /** Makes the next native save dialog answer `path`, as if the rep had chosen it. */
  const answerSaveDialog = (path: string) =>
    app.evaluate(({ dialog }, chosen) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
    }, path);

  test('the renderer is served from app:// with the CSP as a response header', async () => {
    expect(page.url()).toMatch(/^app:\/\/touchplan\/index\.html/);
    const served = await page.evaluate(async () => {
      const index = await fetch('app://touchplan/index.html');
      const traversal = await fetch('app://touchplan/%2e%2e/%2e%2e/%2e%2e/etc/passwd');
      const unknown = await fetch('app://touchplan/nothing-here.js');
      return { csp: index.headers.get('content-security-policy'), traversal: traversal.status, unknown: unknown.status };
    });
    expect(served.csp).toContain("default-src 'none'");
    expect(served.csp).toContain("frame-ancestors 'none'");
    expect(served.traversal).toBe(404);
    expect(served.unknown).toBe(404);
  });

  test('navigation and redirects away from the app are denied', async () => {
    expect(await prevented('will-navigate', 'https://example.com/')).toBe(true);
    expect(await prevented('will-redirect', 'https://example.com/')).toBe(true);
    expect(await prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
  });

  test('the window title names the screen', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = '#/calendar';
    });
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('Calendar — Touchplan');
  });

  test('the application menu has the platform roles and opens screens', async () => {
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
    const accelerator = await app.evaluate(({ Menu }) => {
      const deals = Menu.getApplicationMenu()?.items.flatMap((item) => item.submenu?.items ?? []).find((item) => item.label === 'Deals');
      deals?.click();
      return deals?.accelerator;
    });
    expect(accelerator).toBe('CmdOrCtrl+3');
    await expect(page).toHaveURL(/#\/deals$/);
  });

  test('app.info carries the OS appearance and locale, and the desktop capabilities', async () => {
    const info = await invoke<{ appearance: { colorScheme: string; locale: string }; capabilities: object }>('app.info', {});
    expect(['light', 'dark']).toContain(info.appearance.colorScheme);
    expect(info.appearance.locale).toMatch(/^[a-z]{2,3}/i);
    expect(info.capabilities).toEqual({ fileDialogs: true, printing: true });
  });

  test('the plan is exported to the file chosen in the save dialog, and the brief saved as PDF', async () => {
    const prospect = await invoke<{ id: string }>('prospects.create', { company: 'Northwind' });
    const deal = await invoke<{ id: string }>('deals.create', { prospectId: prospect.id, title: 'Pilot', stage: 'discovery', value: 0 });
    const meeting = await invoke<{ id: string }>('meetings.create', {
      dealId: deal.id,
      title: 'Discovery call',
      start: '2030-03-04T10:00:00.000Z',
      end: '2030-03-04T11:00:00.000Z',
    });

    const icsPath = join(userData, 'exported.ics');
    await answerSaveDialog(icsPath);
    const saved = await invoke<{ path: string; counts: { meetings: number } }>('desktop.exportIcs', {});
    expect(saved.path).toBe(icsPath);
    expect(readFileSync(icsPath, 'utf8')).toContain(`UID:${meeting.id}@touchplan`);

    const pdfPath = join(userData, 'brief.pdf');
    await answerSaveDialog(pdfPath);
    expect(await invoke('desktop.saveBriefPdf', { meetingId: meeting.id })).toEqual({ path: pdfPath, fileName: 'brief.pdf' });
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('the dock/launcher badge count follows the overdue touches (0 on a fresh profile)', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getBadgeCount())).toBe(0);
  });
});
