// The IPC binding: one invoke channel into core.dispatch, guarded by a sender check, and core's events
// pushed to the window.
import { ipcMain, type WebFrameMain } from 'electron';
import { IPC_INVOKE, type Result } from '../../shared/api';
import { type Core } from '../core';
import { isAppUrl } from './appPage';
import { type WindowHandle } from './windowHandle';

/** True only for a live frame showing our own renderer. */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  if (!frame) return false;
  try {
    return isAppUrl(frame.url);
  } catch {
    return false;
  }
}

const failure = (code: 'invalid-request' | 'internal', message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

export function bindIpc(core: Core, windows: WindowHandle): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, payload: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return failure('invalid-request', 'Request refused: it does not come from the Touchplan window.');
    }
    if (typeof channel !== 'string') return failure('invalid-request', 'The channel must be a string.');
    try {
      return await core.dispatch(channel, payload);
    } catch (error) {
      return failure('internal', error instanceof Error ? error.message : String(error));
    }
  });
  const unsubscribe = core.onEvent((name, payload) => windows.send(name, payload));
  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    unsubscribe();
  };
}
