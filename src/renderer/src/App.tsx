import { lazy, Suspense, useEffect } from 'react';
import { DevPanel } from './components/DevPanel';
import { EmptyState } from './components/EmptyState';
import { Notices } from './components/Notices';
import { ToastProvider } from './components/Toasts';
import { useEvent, useQuery } from './api/client';
import { hrefOf, navigate, SCREENS, useRoute, windowTitle, type Route } from './router';
import { MoveHistoryEvents } from './screens/calendar/moveHistory';
import { useTheme } from './theme';
import { TodayEvents, TodayScreen } from './screens/today/TodayScreen';

// Today, the start screen, is in the first download; every other screen loads when first opened (the Calendar
// brings FullCalendar, Import the file readers' previews, the forms the contract's schemas), so opening the app
// stays light: see renderer.initialJs.gzipKB in `npm run bench -- renderer`.
const CalendarScreen = lazy(() => import('./screens/calendar/CalendarScreen').then((m) => ({ default: m.CalendarScreen })));
const ImportExportScreen = lazy(() => import('./screens/ImportExportScreen').then((m) => ({ default: m.ImportExportScreen })));
const DealsScreen = lazy(() => import('./screens/DealsScreen').then((m) => ({ default: m.DealsScreen })));
const DealPage = lazy(() => import('./screens/plan/DealPage').then((m) => ({ default: m.DealPage })));
const MeetingPage = lazy(() => import('./screens/plan/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const ProspectPage = lazy(() => import('./screens/plan/ProspectPage').then((m) => ({ default: m.ProspectPage })));
const TemplatesScreen = lazy(() => import('./screens/plan/TemplatesScreen').then((m) => ({ default: m.TemplatesScreen })));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'today':
      return <TodayScreen />;
    case 'calendar':
      return <CalendarScreen />;
    case 'deals':
      return <DealsScreen />;
    case 'deal':
      return <DealPage key={route.id} id={route.id} />;
    case 'prospect':
      return <ProspectPage key={route.id} id={route.id} />;
    case 'meeting':
      return <MeetingPage key={route.id} id={route.id} />;
    case 'templates':
      return <TemplatesScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'import':
      return <ImportExportScreen />;
    case 'not-found':
      return <NotFound address={route.address} />;
  }
}

function NotFound({ address }: { address: string }) {
  return (
    <section className="screen" aria-labelledby="not-found-title">
      <header className="screen-header">
        <h1 id="not-found-title">Not found</h1>
      </header>
      <EmptyState title="There is no page at this address" action={<a href={hrefOf({ screen: 'today' })}>Go to Today</a>}>
        <code>{address}</code> is not an address Touchplan knows. Pick a screen on the left.
      </EmptyState>
    </section>
  );
}

export function App({ host }: { host: 'electron' | 'browser' | null }) {
  const route = useRoute();
  useTheme(useQuery('settings.get', {}).data?.theme);
  // The window title names the screen; Electron's window follows the page's title.
  useEffect(() => {
    document.title = windowTitle(route);
  }, [route]);
  // The application menu's View items and Settings / Preferences….
  useEvent('open.screen', ({ screen }) => navigate({ screen }));

  return (
    <ToastProvider>
      <div className="app">
        <nav className="sidebar" aria-label="Main">
          <div className="brand" aria-hidden="true">
            <span className="brand-mark">◆</span> Touchplan
          </div>
          <ul>
            {SCREENS.map((s) => (
              <li key={s.label}>
                <a href={hrefOf(s.route)} aria-current={s.covers.includes(route.screen) ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="main">
          <Notices />
          <TodayEvents />
          <MoveHistoryEvents />
          <Suspense fallback={<section className="screen" aria-busy="true" />}>
            <Screen route={route} />
          </Suspense>
        </main>
        {host === 'browser' && <DevPanel />}
      </div>
    </ToastProvider>
  );
}
