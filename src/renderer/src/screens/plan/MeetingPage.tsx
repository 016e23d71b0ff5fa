// A meeting's page: details, readiness, the call plan, the follow-up sequence (plan, preview, lock, edit),
// the printable brief and the debrief.
import { useState } from 'react';
import { ACTION_LABELS, CHANNEL_LABELS } from '../../../../shared/domain/lint';
import type { Touch } from '../../../../shared/schema';
import { call, useQuery } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { useAction, useToast } from '../../components/Toasts';
import { hrefOf, navigate } from '../../router';
import { Due, LintWarning, OUTCOME_LABELS } from './bits';
import { BriefButtons } from './BriefButtons';
import { CallPlanEditor } from './CallPlanEditor';
import { DebriefForm } from './DebriefForm';
import { formatDate, formatMeetingTime, todayIn, zoneOf } from '../../dates';
import { MeetingForm } from './MeetingForm';
import { PlanFollowUp } from './PlanFollowUp';
import { TouchForm } from './TouchForm';
import { localDateOf } from '../../../../shared/domain/time';

type DialogState = { kind: 'details' } | { kind: 'touch'; touch?: Touch } | { kind: 'debrief' } | { kind: 'delete' } | null;

export function MeetingPage({ id }: { id: string }) {
  const detail = useQuery('meetings.get', { id });
  const settings = useQuery('settings.get', {});
  const zone = zoneOf(settings.data);
  const today = todayIn(zone);
  const [dialog, setDialog] = useState<DialogState>(null);
  const run = useAction();
  const toast = useToast();

  if (detail.error && !detail.data) {
    return (
      <section className="screen">
        <EmptyState title="This meeting does not exist" action={<button type="button" onClick={() => navigate({ screen: 'deals' })}>Back to Deals</button>}>
          <p>{detail.error}</p>
        </EmptyState>
      </section>
    );
  }
  if (!detail.data) return <section className="screen" aria-busy="true" />;
  const { meeting, readiness, deal, prospect, touches, carriedCommitments } = detail.data;
  const contacts = new Map(prospect?.contacts.map((c) => [c.id, c]) ?? []);
  const attendees = meeting.attendeeIds.map((a) => contacts.get(a)).filter((c) => c !== undefined);
  const meetingDate = localDateOf(meeting.start, zone);

  const toggleLock = (t: Touch) => run(() => call('touches.setLocked', { id: t.id, locked: !t.locked }));
  // Deleting is one click, so it can be undone: the toast's Undo plans the same touch again.
  const removeTouch = (t: Touch) =>
    run(async () => {
      await call('touches.delete', { id: t.id });
      const { dealId } = t;
      const restore = () =>
        void run(() =>
          call('touches.create', { dealId: dealId as string, meetingId: t.meetingId, due: t.due, channel: t.channel, action: t.action, title: t.title, value: t.value, locked: t.locked }),
        );
      toast({ kind: 'info', message: `"${t.title}" deleted.`, action: dealId ? { label: 'Undo', run: restore } : undefined });
    });

  return (
    <section className="screen plan-meeting" aria-labelledby="meeting-title">
      <nav className="plan-crumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ screen: 'deals' })}>Deals</a>
        {deal && (
          <>
            {' › '}
            <a href={hrefOf({ screen: 'deal', id: deal.id })}>
              {prospect?.company}: {deal.title}
            </a>
          </>
        )}
      </nav>
      <header className="screen-header">
        <div>
          <h1 id="meeting-title">{meeting.title}</h1>
          <p className="muted plan-sub">
            {formatMeetingTime(meeting, zone)}
            {meeting.location && ` · ${meeting.location}`}
          </p>
          <p className="muted plan-sub">
            {attendees.length ? `With ${attendees.map((c) => c.name + (c.role ? ` (${c.role})` : '')).join(', ')}` : 'No attendees chosen'}
          </p>
        </div>
        <div className="screen-actions plan-wrap">
          <button type="button" className="secondary" onClick={() => setDialog({ kind: 'details' })} disabled={!deal || !prospect}>
            Edit details
          </button>
          <BriefButtons meetingId={meeting.id} />
          <button type="button" className="secondary" onClick={() => setDialog({ kind: 'delete' })}>
            Delete
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'debrief' })} disabled={!deal}>
            {meeting.debrief ? 'Edit debrief' : 'Debrief'}
          </button>
        </div>
      </header>

      {meeting.cancelledAt && (
        <p className="plan-cancelled" role="note">
          <strong>Cancelled in your calendar.</strong> The meeting stays here with its plan and history; its planned follow-ups
          are below to skip or keep.
        </p>
      )}

      {readiness.stage === 'upcoming' && (
      <section
        className={readiness.ready ? 'plan-readiness plan-ready' : 'plan-readiness plan-not-ready'}
        aria-labelledby="readiness-title"
        aria-live="polite"
      >
        <h2 id="readiness-title">Readiness</h2>
        {readiness.ready ? (
          <p>
            <strong>Ready.</strong> The outcome, the call to action and the first follow-up are planned.
          </p>
        ) : (
          <>
            <p>
              <strong>Not ready yet.</strong> Before the meeting:
            </p>
            <ul>
              {readiness.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      )}
      {readiness.stage === 'debrief-due' && (
        <section className="plan-readiness plan-not-ready" aria-labelledby="readiness-title">
          <h2 id="readiness-title">Debrief due</h2>
          <p>
            <strong>The meeting is over.</strong> Record how it went: the outcome, what each side committed to, and what follows.
          </p>
        </section>
      )}

      {meeting.debrief && (
        <section className="plan-box plan-debrief" aria-labelledby="debrief-title">
          <h2 id="debrief-title">Debrief · {OUTCOME_LABELS[meeting.debrief.outcome]}</h2>
          {meeting.debrief.notes && <p className="plan-notes">{meeting.debrief.notes}</p>}
          <div className="plan-outcomes">
            <div>
              <h3>We committed to</h3>
              {meeting.debrief.ourCommitments.length ? (
                <ul>
                  {meeting.debrief.ourCommitments.map((c, i) => (
                    <li key={i}>
                      {c.text} {c.due && <span className="muted">· {formatDate(c.due)}</span>}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Nothing.</p>
              )}
            </div>
            <div>
              <h3>They committed to</h3>
              {meeting.debrief.theirCommitments.length ? (
                <ul>
                  {meeting.debrief.theirCommitments.map((c, i) => (
                    <li key={i}>
                      {c.text} {c.due && <span className="muted">· {formatDate(c.due)}</span>}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Nothing.</p>
              )}
            </div>
          </div>
        </section>
      )}

      <section className="plan-box" aria-labelledby="callplan-title">
          <h2 id="callplan-title">Call plan</h2>
        <CallPlanEditor key={meeting.updatedAt} meetingId={meeting.id} plan={meeting.callPlan} carried={carriedCommitments} />
      </section>

      <section className="plan-box" aria-labelledby="sequence-title">
            <h2 id="sequence-title">Follow-up sequence</h2>
            {touches.length === 0 ? (
              <p className="muted">No touches yet. Plan the follow-up now, before the meeting: pick a template below or add touches one by one.</p>
            ) : (
              <table className="table plan-touches" aria-label="Follow-up sequence">
                <thead>
                  <tr>
                    <th className="plan-col-due">Due</th>
                    <th>Touch</th>
                    <th className="plan-col-actions">
                      <span className="plan-sr">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {touches.map((t) => (
                    <tr key={t.id} className={`plan-status-${t.status}`}>
                      <td className="plan-nowrap">
                        <Due due={t.due} zone={zone} today={t.status === 'planned' ? today : '0000-00-00'} />
                        {t.status !== 'planned' && <div className="badge plan-badge-muted">{t.status === 'done' ? 'Done' : 'Skipped'}</div>}
                      </td>
                      <td>
                        <strong>{t.title}</strong>
                        <div className="muted">
                          {ACTION_LABELS[t.action]} · {CHANNEL_LABELS[t.channel]}
                        </div>
                        <div className="plan-value">{t.value}</div>
                        <LintWarning title={t.title} value={t.value} />
                      </td>
                      <td className="plan-row-actions">
                        <button
                          type="button"
                          className={t.locked ? 'plan-lock plan-locked' : 'plan-lock'}
                          aria-pressed={t.locked}
                          aria-label={`Lock ${t.title}`}
                          title={t.locked ? 'Locked: no shift or adaptation moves it' : 'Lock so that no shift or adaptation moves it'}
                          onClick={() => void toggleLock(t)}
                        >
                          {t.locked ? 'Locked' : 'Lock'}
                        </button>
                        <button type="button" className="secondary plan-small" aria-label={`Edit ${t.title}`} onClick={() => setDialog({ kind: 'touch', touch: t })}>
                          Edit
                        </button>
                        <button type="button" className="ghost" aria-label={`Delete ${t.title}`} onClick={() => void removeTouch(t)}>
                          ×
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
      {deal ? (
        <PlanFollowUp meetingId={meeting.id} zone={zone} onAddTouch={() => setDialog({ kind: 'touch' })} />
      ) : (
        <p className="plan-hint">Link this meeting to a deal to plan its follow-up.</p>
      )}

      {dialog?.kind === 'details' && deal && prospect && (
        <Dialog title="Edit meeting" onClose={() => setDialog(null)} wide>
          <MeetingForm deal={deal} prospect={prospect} meeting={meeting} zone={zone} onDone={() => setDialog(null)} />
        </Dialog>
      )}
      {dialog?.kind === 'touch' && deal && (
        <Dialog title={dialog.touch ? 'Edit touch' : 'Add touch'} onClose={() => setDialog(null)} wide>
          <TouchForm dealId={deal.id} meetingId={meeting.id} touch={dialog.touch} zone={zone} defaultDate={dialog.touch ? undefined : meetingDate >= today ? meetingDate : undefined} onDone={() => setDialog(null)} />
        </Dialog>
      )}
      {dialog?.kind === 'debrief' && (
        <Dialog title="Debrief" onClose={() => setDialog(null)} wide>
          <DebriefForm
            meeting={meeting}
            zone={zone}
            settings={settings.data}
            onDone={(message) => {
              setDialog(null);
              toast({ kind: 'info', message });
            }}
          />
        </Dialog>
      )}
      {dialog?.kind === 'delete' && (
        <Dialog title="Delete meeting" onClose={() => setDialog(null)}>
          <p>
            Delete “{meeting.title}”? Its {touches.filter((t) => t.status === 'planned').length} planned touches are deleted with it; done and
            skipped ones stay in the deal&apos;s history.
          </p>
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setDialog(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() =>
                void run(async () => {
                  await call('meetings.delete', { id: meeting.id });
                  setDialog(null);
                  navigate(deal ? { screen: 'deal', id: deal.id } : { screen: 'deals' });
                })
              }
            >
              Delete meeting
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
