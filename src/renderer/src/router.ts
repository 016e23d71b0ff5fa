// Hash routes: #/today, #/calendar, #/deals, #/deals/<id>, #/prospects/<id>, #/templates, #/settings.
import { useEffect, useRef, useState } from 'react';

export const SCREENS = [
  { path: 'today', label: 'Today' },
  { path: 'calendar', label: 'Calendar' },
  { path: 'deals', label: 'Deals' },
  { path: 'templates', label: 'Templates' },
  { path: 'settings', label: 'Settings' },
] as const;

/** What the window title calls each screen (the OS shows it in the title bar, the taskbar and the dock's menu). */
const SCREEN_TITLES: Readonly<Record<string, string>> = {
  today: 'Today',
  calendar: 'Calendar',
  deals: 'Deals',
  templates: 'Templates',
  settings: 'Settings',
  import: 'Import & export',
  meetings: 'Meeting',
};

/** "Calendar — Touchplan"; a deal's page is "Deal — Touchplan"; unknown screens show Today. */
export function windowTitle(route: Route): string {
  const screen = route.screen === 'deals' && route.id ? 'Deal' : (SCREEN_TITLES[route.screen] ?? 'Today');
  return `${screen} — Touchplan`;
}

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

// One listener for the whole page: it asks the leave guards first, and only an accepted change reaches the
// screens. A refused change puts the previous address back (that second hashchange is ignored).
const routeListeners = new Set<(route: Route) => void>();
const leaveGuards = new Set<() => string | null>();
let acceptedHash = window.location.hash;
let reverting = false;

window.addEventListener('hashchange', () => {
  if (reverting) {
    reverting = false;
    return;
  }
  const warning = [...leaveGuards].map((guard) => guard()).find((message) => message);
  if (warning && !window.confirm(warning)) {
    reverting = true;
    window.location.hash = acceptedHash;
    return;
  }
  acceptedHash = window.location.hash;
  const route = parse(acceptedHash);
  for (const listener of routeListeners) listener(route);
});

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(acceptedHash));
  useEffect(() => {
    routeListeners.add(setRoute);
    return () => void routeListeners.delete(setRoute);
  }, []);
  return route;
}

/**
 * While `warning` is set (unsaved changes), leaving the screen asks first with that sentence. Closing the
 * window is not guarded: Electron would cancel the close without showing anything.
 */
export function useLeaveGuard(warning: string | null): void {
  const latest = useRef(warning);
  useEffect(() => {
    latest.current = warning;
  });
  useEffect(() => {
    const guard = () => latest.current;
    leaveGuards.add(guard);
    return () => void leaveGuards.delete(guard);
  }, []);
}
