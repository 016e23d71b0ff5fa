// A fake window.api for component tests: answers per channel, a log of every call, and events pushed on demand.
import type { Channel, EventName, Events, RequestOf, Result, TouchplanApi } from '../../src/shared/api';

type Handler = (request: never) => unknown;

export interface FakeApi extends TouchplanApi {
  calls: { channel: Channel; request: unknown }[];
  /** Answers a channel: a value (ok), or a thrown ApiRefusal (ok: false). */
  answer<C extends Channel>(channel: C, handler: (request: RequestOf<C>) => unknown): void;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  callsOf(channel: Channel): unknown[];
}

/** Thrown by a handler to answer { ok: false, error }. */
export class ApiRefusal {
  constructor(readonly error: { code: 'invalid-request' | 'not-found' | 'conflict'; message: string; fields?: Record<string, string> }) {}
}

export function installFakeApi(): FakeApi {
  const handlers = new Map<Channel, Handler>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const api: FakeApi = {
    calls: [],
    answer(channel, handler) {
      handlers.set(channel, handler as Handler);
    },
    async invoke(channel, request) {
      api.calls.push({ channel, request });
      const handler = handlers.get(channel);
      if (!handler) return { ok: false, error: { code: 'unknown-channel', message: `No fake answer for ${channel}` } } as Result<never>;
      try {
        return { ok: true, value: await handler(request as never) } as Result<never>;
      } catch (error) {
        if (error instanceof ApiRefusal) return { ok: false, error: error.error } as Result<never>;
        throw error;
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload as never);
    },
    callsOf: (channel) => api.calls.filter((c) => c.channel === channel).map((c) => c.request),
  };
  window.api = api;
  return api;
}
