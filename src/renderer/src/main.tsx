import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { call, followDataChanges, queryClient } from './api/client';
import { App } from './App';
import { loadDateLocale } from './dates';
import { applyTheme } from './theme';
import './styles.css';

// Dates are shown in the OS locale: Electron's app.getLocale() (from app.info), the page's language in the
// browser host. The locale and the colour scheme are settled before the first render, so no screen ever
// shows a date in another locale or flashes the other scheme.
// Today's data is asked for at the same time, so the start screen paints as soon as it can.
void queryClient.prefetchQuery({ queryKey: ['today.view', {}], queryFn: () => call('today.view', {}) });
const pageLocale = loadDateLocale(navigator.language);
const [info, settings] = await Promise.all([call('app.info', {}).catch(() => null), call('settings.get', {}).catch(() => null)]);
applyTheme(settings?.theme ?? 'system');
await pageLocale;
if (info?.locale && info.locale !== navigator.language) await loadDateLocale(info.locale);

followDataChanges();
if (settings) queryClient.setQueryData(['settings.get', {}], settings);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App host={info?.host ?? null} />
    </QueryClientProvider>
  </StrictMode>,
);
