// The router: follows the address bar (hashchange), asks the leave guards before a screen is left, and one
// navigate(route). The routes and their addresses are in routes.ts.
import { useEffect, useRef, useState } from 'react';
import { hrefOf, parseRoute, type Route } from './routes';

export { hrefOf, SCREENS, windowTitle, type Route, type Screen } from './routes';

/** Goes to a route (asking the leave guards first, see useLeaveGuard). */
export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
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
  const route = parseRoute(acceptedHash);
  for (const listener of routeListeners) listener(route);
});

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(acceptedHash));
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
