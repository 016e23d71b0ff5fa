// Renders a piece of the renderer as the app does (a fresh query cache that follows data.changed, toasts),
// against the fake window.api installed by installFakeApi().
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { followDataChanges } from '../../src/renderer/src/api/client';
import { ToastProvider } from '../../src/renderer/src/components/Toasts';

afterEach(() => cleanup());

export function renderWithApp(ui: ReactElement): RenderResult & { client: QueryClient } {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } } });
  const stop = followDataChanges(client);
  afterEach(stop);
  const result = render(
    <QueryClientProvider client={client}>
      <ToastProvider>{ui}</ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, client };
}
