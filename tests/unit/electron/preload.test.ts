import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE, type TouchplanApi } from '../../../src/shared/api';
import { contextBridge, ipcRenderer } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let api: TouchplanApi;
beforeAll(async () => {
  await import('../../../src/preload/index');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, value] = contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, TouchplanApi];
  expect(key).toBe('api');
  api = value;
});

describe('preload', () => {
  it('exposes exactly invoke and on, not ipcRenderer', () => {
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('invoke goes over IPC_INVOKE with the channel and request', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { host: 'electron' } });
    await expect(api.invoke('app.info', {})).resolves.toEqual({ ok: true, value: { host: 'electron' } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'app.info', {});
  });

  it('on listens to IPC_EVENT for one event name and unsubscribes', () => {
    const listener = vi.fn();
    const off = api.on('open.touch', listener);
    expect(ipcRenderer.listenerCount(IPC_EVENT)).toBe(1);
    ipcRenderer.emit(IPC_EVENT, { sender: 'raw event' }, 'open.meeting', { meetingId: 'm1' });
    ipcRenderer.emit(IPC_EVENT, { sender: 'raw event' }, 'open.touch', { touchId: 't1' });
    expect(listener.mock.calls).toEqual([[{ touchId: 't1' }]]);
    off();
    expect(ipcRenderer.listenerCount(IPC_EVENT)).toBe(0);
    ipcRenderer.emit(IPC_EVENT, {}, 'open.touch', { touchId: 't2' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('uses the same channel names as src/shared/api.ts', () => {
    expect(IPC_INVOKE).toBe('touchplan:invoke');
    expect(IPC_EVENT).toBe('touchplan:event');
  });

  it("requires nothing but 'electron' at run time (a sandboxed preload can load nothing else)", () => {
    const source = readFileSync(join(__dirname, '../../../src/preload/index.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)([^'"]*?)from\s+'([^']+)'/gm)]
      .filter(([, clause]) => !/^\{\s*(type\s+\w+\s*,?\s*)+\}\s*$/.test(clause!.trim()))
      .map(([, , from]) => from);
    expect(runtimeImports).toEqual(['electron']);
    expect(source).not.toMatch(/\brequire\(/);
  });
});
