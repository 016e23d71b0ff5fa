// Deals: the active pipeline (stage, next touch, drifting, readiness of the next meeting), and the prospects behind it.
import { useMemo, useState } from 'react';
import type { Prospect } from '../../../shared/schema';
import { call, useQuery } from '../api/client';
import { Dialog } from '../components/Dialog';
import { EmptyState } from '../components/EmptyState';
import { useAction, useToast } from '../components/Toasts';
import { money, STAGE_NAMES } from '../labels';
import { hrefOf, navigate } from '../router';
import { DealForm } from './DealForm';
import { ProspectForm } from './ProspectForm';
import { DriftBadge, Due, ReadinessBadge } from './plan/bits';
import { formatDate, todayIn, zoneOf } from '../dates';
import { localDateOf } from '../../../shared/domain/time';

type DialogState = { kind: 'prospect'; prospect?: Prospect } | { kind: 'deal'; prospectId?: string } | null;

export function DealsScreen() {
  const [dialog, setDialog] = useState<DialogState>(null);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const overview = useQuery('deals.overview', { includeClosed: false });
  const prospects = useQuery('prospects.list', { query, includeArchived: showArchived });
  const allProspects = useQuery('prospects.list', { query: '', includeArchived: false });
  const settings = useQuery('settings.get', {});
  const zone = zoneOf(settings.data);
  const today = todayIn(zone);
  const run = useAction();
  const toast = useToast();

  const needle = query.trim().toLowerCase();
  const rows = useMemo(
    () =>
      (overview.data ?? []).filter((r) => !needle || r.matchText.includes(needle)),
    [overview.data, needle],
  );
  const drifting = rows.filter((r) => r.drift).length;

  const archiveProspect = (p: Prospect, archived: boolean) =>
    run(async () => {
      await call('prospects.archive', { id: p.id, archived });
      toast({
        kind: 'info',
        message: archived ? `${p.company} archived.` : `${p.company} restored.`,
        action: archived ? { label: 'Undo', run: () => void call('prospects.archive', { id: p.id, archived: false }) } : undefined,
      });
    });

  return (
    <section className="screen" aria-labelledby="deals-title">
      <header className="screen-header">
        <h1 id="deals-title">Deals</h1>
        <div className="screen-actions">
          <button type="button" className="secondary" onClick={() => setDialog({ kind: 'prospect' })}>
            New prospect
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'deal' })} disabled={!allProspects.data?.length}>
            New deal
          </button>
        </div>
      </header>

      <div className="plan-toolbar">
        <input
          type="search"
          aria-label="Search deals and prospects"
          placeholder="Search deal, company, contact or email"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {overview.data && (
          <span className="muted">
            {rows.length} active {rows.length === 1 ? 'deal' : 'deals'}
            {drifting > 0 && (
              <>
                {' · '}
                <strong className="plan-drift-count">{drifting} drifting</strong>
              </>
            )}
          </span>
        )}
      </div>

      {overview.data && overview.data.length === 0 ? (
        <EmptyState title="No active deals yet">
          <p>Add a prospect, then open a deal with them. Touchplan plans a first touch within one business day so no one waits.</p>
        </EmptyState>
      ) : overview.data && rows.length === 0 ? (
        <EmptyState title="No deal matches your search" />
      ) : (
        <table className="table plan-deals" aria-label="Active deals">
          <thead>
            <tr>
              <th>Deal</th>
              <th>Stage</th>
              <th className="num">Value</th>
              <th>Next touch</th>
              <th>Next meeting</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ deal, prospect, nextTouch, drift, nextMeeting }) => (
              <tr key={deal.id} className={drift ? 'plan-row-drifting' : undefined}>
                <td>
                  <a href={hrefOf({ screen: 'deal', id: deal.id })} className="plan-deal-link">
                    {deal.title}
                  </a>
                  <div className="muted">{prospect.company}</div>
                  <DriftBadge drift={drift} />
                </td>
                <td>
                  <span className={`stage stage-${deal.stage}`}>{STAGE_NAMES[deal.stage]}</span>
                </td>
                <td className="num">{money(deal.value)}</td>
                <td>
                  {nextTouch ? (
                    <>
                      <Due due={nextTouch.due} zone={zone} today={today} />
                      <div className="plan-clip">{nextTouch.title}</div>
                    </>
                  ) : (
                    <span className="muted">None planned</span>
                  )}
                </td>
                <td>
                  {nextMeeting ? (
                    <>
                      <a href={hrefOf({ screen: 'meeting', id: nextMeeting.id })}>{nextMeeting.title}</a>
                      <div className="muted">{formatDate(localDateOf(nextMeeting.start, zone))}</div>
                      <ReadinessBadge readiness={nextMeeting.readiness} />
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="section-header">
        <h2>Prospects</h2>
        <label className="check plan-check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          Show archived
        </label>
      </div>
      {prospects.data && prospects.data.length === 0 ? (
        <EmptyState title={query ? 'No prospect matches your search' : 'No prospects yet'}>
          {!query && <p>Every deal starts with a prospect: a company or person you are selling to.</p>}
        </EmptyState>
      ) : (
        <ul className="cards" aria-label="Prospects">
          {prospects.data?.map((prospect) => (
            <li key={prospect.id} className={prospect.archived ? 'card plan-archived' : 'card'}>
              <strong>
                {prospect.company}
                {prospect.archived && <span className="badge plan-badge-muted">Archived</span>}
              </strong>
              {prospect.website && <span className="muted">{prospect.website}</span>}
              <span className="muted">
                {prospect.contacts.length === 0
                  ? 'No contacts yet'
                  : prospect.contacts.map((c) => c.name + (c.role ? ` (${c.role})` : '')).join(', ')}
              </span>
              <div className="plan-card-actions">
                <button type="button" className="secondary plan-small" aria-label={`Edit ${prospect.company}`} onClick={() => setDialog({ kind: 'prospect', prospect })}>
                  Edit
                </button>
                {!prospect.archived && (
                  <button type="button" className="secondary plan-small" aria-label={`New deal with ${prospect.company}`} onClick={() => setDialog({ kind: 'deal', prospectId: prospect.id })}>
                    New deal
                  </button>
                )}
                <button
                  type="button"
                  className="secondary plan-small"
                  aria-label={`${prospect.archived ? 'Restore' : 'Archive'} ${prospect.company}`}
                  onClick={() => void archiveProspect(prospect, !prospect.archived)}
                >
                  {prospect.archived ? 'Restore' : 'Archive'}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      {dialog?.kind === 'prospect' && (
        <Dialog title={dialog.prospect ? `Edit ${dialog.prospect.company}` : 'New prospect'} onClose={() => setDialog(null)} wide>
          <ProspectForm prospect={dialog.prospect} onDone={() => setDialog(null)} />
        </Dialog>
      )}
      {dialog?.kind === 'deal' && (
        <Dialog title="New deal" onClose={() => setDialog(null)}>
          <DealForm
            prospectId={dialog.prospectId}
            onDone={(deal) => {
              setDialog(null);
              navigate({ screen: 'deal', id: deal.id });
            }}
          />
        </Dialog>
      )}
    </section>
  );
}
