// A deal's page: stage and value, what the prospect owes us, and the timeline of meetings, touches and debriefs.
import { useState } from 'react';
import { ACTION_LABELS, CHANNEL_LABELS } from '../../../../shared/domain/lint';
import { localDateOf } from '../../../../shared/domain/time';
import { DEAL_STAGES, type DealStage } from '../../../../shared/schema';
import type { TimelineItem } from '../../../../shared/contract/dealOverview';
import { call, useQuery } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { useAction, useToast } from '../../components/Toasts';
import { money, STAGE_NAMES } from '../../labels';
import { hrefOf, navigate } from '../../router';
import { DealForm } from '../DealForm';
import { ProspectForm } from '../ProspectForm';
import { DriftBadge, Due, OUTCOME_LABELS, ReadinessBadge } from './bits';
import { formatDate, formatMeetingTime, todayIn, zoneOf } from '../../dates';
import { MeetingForm } from './MeetingForm';
import { TouchForm } from './TouchForm';


export function DealPage({ id }: { id: string }) {
  const timeline = useQuery('deals.timeline', { id });
  const settings = useQuery('settings.get', {});
  const zone = zoneOf(settings.data);
  const today = todayIn(zone);
  const [dialog, setDialog] = useState<'meeting' | 'touch' | 'deal' | 'prospect' | null>(null);
  const run = useAction();
  const toast = useToast();

  if (timeline.error && !timeline.data) {
    return (
      <section className="screen">
        <EmptyState title="This deal does not exist" action={<button type="button" onClick={() => navigate({ screen: 'deals' })}>Back to Deals</button>}>
          <p>{timeline.error}</p>
        </EmptyState>
      </section>
    );
  }
  if (!timeline.data) return <section className="screen" aria-busy="true" />;
  const { deal, prospect, items, openCommitments, drift } = timeline.data;

  const setStage = (stage: DealStage) => run(() => call('deals.setStage', { id, stage }));
  const archive = () =>
    run(async () => {
      await call('deals.archive', { id, archived: !deal.archived });
      toast({ kind: 'info', message: deal.archived ? 'Deal restored.' : 'Deal archived: it no longer shows on the Deals screen.' });
    });

  return (
    <section className="screen" aria-labelledby="deal-title">
      <nav className="plan-crumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ screen: 'deals' })}>Deals</a> › <a href={hrefOf({ screen: 'prospect', id: prospect.id })}>{prospect.company}</a>
      </nav>
      <header className="screen-header plan-deal-header">
        <div>
          <h1 id="deal-title">{deal.title}</h1>
          <p className="muted plan-sub">
            {prospect.company} · {money(deal.value)}
            {deal.expectedClose && <> · expected close {formatDate(deal.expectedClose)}</>}
            {deal.archived && <span className="badge plan-badge-muted">Archived</span>}
          </p>
          <DriftBadge drift={drift} />
          {drift && <p className="plan-drift-text">{drift.message}</p>}
        </div>
        <div className="screen-actions plan-wrap">
          <label className="plan-inline-label">
            Stage
            <select aria-label="Stage" value={deal.stage} onChange={(e) => void setStage(e.target.value as DealStage)}>
              {DEAL_STAGES.map((s) => (
                <option key={s} value={s}>
                  {STAGE_NAMES[s]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="secondary" onClick={() => setDialog('deal')}>
            Edit deal
          </button>
          <button type="button" className="secondary" onClick={() => void archive()}>
            {deal.archived ? 'Restore deal' : 'Archive deal'}
          </button>
          <button type="button" className="secondary" onClick={() => setDialog('touch')}>
            Add touch
          </button>
          <button type="button" onClick={() => setDialog('meeting')}>
            Schedule meeting
          </button>
        </div>
      </header>

      <div className="plan-columns">
        <div>
          <h2>Timeline</h2>
          {items.length === 0 ? (
            <EmptyState title="Nothing yet">
              <p>Schedule the first meeting and plan its follow-up before it happens.</p>
            </EmptyState>
          ) : (
            <ol className="plan-timeline" aria-label="Timeline">
              {items.map((item) => (
                <TimelineEntry key={`${item.kind}-${itemId(item)}`} item={item} zone={zone} today={today} />
              ))}
            </ol>
          )}
        </div>
        <aside className="plan-side">
          <section className="plan-box" aria-labelledby="owed-title">
            <h2 id="owed-title">They committed to</h2>
            {openCommitments.length === 0 ? (
              <p className="muted">No open commitments by {prospect.company}.</p>
            ) : (
              <ul className="plan-commitments" aria-label="Open commitments">
                {openCommitments.map((c, i) => (
                  <li key={i}>
                    {c.text}
                    <div className="muted">
                      {c.due ? <>due {formatDate(c.due)}</> : 'no due date'} · from {c.meetingTitle}
                      {c.due && c.due < today && <span className="badge badge-warning">Overdue</span>}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="plan-box" aria-labelledby="contacts-title">
            <h2 id="contacts-title">Contacts</h2>
            {prospect.contacts.length === 0 ? (
              <p className="muted">No contacts yet.</p>
            ) : (
              <ul className="plan-contacts">
                {prospect.contacts.map((c) => (
                  <li key={c.id}>
                    <strong>{c.name}</strong> {c.role && <span className="muted">{c.role}</span>}
                    {c.email && <div className="muted">{c.email}</div>}
                    {c.phone && <div className="muted">{c.phone}</div>}
                  </li>
                ))}
              </ul>
            )}
            <button type="button" className="secondary plan-small" onClick={() => setDialog('prospect')}>
              Edit prospect
            </button>
          </section>
        </aside>
      </div>

      {dialog === 'meeting' && (
        <Dialog title="Schedule meeting" onClose={() => setDialog(null)} wide>
          <MeetingForm
            deal={deal}
            prospect={prospect}
            zone={zone}
            onDone={(meeting) => {
              setDialog(null);
              navigate({ screen: 'meeting', id: meeting.id });
            }}
          />
        </Dialog>
      )}
      {dialog === 'touch' && (
        <Dialog title="Add touch" onClose={() => setDialog(null)} wide>
          <TouchForm dealId={deal.id} zone={zone} onDone={() => setDialog(null)} />
        </Dialog>
      )}
      {dialog === 'deal' && (
        <Dialog title="Edit deal" onClose={() => setDialog(null)}>
          <DealForm deal={deal} onDone={() => setDialog(null)} />
        </Dialog>
      )}
      {dialog === 'prospect' && (
        <Dialog title={`Edit ${prospect.company}`} onClose={() => setDialog(null)} wide>
          <ProspectForm prospect={prospect} onDone={() => setDialog(null)} />
        </Dialog>
      )}
    </section>
  );
}

const itemId = (item: TimelineItem) => (item.kind === 'touch' ? item.touch.id : item.kind === 'meeting' ? item.meeting.id : item.meetingId);

function TimelineEntry({ item, zone, today }: { item: TimelineItem; zone: string; today: string }) {
  if (item.kind === 'meeting') {
    const m = item.meeting;
    return (
      <li className="plan-tl plan-tl-meeting">
        <span className="plan-tl-kind">Meeting</span>
        <div>
          <a href={hrefOf({ screen: 'meeting', id: m.id })}>
            <strong>{m.title}</strong>
          </a>{' '}
          <ReadinessBadge readiness={m.readiness} />
          <div className="muted">
            {formatMeetingTime(m, zone)}
            {m.location && ` · ${m.location}`}
          </div>
        </div>
      </li>
    );
  }
  if (item.kind === 'debrief') {
    const d = item.debrief;
    return (
      <li className="plan-tl plan-tl-debrief">
        <span className="plan-tl-kind">Debrief</span>
        <div>
          <strong>{OUTCOME_LABELS[d.outcome]}</strong> <span className="muted">· {item.meetingTitle} · {formatDate(localDateOf(item.at, zone))}</span>
          {d.notes && <p className="plan-notes">{d.notes}</p>}
          {d.ourCommitments.length > 0 && <div className="muted">We committed: {d.ourCommitments.map((c) => c.text).join('; ')}</div>}
          {d.theirCommitments.length > 0 && <div className="muted">They committed: {d.theirCommitments.map((c) => c.text).join('; ')}</div>}
        </div>
      </li>
    );
  }
  const t = item.touch;
  return (
    <li className={`plan-tl plan-tl-touch plan-status-${t.status}`}>
      <span className="plan-tl-kind">{t.status === 'planned' ? 'Touch' : t.status === 'done' ? 'Done' : 'Skipped'}</span>
      <div>
        <strong>{t.title}</strong> {t.locked && <span className="badge plan-badge-muted">Locked</span>}
        <div className="muted">
          <Due due={t.due} zone={zone} today={t.status === 'planned' ? today : '0000-00-00'} /> · {ACTION_LABELS[t.action]} · {CHANNEL_LABELS[t.channel]}
        </div>
        <div className="plan-value">{t.value}</div>
      </div>
    </li>
  );
}
