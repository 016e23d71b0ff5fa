// Every route has an address that reads back as the same route; anything else is "not found", never Today.
import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, SCREENS, type Route } from '../../src/renderer/src/routes';

const ROUTES: Route[] = [
  { screen: 'today' },
  { screen: 'today', touchId: 'b1c2' },
  { screen: 'calendar' },
  { screen: 'calendar', date: '2027-06-07' },
  { screen: 'calendar', newMeeting: true },
  { screen: 'deals' },
  { screen: 'deal', id: '7f0c-11' },
  { screen: 'prospect', id: 'a b/c' },
  { screen: 'meeting', id: 'm-1' },
  { screen: 'templates' },
  { screen: 'settings' },
  { screen: 'import' },
];

describe('routes', () => {
  it('reads every route back from its address', () => {
    for (const route of ROUTES) expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('opens Today on an empty address', () => {
    for (const hash of ['', '#', '#/']) expect(parseRoute(hash)).toEqual({ screen: 'today' });
  });

  it('shows "not found" for an address that names no route', () => {
    for (const hash of ['#/nowhere', '#/prospects', '#/meetings', '#/calendar/tomorrow', '#/settings/extra', '#/deals/a/b', '#/deals/', '#/deals/%E0%A4%A']) {
      expect(parseRoute(hash)).toEqual({ screen: 'not-found', address: hash });
    }
  });

  it('gives every sidebar entry a real route', () => {
    for (const entry of SCREENS) expect(parseRoute(hrefOf(entry.route)).screen).toBe(entry.route.screen);
  });
});
