// Small pieces the planning screens share: the value lint warning, readiness, drift and due badges.
import { ACTION_LABELS, lintTouchText } from '../../../../shared/domain/lint';
import type { MeetingReadiness } from '../../../../shared/domain/readiness';
import type { DealDrift } from '../../../../shared/domain/drifting';
import type { TouchDue } from '../../../../shared/schema';
import { dueDate, formatDue } from '../../dates';

/** The inline warning for a chase phrase in a touch's title or value ("just checking in"). Warns; never blocks. */
export function LintWarning({ title, value }: { title?: string; value?: string }) {
  const warning = lintTouchText(value ?? '') ?? lintTouchText(title ?? '');
  if (!warning) return null;
  return (
    <div className="plan-lint" role="note" aria-label="Value warning">
      <strong>⚠ Not value yet.</strong> {warning.message}
      <div className="plan-lint-suggest">
        Try instead: {warning.suggestions.slice(0, 6).map((a) => ACTION_LABELS[a]).join(' · ')}
      </div>
    </div>
  );
}

export const OUTCOME_LABELS = { ideal: 'Ideal outcome reached', fallback: 'Fallback outcome reached', none: 'No outcome reached' } as const;

/** Where a meeting stands, in one badge: its plan before it, "Debrief due" after it, then the debrief's outcome. */
export function ReadinessBadge({ readiness }: { readiness: MeetingReadiness }) {
  switch (readiness.stage) {
    case 'cancelled':
      return <span className="badge badge-warning">Cancelled in your calendar</span>;
    case 'debriefed':
      return <span className="badge badge-ok">Debriefed · {OUTCOME_LABELS[readiness.outcome ?? 'none']}</span>;
    case 'debrief-due':
      return <span className="badge badge-warning">Debrief due</span>;
    case 'upcoming':
      return readiness.ready ? (
        <span className="badge badge-ok">Ready</span>
      ) : (
        <span className="badge badge-warning" title={readiness.missing.join('\n')}>
          Not ready · {readiness.missing.length} missing
        </span>
      );
  }
}

export function DriftBadge({ drift }: { drift: DealDrift | null }) {
  if (!drift) return null;
  const label = drift.reason === 'no-next-touch' ? 'Drifting: no next touch' : 'Drifting: late first touch';
  return (
    <span className="badge badge-danger" title={drift.message}>
      {label}
    </span>
  );
}

/** A due with a machine-readable date, flagged when overdue. */
export function Due({ due, zone, today }: { due: TouchDue; zone: string; today: string }) {
  const date = dueDate(due, zone);
  const overdue = date < today;
  return (
    <time dateTime={date} className={overdue ? 'plan-overdue' : undefined}>
      {formatDue(due, zone)}
      {overdue && <span className="plan-sr"> (overdue)</span>}
    </time>
  );
}
