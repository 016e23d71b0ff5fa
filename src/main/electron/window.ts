// The main window: hardened webPreferences, the renderer loaded, its place remembered between runs.
import { BrowserWindow, screen } from 'electron';
import { preloadFile, windowStateFile } from './paths';
import { loadRenderer } from './appPage';
import { guardWebContents } from './security';
import { loadWindowState, saveWindowState, type WindowState } from './windowState';

const DEFAULT_SIZE = { width: 1280, height: 800 };

function currentState(window: BrowserWindow): WindowState {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}

export function createMainWindow(): BrowserWindow {
  const stateFile = windowStateFile();
  const saved = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_SIZE),
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Touchplan',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: preloadFile(),
    },
  });
  if (saved?.maximized) window.maximize();
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('close', () => saveWindowState(stateFile, currentState(window)));
  loadRenderer(window).catch((error: unknown) => console.error('Could not load the renderer', error));
  return window;
}
