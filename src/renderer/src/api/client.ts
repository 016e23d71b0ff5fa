// The renderer's only way to the host: window.api (Electron preload), or the browser host's bridge.
import { QueryClient, useQuery as useTanstackQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { ApiError, Channel, EventName, Events, RequestOf, ResponseOf, TouchplanApi } from '../../../shared/api';
import { createBridgeApi } from './bridge';
import { isAffectedBy } from './reads';

let bridge: TouchplanApi | null = null;

export function getApi(): TouchplanApi {
  if (window.api) return window.api;
  if (bridge) return bridge;
  const token = document.querySelector<HTMLMetaElement>('meta[name="touchplan-bridge-token"]')?.content;
  if (!token) throw new Error('Touchplan cannot reach its host: open it from Electron or the browser host.');
  return (bridge = createBridgeApi(token));
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

/**
 * The renderer's data: TanStack Query, one cache entry per channel and request. Answers stay fresh until main says
 * a collection they read has changed (see followDataChanges), so there is no polling; a newer request's answer
 * is never overwritten by an older one's, since each request has its own entry.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } },
});

/** Refreshes the queries a 'data.changed' event can affect (and only those). Returns the unsubscribe. */
export function followDataChanges(client: QueryClient = queryClient): () => void {
  return getApi().on('data.changed', ({ collections }) => {
    void client.invalidateQueries({ predicate: (query) => isAffectedBy(query.queryKey[0] as Channel, collections) });
  });
}

/** A channel's value for a request, kept fresh by followDataChanges. */
export function useQuery<C extends Channel>(channel: C, request: RequestOf<C>, options: { refetchOnWindowFocus?: boolean } = {}) {
  const query = useTanstackQuery({
    queryKey: [channel, request],
    queryFn: () => call(channel, request),
    refetchOnWindowFocus: options.refetchOnWindowFocus ? 'always' : false,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: query.data, error: query.error?.message, loading: query.isPending, reload };
}
