// Deals: the active pipeline, and the prospects behind it.
import { useState } from 'react';
import { useQuery } from '../api/client';
import { Dialog } from '../components/Dialog';
import { EmptyState } from '../components/EmptyState';
import { money, STAGE_NAMES } from '../labels';
import { DealForm } from './DealForm';
import { ProspectForm } from './ProspectForm';

export function DealsScreen() {
  const [dialog, setDialog] = useState<'prospect' | 'deal' | null>(null);
  const [query, setQuery] = useState('');
  const deals = useQuery('deals.list', { includeClosed: false });
  const prospects = useQuery('prospects.list', { query, includeArchived: false });
  const allProspects = useQuery('prospects.list', { query: '', includeArchived: true });
  const companyOf = (id: string) => allProspects.data?.find((p) => p.id === id)?.company ?? '…';

  return (
    <section className="screen" aria-labelledby="deals-title">
      <header className="screen-header">
        <h1 id="deals-title">Deals</h1>
        <div className="screen-actions">
          <button type="button" className="secondary" onClick={() => setDialog('prospect')}>
            New prospect
          </button>
          <button type="button" onClick={() => setDialog('deal')} disabled={!allProspects.data?.length}>
            New deal
          </button>
        </div>
      </header>

      {deals.data && deals.data.length === 0 ? (
        <EmptyState title="No active deals yet">
          <p>Add a prospect, then open a deal with them. Touchplan plans a first touch within one business day so no one waits.</p>
        </EmptyState>
      ) : (
        <table className="table" aria-label="Active deals">
          <thead>
            <tr>
              <th>Deal</th>
              <th>Prospect</th>
              <th>Stage</th>
              <th className="num">Value</th>
            </tr>
          </thead>
          <tbody>
            {deals.data?.map((deal) => (
              <tr key={deal.id}>
                <td>{deal.title}</td>
                <td>{companyOf(deal.prospectId)}</td>
                <td>
                  <span className={`stage stage-${deal.stage}`}>{STAGE_NAMES[deal.stage]}</span>
                </td>
                <td className="num">{money(deal.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="section-header">
        <h2>Prospects</h2>
        <input
          type="search"
          aria-label="Search prospects"
          placeholder="Search company, contact or email"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {prospects.data && prospects.data.length === 0 ? (
        <EmptyState title={query ? 'No prospect matches your search' : 'No prospects yet'}>
          {!query && <p>Every deal starts with a prospect: a company or person you are selling to.</p>}
        </EmptyState>
      ) : (
        <ul className="cards" aria-label="Prospects">
          {prospects.data?.map((prospect) => (
            <li key={prospect.id} className="card">
              <strong>{prospect.company}</strong>
              {prospect.website && <span className="muted">{prospect.website}</span>}
              <span className="muted">
                {prospect.contacts.length === 0
                  ? 'No contacts yet'
                  : prospect.contacts.map((c) => c.name + (c.role ? ` (${c.role})` : '')).join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}

      {dialog === 'prospect' && (
        <Dialog title="New prospect" onClose={() => setDialog(null)}>
          <ProspectForm onDone={() => setDialog(null)} />
        </Dialog>
      )}
      {dialog === 'deal' && (
        <Dialog title="New deal" onClose={() => setDialog(null)}>
          <DealForm onDone={() => setDialog(null)} />
        </Dialog>
      )}
    </section>
  );
}
