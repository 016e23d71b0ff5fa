// The call plan: needs, ideal and fallback outcome, the call to action, questions, storyline, objections and
// what the prospect committed to last time.
import { useState, type FormEvent } from 'react';
import type { CarriedCommitment } from '../../../../shared/contract/meetings';
import type { CallPlan } from '../../../../shared/schema';
import { call } from '../../api/client';
import { useAction, useToast } from '../../components/Toasts';
import { useLeaveGuard } from '../../router';
import { ListEditor } from './ListEditor';

const clean = (items: string[]) => items.map((i) => i.trim()).filter(Boolean);

export function CallPlanEditor({ meetingId, plan, carried }: { meetingId: string; plan: CallPlan; carried: CarriedCommitment[] }) {
  const [draft, setDraft] = useState<CallPlan>(plan);
  const [saving, setSaving] = useState(false);
  const run = useAction();
  const toast = useToast();
  const set = <K extends keyof CallPlan>(key: K, value: CallPlan[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const dirty = JSON.stringify(draft) !== JSON.stringify(plan);
  useLeaveGuard(dirty && !saving ? 'The call plan has changes that are not saved. Leave without saving them?' : null);
  const missingCarried = carried
    .map((c) => (c.due ? `${c.text} (due ${c.due})` : c.text))
    .filter((text) => !draft.carriedCommitments.includes(text));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const ok = await run(() =>
      call('meetings.update', {
        id: meetingId,
        patch: {
          callPlan: {
            ...draft,
            discoveryQuestions: clean(draft.discoveryQuestions),
            objections: clean(draft.objections),
            carriedCommitments: clean(draft.carriedCommitments),
          },
        },
      }),
    );
    setSaving(false);
    if (ok) toast({ kind: 'info', message: 'Call plan saved.' });
  };

  return (
    <form className="form plan-callplan" onSubmit={submit} aria-label="Call plan" noValidate>
      <div className="plan-grid-2">
        <label>
          Client needs and context
          <textarea rows={3} value={draft.needs} onChange={(e) => set('needs', e.target.value)} placeholder="What they need, why now, who decides" />
        </label>
        <label>
          Positioning storyline
          <textarea rows={3} value={draft.storyline} onChange={(e) => set('storyline', e.target.value)} placeholder="The story that links their needs to what you bring" />
        </label>
      </div>
      <div className="plan-grid-3">
        <label>
          Ideal outcome
          <textarea rows={2} value={draft.idealOutcome} onChange={(e) => set('idealOutcome', e.target.value)} placeholder="The commitment that moves the deal furthest and fastest" />
        </label>
        <label>
          Fallback outcome
          <textarea rows={2} value={draft.fallbackOutcome} onChange={(e) => set('fallbackOutcome', e.target.value)} placeholder="The least that still counts as progress" />
        </label>
        <label className="plan-cta">
          Call to action
          <textarea rows={2} value={draft.callToAction} onChange={(e) => set('callToAction', e.target.value)} placeholder="The exact commitment you will ask for" />
        </label>
      </div>
      <div className="plan-grid-3">
        <ListEditor
          label="Discovery questions"
          itemLabel="Discovery question"
          addLabel="Add question"
          items={draft.discoveryQuestions}
          onChange={(items) => set('discoveryQuestions', items)}
        />
        <ListEditor
          label="Expected objections"
          itemLabel="Objection"
          addLabel="Add objection"
          items={draft.objections}
          onChange={(items) => set('objections', items)}
        />
        <ListEditor
          label="They committed to last time"
          itemLabel="Carried commitment"
          addLabel="Add commitment"
          items={draft.carriedCommitments}
          onChange={(items) => set('carriedCommitments', items)}
        />
      </div>
      {missingCarried.length > 0 && (
        <p className="plan-hint">
          From the previous debrief: {missingCarried.join('; ')}.{' '}
          <button type="button" className="secondary plan-small" onClick={() => set('carriedCommitments', [...draft.carriedCommitments, ...missingCarried])}>
            Carry them over
          </button>
        </p>
      )}
      <div className="form-actions">
        {dirty && <span className="muted plan-unsaved">Unsaved changes</span>}
        <button type="submit" disabled={saving || !dirty}>
          Save call plan
        </button>
      </div>
    </form>
  );
}
