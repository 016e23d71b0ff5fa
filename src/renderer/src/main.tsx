import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call } from './api/client';
import { App } from './App';
import { loadDateLocale } from './dates';
import './styles.css';

// Dates are shown in the OS locale: Electron's app.getLocale() (from app.info), the page's language in the
// browser host. It is loaded before the first render so no screen ever shows a date in another locale.
const info = await call('app.info', {}).catch(() => null);
await loadDateLocale(info?.locale ?? navigator.language);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App host={info?.host ?? null} />
  </StrictMode>,
);
