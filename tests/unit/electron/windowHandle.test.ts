import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT } from '../../../src/shared/api';
import { createWindowHandle } from '../../../src/main/electron/windowHandle';
import { BrowserWindow, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

beforeEach(resetFakeElectron);

const handle = () => {
  const create = vi.fn(() => new BrowserWindow({}) as never);
  return { create, windows: createWindowHandle(create) };
};

describe('createWindowHandle', () => {
  it('creates the window once and lets it show itself when ready', () => {
    const { create, windows } = handle();
    const window = windows.reveal() as unknown as BrowserWindow;
    expect(create).toHaveBeenCalledTimes(1);
    expect(window.show).not.toHaveBeenCalled();
    expect(windows.reveal()).toBe(window);
    expect(create).toHaveBeenCalledTimes(1);
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('restores a minimized window', () => {
    const { windows } = handle();
    const window = windows.reveal() as unknown as BrowserWindow;
    window.minimized = true;
    windows.reveal();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('creates a new window after the last one closed', () => {
    const { create, windows } = handle();
    const first = windows.reveal() as unknown as BrowserWindow;
    first.close();
    expect(windows.current()).toBeNull();
    const second = windows.reveal();
    expect(second).not.toBe(first);
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('waits for the page to load before sending', () => {
    const { windows } = handle();
    const window = windows.reveal() as unknown as BrowserWindow;
    window.webContents.loading = true;
    windows.open({ kind: 'meeting', id: 'm1' });
    expect(window.webContents.send).not.toHaveBeenCalled();
    window.webContents.emit('did-finish-load');
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT, 'open.meeting', { meetingId: 'm1' });
  });

  it.each([
    [{ kind: 'touch', id: 't1' }, 'open.touch', { touchId: 't1' }],
    [{ kind: 'meeting', id: 'm1' }, 'open.meeting', { meetingId: 'm1' }],
    [{ kind: 'today' }, 'open.today', {}],
  ] as const)('a notification about %o opens it with %s', (target, event, payload) => {
    const { windows } = handle();
    windows.open(target);
    const window = BrowserWindow.instances[0]!;
    expect(window.webContents.send.mock.calls).toEqual([[IPC_EVENT, event, payload]]);
  });

  it('sends nothing when the window was destroyed before loading', () => {
    const { windows } = handle();
    const window = windows.reveal() as unknown as BrowserWindow;
    window.webContents.loading = true;
    windows.send('data.changed', { collections: ['deals'] });
    window.destroyed = true;
    window.webContents.emit('did-finish-load');
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});
