// The renderer's only way to the host: window.api (Electron preload), or the browser host's bridge.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Channel, EventName, Events, RequestOf, ResponseOf, TouchplanApi } from '../../../shared/api';
import { createBridgeApi } from './bridge';

let api: TouchplanApi | null = null;

export function getApi(): TouchplanApi {
  if (api) return api;
  if (window.api) return (api = window.api);
  const token = document.querySelector<HTMLMetaElement>('meta[name="touchplan-bridge-token"]')?.content;
  if (!token) throw new Error('Touchplan cannot reach its host: open it from Electron or the browser host.');
  return (api = createBridgeApi(token));
}

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Calls a channel and returns its value, or throws ApiCallError with the host's message. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await getApi().invoke(channel, request);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function useEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => getApi().on(event, (payload) => latest.current(payload)), [event]);
}

/** Loads a channel's value and reloads it whenever main says data changed. */
export function useQuery<C extends Channel>(channel: C, request: RequestOf<C>) {
  const key = JSON.stringify(request);
  const [state, setState] = useState<{ data?: ResponseOf<C>; error?: string; loading: boolean }>({ loading: true });
  const reload = useCallback(() => {
    call(channel, JSON.parse(key) as RequestOf<C>).then(
      (data) => setState({ data, loading: false }),
      (error: Error) => setState((s) => ({ ...s, error: error.message, loading: false })),
    );
  }, [channel, key]);
  useEffect(reload, [reload]);
  useEvent('data.changed', reload);
  return { ...state, reload };
}
