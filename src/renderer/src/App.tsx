import { DevPanel } from './components/DevPanel';
import { Notices } from './components/Notices';
import { ToastProvider } from './components/Toasts';
import { SCREENS, useRoute } from './router';
import { useTheme } from './theme';
import { useQuery } from './api/client';
import { DealsScreen } from './screens/DealsScreen';
import { TodayEvents, TodayScreen } from './screens/today/TodayScreen';
import { TemplatesScreen } from './screens/plan/TemplatesScreen';
import { DealPage } from './screens/plan/DealPage';
import { MeetingPage } from './screens/plan/MeetingPage';
import { CalendarScreen } from './screens/calendar/CalendarScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ImportExportScreen } from './screens/ImportExportScreen';

function Screen({ screen, id }: { screen: string; id?: string }) {
  switch (screen) {
    case 'calendar':
      return <CalendarScreen />;
    case 'deals':
      return id ? <DealPage key={id} id={id} /> : <DealsScreen />;
    case 'meetings':
      return id ? <MeetingPage key={id} id={id} /> : <DealsScreen />;
    case 'templates':
      return <TemplatesScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'import':
      return <ImportExportScreen />;
    default:
      return <TodayScreen />;
  }
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
              <li key={s.path}>
                <a href={`#/${s.path}`} aria-current={route.screen === s.path ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="main">
          <Notices />
          <TodayEvents />
          <Screen screen={route.screen} id={route.id} />
        </main>
        {host === 'browser' && <DevPanel />}
      </div>
    </ToastProvider>
  );
}
