// window.api for the browser host: the same TouchplanApi as Electron's preload, over the loopback bridge.
import type { EventName, Events, TouchplanApi } from '../../../shared/api';

export function createBridgeApi(token: string): TouchplanApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data as string) as { event: EventName; payload: never };
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return {
    async invoke(channel, request) {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Touchplan-Token': token },
        body: JSON.stringify({ channel, payload: request }),
      });
      return response.json();
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
