import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../../src/shared/api';
import { bindIpc, isTrustedSender } from '../../../src/main/electron/ipc';
import { createWindowHandle } from '../../../src/main/electron/windowHandle';
import { app, BrowserWindow, ipcMain, resetFakeElectron } from './fakeElectron';
import { fakeCore } from './fakeCore';

vi.mock('electron', () => import('./fakeElectron'));

/** The renderer index as the app:// protocol serves it. */
const ownIndexUrl = 'app://touchplan/index.html';

const invoke = (url: string | null, channel: unknown, payload: unknown) => {
  const handler = ipcMain.handlers.get(IPC_INVOKE) as (...args: unknown[]) => Promise<unknown>;
  return handler({ senderFrame: url === null ? null : { url } }, channel, payload);
};

beforeEach(() => {
  resetFakeElectron();
  delete process.env.ELECTRON_RENDERER_URL;
});
afterEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
});

const setup = () => {
  const core = fakeCore();
  const windows = createWindowHandle(() => new BrowserWindow({}) as never);
  const unbind = bindIpc(core, windows);
  return { core, windows, unbind };
};

describe('IPC sender check', () => {
  it('passes requests from our renderer page to dispatch', async () => {
    const { core } = setup();
    await expect(invoke(ownIndexUrl, 'prospects.list', { query: 'acme' })).resolves.toEqual({
      ok: true,
      value: { channel: 'prospects.list', payload: { query: 'acme' } },
    });
    await expect(invoke(`${ownIndexUrl}#/today`, 'app.info', {})).resolves.toMatchObject({ ok: true });
    expect(core.dispatch).toHaveBeenCalledTimes(2);
  });

  it('passes requests from the dev server origin in development', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const { core } = setup();
    await expect(invoke('http://localhost:5173/#/calendar', 'app.info', {})).resolves.toMatchObject({ ok: true });
    expect(core.dispatch).toHaveBeenCalledWith('app.info', {});
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['another port', 'http://localhost:5174/'],
    ['a local file', 'file:///tmp/index.html'],
    ['another page of our scheme', 'app://touchplan/other.html'],
    ['our path on another host of the scheme', 'app://evil.example/index.html'],
    ['our page with credentials', 'app://user:pw@touchplan/index.html'],
    ['a data URL', 'data:text/html,hi'],
    ['garbage', 'not a url'],
  ])('refuses %s without calling dispatch', async (_name, url) => {
    process.env.ELECTRON_RENDERER_URL = url.startsWith('http://localhost') ? 'http://localhost:5173' : '';
    const { core } = setup();
    await expect(invoke(url, 'settings.update', { patch: {} })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('refused') },
    });
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('refuses the dev server origin once packaged', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    app.isPackaged = true;
    const { core } = setup();
    await expect(invoke('http://localhost:5173/', 'app.info', {})).resolves.toMatchObject({ ok: false });
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('refuses a request whose frame is gone (null senderFrame)', async () => {
    const { core } = setup();
    await expect(invoke(null, 'app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(core.dispatch).not.toHaveBeenCalled();
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('refuses a frame whose url cannot be read', () => {
    const frame = {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
    };
    expect(isTrustedSender(frame as never)).toBe(false);
  });

  it('answers a non-string channel with invalid-request', async () => {
    const { core } = setup();
    await expect(invoke(ownIndexUrl, 42, {})).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatch into an internal error', async () => {
    const { core } = setup();
    core.dispatch.mockRejectedValueOnce(new Error('disk on fire'));
    await expect(invoke(ownIndexUrl, 'app.info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire' },
    });
  });
});

describe('pushed events', () => {
  it('forwards core events to the window over IPC_EVENT', () => {
    const { core, windows } = setup();
    const window = windows.reveal() as unknown as BrowserWindow;
    core.emit('data.changed', { collections: ['touches'] });
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT, 'data.changed', { collections: ['touches'] });
  });

  it('drops events while no window is open', () => {
    const { core } = setup();
    expect(() => core.emit('notice', { id: 'n', level: 'info', message: 'hi' })).not.toThrow();
  });

  it('unbinds the handler and the subscription', () => {
    const { core, unbind } = setup();
    expect(core.listenerCount()).toBe(1);
    unbind();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE);
    expect(core.listenerCount()).toBe(0);
  });
});
