import { DevPanel } from './components/DevPanel';
import { EmptyState } from './components/EmptyState';
import { Notices } from './components/Notices';
import { ToastProvider } from './components/Toasts';
import { useQuery } from './api/client';
import { hrefOf, SCREENS, useRoute, type Route } from './router';
import { useTheme } from './theme';
import { DealsScreen } from './screens/DealsScreen';
import { TodayEvents, TodayScreen } from './screens/today/TodayScreen';
import { TemplatesScreen } from './screens/plan/TemplatesScreen';
import { DealPage } from './screens/plan/DealPage';
import { MeetingPage } from './screens/plan/MeetingPage';
import { ProspectPage } from './screens/plan/ProspectPage';
import { CalendarScreen } from './screens/calendar/CalendarScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ImportExportScreen } from './screens/ImportExportScreen';

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
          <Screen route={route} />
        </main>
        {host === 'browser' && <DevPanel />}
      </div>
    </ToastProvider>
  );
}
