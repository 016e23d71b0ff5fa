// Screens that later work fills in. Each explains what will be here, so no page is ever blank.
import { EmptyState } from '../components/EmptyState';

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
