// Create or edit a deal: prospect, title, value, stage and expected close.
import { useState, type FormEvent } from 'react';
import { DEAL_STAGES, type Deal, type DealStage } from '../../../shared/schema';
import { call, useQuery } from '../api/client';
import { FormError, useFormAction } from '../components/Toasts';
import { STAGE_NAMES } from '../labels';

export function DealForm({ deal, prospectId, onDone }: { deal?: Deal; prospectId?: string; onDone: (saved: Deal) => void }) {
  const { run, error } = useFormAction();
  const prospects = useQuery('prospects.list', { query: '', includeArchived: false });
  const [prospect, setProspect] = useState(deal?.prospectId ?? prospectId ?? '');
  const [title, setTitle] = useState(deal?.title ?? '');
  const [value, setValue] = useState(String(deal?.value ?? ''));
  const [stage, setStage] = useState<DealStage>(deal?.stage ?? 'discovery');
  const [expectedClose, setExpectedClose] = useState(deal?.expectedClose ?? '');
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const fields = { title, value: value.trim() === '' ? 0 : Number(value), stage, expectedClose: expectedClose || null };
    await run(async () => {
      const saved = deal
        ? await call('deals.update', { id: deal.id, patch: fields })
        : await call('deals.create', { ...fields, prospectId: prospect });
      onDone(saved);
    });
    setSaving(false);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {!deal && (
        <label>
          Prospect
          <select value={prospect} onChange={(e) => setProspect(e.target.value)} required>
            <option value="">Choose a prospect…</option>
            {prospects.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.company}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Deal title
        <input value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
      </label>
      <div className="form-row">
        <label>
          Value
          <input type="number" min="0" step="any" value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <label>
          Stage
          <select value={stage} onChange={(e) => setStage(e.target.value as DealStage)}>
            {DEAL_STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Expected close
          <input type="date" value={expectedClose} onChange={(e) => setExpectedClose(e.target.value)} />
        </label>
      </div>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {deal ? 'Save deal' : 'Create deal'}
        </button>
      </div>
    </form>
  );
}
