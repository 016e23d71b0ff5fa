import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, type BrowserWindow, fakeState, resetFakeElectron } from './fakeElectron';
import { createMainWindow } from '../../../src/main/electron/window';
import { isOnSomeDisplay, loadWindowState } from '../../../src/main/electron/windowState';

vi.mock('electron', () => import('./fakeElectron'));

let dir: string;
const stateFile = () => join(dir, 'window-state.json');
const writeState = (state: unknown) => writeFileSync(stateFile(), JSON.stringify(state));

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'touchplan-window-'));
  fakeState.userData = dir;
  delete process.env.ELECTRON_RENDERER_URL;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('createMainWindow', () => {
  it('builds an isolated, sandboxed window with our preload', () => {
    const window = createMainWindow() as unknown as BrowserWindow;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: expect.stringMatching(/[/\\]preload[/\\]index\.cjs$/),
    });
    expect(window.options.show).toBe(false);
  });

  it('registers the navigation and new-window guards', () => {
    const window = createMainWindow() as unknown as BrowserWindow;
    expect(window.webContents.handlers('will-navigate')).toHaveLength(1);
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });

  it('shows itself once ready', () => {
    const window = createMainWindow() as unknown as BrowserWindow;
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('loads the built renderer from app:// by default, never from file://', () => {
    const window = createMainWindow() as unknown as BrowserWindow;
    expect(window.loadURL).toHaveBeenCalledWith('app://touchplan/index.html');
    expect(window.loadFile).not.toHaveBeenCalled();
  });

  it('loads the dev server in development', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const window = createMainWindow() as unknown as BrowserWindow;
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    process.env.ELECTRON_RENDERER_URL = 'https://evil.example';
    app.isPackaged = true;
    const window = createMainWindow() as unknown as BrowserWindow;
    expect(window.loadURL).toHaveBeenCalledWith('app://touchplan/index.html');
  });
});

describe('window state', () => {
  it('starts at the default size without a saved state', () => {
    const window = createMainWindow() as unknown as BrowserWindow;
    expect(window.options).toMatchObject({ width: 1280, height: 800 });
    expect(window.options.x).toBeUndefined();
  });

  it('saves its normal bounds and maximized flag on close', () => {
    const window = createMainWindow() as unknown as BrowserWindow;
    window.normalBounds = { x: 40, y: 50, width: 1100, height: 720 };
    window.maximized = true;
    window.close();
    expect(JSON.parse(readFileSync(stateFile(), 'utf8'))).toEqual({
      x: 40,
      y: 50,
      width: 1100,
      height: 720,
      maximized: true,
    });
  });

  it('restores the saved place and maximizes again', () => {
    writeState({ x: 100, y: 80, width: 1024, height: 700, maximized: true });
    const window = createMainWindow() as unknown as BrowserWindow;
    expect(window.options).toMatchObject({ x: 100, y: 80, width: 1024, height: 700 });
    expect(window.maximize).toHaveBeenCalled();
  });

  it('round-trips through close and the next start', () => {
    const first = createMainWindow() as unknown as BrowserWindow;
    first.normalBounds = { x: 300, y: 200, width: 900, height: 650 };
    first.close();
    const second = createMainWindow() as unknown as BrowserWindow;
    expect(second.options).toMatchObject({ x: 300, y: 200, width: 900, height: 650 });
    expect(second.maximize).not.toHaveBeenCalled();
  });

  it('ignores a place that is off every display', () => {
    writeState({ x: 5000, y: 3000, width: 1024, height: 700, maximized: false });
    const window = createMainWindow() as unknown as BrowserWindow;
    expect(window.options).toMatchObject({ width: 1280, height: 800 });
    expect(window.options.x).toBeUndefined();
  });

  it('uses a place on a second display', () => {
    fakeState.displays = [
      { workArea: { x: 0, y: 0, width: 1920, height: 1080 } },
      { workArea: { x: 1920, y: 0, width: 2560, height: 1440 } },
    ];
    writeState({ x: 2500, y: 100, width: 1024, height: 700, maximized: false });
    const window = createMainWindow() as unknown as BrowserWindow;
    expect(window.options).toMatchObject({ x: 2500, y: 100 });
  });

  it('ignores a corrupt or malformed file', () => {
    writeFileSync(stateFile(), '{not json');
    expect(loadWindowState(stateFile(), [{ x: 0, y: 0, width: 1920, height: 1080 }])).toBeNull();
    writeState({ x: '1', y: 0, width: 800, height: 600 });
    expect(loadWindowState(stateFile(), [{ x: 0, y: 0, width: 1920, height: 1080 }])).toBeNull();
    writeState({ x: 0, y: 0, width: 10, height: 10 });
    expect(loadWindowState(stateFile(), [{ x: 0, y: 0, width: 1920, height: 1080 }])).toBeNull();
    expect(loadWindowState(join(dir, 'missing.json'), [{ x: 0, y: 0, width: 1920, height: 1080 }])).toBeNull();
  });

  it('needs a usable part of the window on a display, not a sliver', () => {
    const display = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(isOnSomeDisplay({ x: 1900, y: 100, width: 800, height: 600 }, display)).toBe(false);
    expect(isOnSomeDisplay({ x: 1800, y: 100, width: 800, height: 600 }, display)).toBe(true);
    expect(isOnSomeDisplay({ x: -700, y: -500, width: 800, height: 600 }, display)).toBe(true);
    expect(isOnSomeDisplay({ x: 0, y: 0, width: 800, height: 600 }, [])).toBe(false);
  });
});
