// Remembers where the window was: read and written as window-state.json in userData. No Electron here:
// the caller passes the display work areas, so the rules are plain functions.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState extends Rect {
  maximized: boolean;
}

/** How much of the window must lie on one display for the saved place to be used. */
const MIN_VISIBLE = 48;
const MIN_SIZE = 200;

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function parseState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y, width, height, maximized } = value as Record<string, unknown>;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height)) return null;
  if (width < MIN_SIZE || height < MIN_SIZE) return null;
  return { x, y, width, height, maximized: maximized === true };
}

export function isOnSomeDisplay(bounds: Rect, displays: readonly Rect[]): boolean {
  return displays.some((area) => {
    const width = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const height = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    return width >= MIN_VISIBLE && height >= MIN_VISIBLE;
  });
}

/** The saved state, or null when there is none, it is unreadable, or it lies off every display. */
export function loadWindowState(file: string, displays: readonly Rect[]): WindowState | null {
  let state: WindowState | null;
  try {
    state = parseState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
  return state !== null && isOnSomeDisplay(state, displays) ? state : null;
}

export function saveWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, file);
  } catch (error) {
    console.error('Could not save the window state', error);
  }
}
