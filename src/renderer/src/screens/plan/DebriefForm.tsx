// The debrief: which outcome was reached, what each side committed to, notes, then adapt the rest of the sequence.
import { useState, type FormEvent } from 'react';
import { addBusinessDays } from '../../../../shared/domain/businessDays';
import type { Meeting, Settings } from '../../../../shared/schema';
import { call, useQuery } from '../../api/client';
import { FormError, useFormAction } from '../../components/Toasts';
import { todayIn } from '../../dates';

interface CommitmentDraft {
  text: string;
  due: string;
}

function Commitments({
  legend,
  who,
  items,
  onChange,
  defaultDue,
  hint,
}: {
  legend: string;
  who: string;
  items: CommitmentDraft[];
  onChange: (items: CommitmentDraft[]) => void;
  defaultDue: string;
  hint: string;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p className="muted plan-fieldset-hint">{hint}</p>
      {items.map((item, index) => (
        <div key={index} className="plan-commitment-row">
          <input
            aria-label={`${who} commitment ${index + 1}`}
            value={item.text}
            placeholder="What was promised"
            onChange={(e) => onChange(items.map((it, i) => (i === index ? { ...it, text: e.target.value } : it)))}
          />
          <input
            type="date"
            aria-label={`${who} commitment ${index + 1} due`}
            value={item.due}
            onChange={(e) => onChange(items.map((it, i) => (i === index ? { ...it, due: e.target.value } : it)))}
          />
          <button type="button" className="ghost" aria-label={`Remove ${who.toLowerCase()} commitment ${index + 1}`} onClick={() => onChange(items.filter((_, i) => i !== index))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="secondary plan-small" onClick={() => onChange([...items, { text: '', due: defaultDue }])}>
        Add {who.toLowerCase()} commitment
      </button>
    </fieldset>
  );
}

export function DebriefForm({ meeting, zone, settings, onDone }: { meeting: Meeting; zone: string; settings: Settings | undefined; onDone: (message: string) => void }) {
  const templates = useQuery('templates.list', {});
  const { run, error } = useFormAction();
  const existing = meeting.debrief;
  const defaultDue = settings ? addBusinessDays(todayIn(zone), 1, settings) : todayIn(zone);
  const [outcome, setOutcome] = useState<'ideal' | 'fallback' | 'none'>(existing?.outcome ?? 'ideal');
  const [ours, setOurs] = useState<CommitmentDraft[]>(existing?.ourCommitments.map((c) => ({ text: c.text, due: c.due ?? '' })) ?? []);
  const [theirs, setTheirs] = useState<CommitmentDraft[]>(existing?.theirCommitments.map((c) => ({ text: c.text, due: c.due ?? '' })) ?? []);
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [mode, setMode] = useState<'keep' | 'replace'>('keep');
  const [templateId, setTemplateId] = useState('');
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    await run(async () => {
      if (mode === 'replace' && !templateId) throw new Error('Choose the template that replaces the rest of the sequence.');
      const toCommitments = (items: CommitmentDraft[]) =>
        items.filter((c) => c.text.trim()).map((c) => ({ text: c.text.trim(), due: c.due || null }));
      const result = await call('meetings.debrief', {
        id: meeting.id,
        outcome,
        ourCommitments: toCommitments(ours),
        theirCommitments: toCommitments(theirs),
        notes,
        adapt: mode === 'replace' ? { mode: 'replace', templateId } : { mode: 'keep' },
      });
      onDone(
        `Debrief saved: ${result.created.length} ${result.created.length === 1 ? 'touch' : 'touches'} planned` +
          (mode === 'replace' ? `, ${result.removed.length} replaced.` : '.'),
      );
    });
    setSaving(false);
  };

  return (
    <form className="form plan-debrief-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Outcome reached</legend>
        <div className="plan-radios" role="radiogroup" aria-label="Outcome reached">
          {(
            [
              ['ideal', 'Ideal', meeting.callPlan.idealOutcome],
              ['fallback', 'Fallback', meeting.callPlan.fallbackOutcome],
              ['none', 'None', 'Neither outcome was reached'],
            ] as const
          ).map(([value, label, detail]) => (
            <label key={value} className="check plan-radio">
              <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
              <span>
                <strong>{label}</strong>
                {detail && <span className="muted"> · {detail}</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Commitments
        legend="Commitments by us"
        who="Our"
        items={ours}
        onChange={setOurs}
        defaultDue={defaultDue}
        hint="Each becomes a “Deliver what was promised” touch on its due date."
      />
      <Commitments
        legend="Commitments by them"
        who="Their"
        items={theirs}
        onChange={setTheirs}
        defaultDue={defaultDue}
        hint="They show on the deal and carry over into the next call plan."
      />
      <label>
        Notes
        <textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <fieldset>
        <legend>Adapt the rest of the sequence</legend>
        <label className="check">
          <input type="radio" name="adapt" checked={mode === 'keep'} onChange={() => setMode('keep')} />
          Keep the remaining sequence
        </label>
        <label className="check">
          <input type="radio" name="adapt" checked={mode === 'replace'} onChange={() => setMode('replace')} />
          Replace the remaining planned, unlocked touches with a template, from today
        </label>
        {mode === 'replace' && (
          <label>
            Replacement template
            <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              <option value="">Choose a template…</option>
              {templates.data?.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          Save debrief
        </button>
      </div>
    </form>
  );
}
