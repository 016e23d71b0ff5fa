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
    await expect(page).toHaveTitle(/Touchplan/);
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

  test('navigation away from the app is blocked', async () => {
    const before = page.url();
    expect(before.startsWith('file://')).toBe(true);
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });
});
