// Hash routes: #/today, #/calendar, #/deals, #/deals/<id>, #/prospects/<id>, #/templates, #/settings.
import { useEffect, useState } from 'react';

export const SCREENS = [
  { path: 'today', label: 'Today' },
  { path: 'calendar', label: 'Calendar' },
  { path: 'deals', label: 'Deals' },
  { path: 'templates', label: 'Templates' },
  { path: 'settings', label: 'Settings' },
] as const;

export interface Route {
  screen: string;
  id?: string;
}

function parse(hash: string): Route {
  const [screen = 'today', id] = hash.replace(/^#\/?/, '').split('/');
  return { screen: screen || 'today', id: id ? decodeURIComponent(id) : undefined };
}

export function navigate(screen: string, id?: string): void {
  window.location.hash = `#/${screen}${id ? `/${encodeURIComponent(id)}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
