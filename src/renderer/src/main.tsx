import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call } from './api/client';
import { App } from './App';
import { loadDateLocale } from './dates';
import { applyTheme } from './theme';
import './styles.css';

// Dates are shown in the OS locale: Electron's app.getLocale() (from app.info), the page's language in the
// browser host. The locale and the colour scheme are settled before the first render, so no screen ever
// shows a date in another locale or flashes the other scheme.
const [info, settings] = await Promise.all([call('app.info', {}).catch(() => null), call('settings.get', {}).catch(() => null)]);
applyTheme(settings?.theme ?? 'system');
await loadDateLocale(info?.locale ?? navigator.language);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App host={info?.host ?? null} />
  </StrictMode>,
);
