// A prospect's page: its contacts and notes, its deals (open and closed), the meetings of those deals and its
// touches. Today's "Open" leads here for a touch with no deal.
import { useState } from 'react';
import { ACTION_LABELS, CHANNEL_LABELS } from '../../../../shared/domain/lint';
import type { Deal } from '../../../../shared/schema';
import { useQuery } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { formatMeetingTime, todayIn, zoneOf } from '../../dates';
import { money, STAGE_NAMES } from '../../labels';
import { hrefOf, navigate } from '../../router';
import { ProspectForm } from '../ProspectForm';
import { Due } from './bits';

export function ProspectPage({ id }: { id: string }) {
  const prospect = useQuery('prospects.get', { id });
  const deals = useQuery('deals.list', { prospectId: id, includeClosed: true });
  const touches = useQuery('touches.list', { prospectId: id });
  const zone = zoneOf(useQuery('settings.get', {}).data);
  const today = todayIn(zone);
  const [editing, setEditing] = useState(false);

  if (prospect.error && !prospect.data) {
    return (
      <section className="screen">
        <EmptyState title="This prospect does not exist" action={<button type="button" onClick={() => navigate({ screen: 'deals' })}>Back to Deals</button>}>
          <p>{prospect.error}</p>
        </EmptyState>
      </section>
    );
  }
  if (!prospect.data) return <section className="screen" aria-busy="true" />;
  const p = prospect.data;
  const planned = (touches.data ?? []).filter((t) => t.status === 'planned');

  return (
    <section className="screen" aria-labelledby="prospect-title">
      <nav className="plan-crumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ screen: 'deals' })}>Deals</a> › {p.company}
      </nav>
      <header className="screen-header">
        <div>
          <h1 id="prospect-title">{p.company}</h1>
          <p className="muted plan-sub">
            {p.website || 'No website'}
            {p.archived && <span className="badge plan-badge-muted">Archived</span>}
          </p>
        </div>
        <div className="screen-actions">
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            Edit prospect
          </button>
        </div>
      </header>
      <div className="plan-columns">
        <div>
          <section className="plan-box" aria-labelledby="prospect-deals">
            <h2 id="prospect-deals">Deals</h2>
            {deals.data?.length ? (
              <ul className="plan-contacts">
                {deals.data.map((deal) => (
                  <ProspectDeal key={deal.id} deal={deal} zone={zone} />
                ))}
              </ul>
            ) : (
              <p className="muted">No deal with {p.company} yet.</p>
            )}
          </section>
          <section className="plan-box" aria-labelledby="prospect-touches">
            <h2 id="prospect-touches">Planned touches</h2>
            {planned.length ? (
              <ul className="plan-contacts">
                {planned.map((t) => (
                  <li key={t.id}>
                    <strong>{t.title}</strong>
                    <div className="muted">
                      <Due due={t.due} zone={zone} today={today} /> · {ACTION_LABELS[t.action]} · {CHANNEL_LABELS[t.channel]}
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No planned touch.</p>
            )}
          </section>
        </div>
        <aside className="plan-side" aria-label="About the prospect">
          <section className="plan-box" aria-labelledby="prospect-contacts">
            <h2 id="prospect-contacts">Contacts</h2>
            {p.contacts.length ? (
              <ul className="plan-contacts">
                {p.contacts.map((c) => (
                  <li key={c.id}>
                    <strong>{c.name}</strong>
                    {c.role && <span className="muted"> · {c.role}</span>}
                    {(c.email || c.phone) && <div className="muted">{[c.email, c.phone].filter(Boolean).join(' · ')}</div>}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No contacts yet.</p>
            )}
          </section>
          <section className="plan-box" aria-labelledby="prospect-notes">
            <h2 id="prospect-notes">Notes</h2>
            {p.notes ? <p className="plan-notes">{p.notes}</p> : <p className="muted">No notes.</p>}
          </section>
        </aside>
      </div>
      {editing && (
        <Dialog title={`Edit ${p.company}`} onClose={() => setEditing(false)} wide>
          <ProspectForm prospect={p} onDone={() => setEditing(false)} />
        </Dialog>
      )}
    </section>
  );
}

/** One deal with its meetings. */
function ProspectDeal({ deal, zone }: { deal: Deal; zone: string }) {
  const meetings = useQuery('meetings.list', { dealId: deal.id });
  return (
    <li>
      <a className="plan-deal-link" href={hrefOf({ screen: 'deal', id: deal.id })}>
        {deal.title}
      </a>{' '}
      <span className="stage">{STAGE_NAMES[deal.stage]}</span> <span className="muted">· {money(deal.value)}</span>
      {meetings.data && meetings.data.length > 0 && (
        <ul className="plan-list">
          {meetings.data.map((m) => (
            <li key={m.id}>
              <a href={hrefOf({ screen: 'meeting', id: m.id })}>{m.title}</a> <span className="muted">· {formatMeetingTime(m, zone)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
