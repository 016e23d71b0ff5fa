// Routes: a typed union and their addresses (hash routes, so a reload or a notification can open any of them).
// Pure: router.ts follows the address and navigates. An address that names no route is { screen: 'not-found' }, never Today.
//   #/today[/<touchId>]  #/calendar[/<YYYY-MM-DD> | /new]  #/deals  #/deals/<id>  #/prospects/<id>
//   #/meetings/<id>  #/templates  #/settings  #/import
export type Route =
  | { screen: 'today'; touchId?: string }
  | { screen: 'calendar'; date?: string; newMeeting?: boolean }
  | { screen: 'deals' }
  | { screen: 'deal'; id: string }
  | { screen: 'prospect'; id: string }
  | { screen: 'meeting'; id: string }
  | { screen: 'templates' }
  | { screen: 'settings' }
  | { screen: 'import' }
  | { screen: 'not-found'; address: string };
export type Screen = Route['screen'];

/** The sidebar: the screens a rep starts from, and which screens belong under each. */
export const SCREENS: { route: Route; label: string; covers: Screen[] }[] = [
  { route: { screen: 'today' }, label: 'Today', covers: ['today'] },
  { route: { screen: 'calendar' }, label: 'Calendar', covers: ['calendar'] },
  { route: { screen: 'deals' }, label: 'Deals', covers: ['deals', 'deal', 'prospect', 'meeting'] },
  { route: { screen: 'templates' }, label: 'Templates', covers: ['templates'] },
  { route: { screen: 'settings' }, label: 'Settings', covers: ['settings', 'import'] },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const segment = (value: string) => `/${encodeURIComponent(value)}`;

/** The address of a route, for links (href) and navigate(). */
export function hrefOf(route: Route): string {
  switch (route.screen) {
    case 'today':
      return `#/today${route.touchId ? segment(route.touchId) : ''}`;
    case 'calendar':
      return `#/calendar${route.newMeeting ? '/new' : route.date ? segment(route.date) : ''}`;
    case 'deal':
      return `#/deals${segment(route.id)}`;
    case 'prospect':
      return `#/prospects${segment(route.id)}`;
    case 'meeting':
      return `#/meetings${segment(route.id)}`;
    case 'not-found':
      return route.address;
    default:
      return `#/${route.screen}`;
  }
}

/** The route of an address ("#/deals/abc"); the empty address is Today. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const notFound: Route = { screen: 'not-found', address: hash };
  let parts: string[];
  try {
    parts = path.split('/').map(decodeURIComponent);
  } catch {
    return notFound; // a malformed escape
  }
  const [screen = '', id, ...rest] = parts;
  if (rest.length > 0) return notFound;
  if (id === '') return notFound;
  switch (screen) {
    case '':
      return id === undefined ? { screen: 'today' } : notFound;
    case 'today':
      return { screen: 'today', touchId: id };
    case 'calendar':
      if (id === undefined) return { screen: 'calendar' };
      if (id === 'new') return { screen: 'calendar', newMeeting: true };
      return DATE.test(id) ? { screen: 'calendar', date: id } : notFound;
    case 'deals':
      return id === undefined ? { screen: 'deals' } : { screen: 'deal', id };
    case 'prospects':
      return id === undefined ? notFound : { screen: 'prospect', id };
    case 'meetings':
      return id === undefined ? notFound : { screen: 'meeting', id };
    case 'templates':
    case 'settings':
    case 'import':
      return id === undefined ? { screen } : notFound;
    default:
      return notFound;
  }
}


/** What the window title calls each screen (the OS shows it in the title bar, the taskbar and the dock's menu). */
const SCREEN_TITLES: Readonly<Record<Screen, string>> = {
  today: 'Today',
  calendar: 'Calendar',
  deals: 'Deals',
  deal: 'Deal',
  prospect: 'Prospect',
  meeting: 'Meeting',
  templates: 'Templates',
  settings: 'Settings',
  import: 'Import & export',
  'not-found': 'Not found',
};

/** "Calendar — Touchplan". */
export function windowTitle(route: Route): string {
  return `${SCREEN_TITLES[route.screen]} — Touchplan`;
}
