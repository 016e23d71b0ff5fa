// Screens that later work fills in. Each explains what will be here, so no page is ever blank.
import { EmptyState } from '../components/EmptyState';
import { navigate } from '../router';

export function TodayScreen() {
  return (
    <section className="screen" aria-labelledby="today-title">
      <header className="screen-header">
        <h1 id="today-title">Today</h1>
      </header>
      <EmptyState
        title="Nothing to follow up today"
        action={
          <button type="button" onClick={() => navigate('deals')}>
            Go to Deals
          </button>
        }
      >
        <p>Overdue and today&apos;s touches, today&apos;s meetings and drifting deals will gather here every morning.</p>
      </EmptyState>
    </section>
  );
}

export function CalendarScreen() {
  return (
    <section className="screen" aria-labelledby="calendar-title">
      <header className="screen-header">
        <h1 id="calendar-title">Calendar</h1>
      </header>
      <EmptyState title="Your meetings and touches will show here">
        <p>Drag a touch to a new day to reschedule it, and the rest of its sequence can follow.</p>
      </EmptyState>
    </section>
  );
}

export function TemplatesScreen() {
  return (
    <section className="screen" aria-labelledby="templates-title">
      <header className="screen-header">
        <h1 id="templates-title">Templates</h1>
      </header>
      <EmptyState title="Follow-up templates">
        <p>Reusable sequences of touches, planned in business days after a meeting.</p>
      </EmptyState>
    </section>
  );
}
