// The preload: window.api over two IPC channels, nothing else. It runs sandboxed, where only 'electron'
// can be required, so everything else imported here must be type-only (a unit test checks this).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { type EventName, type Events, type TouchplanApi } from '../shared/api';

/** Same values as IPC_INVOKE / IPC_EVENT in src/shared/api.ts (importing them would pull zod in). */
const IPC_INVOKE = 'touchplan:invoke';
const IPC_EVENT = 'touchplan:event';

const api: TouchplanApi = {
  invoke: (channel, request) => ipcRenderer.invoke(IPC_INVOKE, channel, request),
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as Events[E]);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
