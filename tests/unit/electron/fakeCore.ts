// A fake core for the shell's tests: records dispatches and tray commands, and can push events.
import { vi } from 'vitest';
import { type EventName, type Events, type Result } from '../../../src/shared/api';
import { type Core, type EventListener } from '../../../src/main/core';

export interface FakeCore extends Core {
  dispatch: ReturnType<typeof vi.fn<Core['dispatch']>>;
  runTrayCommand: ReturnType<typeof vi.fn<Core['runTrayCommand']>>;
  resume: ReturnType<typeof vi.fn<Core['resume']>>;
  close: ReturnType<typeof vi.fn<Core['close']>>;
  settings: { closeToTray: boolean; openAtLogin: boolean; theme?: 'system' | 'light' | 'dark' };
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  listenerCount(): number;
}

export function fakeCore(settings: FakeCore['settings'] = { closeToTray: true, openAtLogin: false }): FakeCore {
  const listeners = new Set<EventListener>();
  const core: FakeCore = {
    settings,
    dispatch: vi.fn(
      async (channel: string, payload: unknown): Promise<Result<unknown>> =>
        channel === 'settings.get' ? { ok: true, value: { ...core.settings } } : { ok: true, value: { channel, payload } },
    ),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    runTrayCommand: vi.fn(async () => {}),
    resume: vi.fn(),
    flushed: async () => {},
    close: vi.fn(async () => {}),
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    listenerCount: () => listeners.size,
  };
  return core;
}
