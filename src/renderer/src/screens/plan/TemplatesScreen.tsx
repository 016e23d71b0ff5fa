// Templates: reusable follow-up sequences in business days after a meeting. Built-ins can be duplicated, not
// changed; the rep's own can be edited (steps added, reordered, removed), duplicated and deleted.
import { ActionField, ChannelField } from '../../components/TouchKindFields';
import { useState, type FormEvent } from 'react';
import { ACTION_LABELS, CHANNEL_LABELS } from '../../../../shared/domain/lint';
import { type Action, type Channel, type Template } from '../../../../shared/schema';
import type { TemplateStepInput } from '../../../../shared/contract/templates';
import { call, useQuery } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FormError, useAction, useFormAction, useToast } from '../../components/Toasts';
import { LintWarning } from './bits';

type StepDraft = { id?: string; offsetDays: string; time: string; channel: Channel; action: Action; title: string; value: string };
const toDraft = (s: Template['steps'][number]): StepDraft => ({ ...s, offsetDays: String(s.offsetDays), time: s.time ?? '' });
const blankStep = (offset: number): StepDraft => ({ offsetDays: String(offset), time: '', channel: 'email', action: 'recap', title: '', value: '' });

const offsetText = (days: number) => (days === 0 ? 'Same business day' : `+${days} business ${days === 1 ? 'day' : 'days'}`);

export function TemplatesScreen() {
  const templates = useQuery('templates.list', {});
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const run = useAction();
  const toast = useToast();

  const duplicate = (t: Template) =>
    run(async () => {
      const copy = await call('templates.duplicate', { id: t.id });
      toast({ kind: 'info', message: `“${copy.name}” created.` });
      setEditing(copy);
    });

  return (
    <section className="screen" aria-labelledby="templates-title">
      <header className="screen-header">
        <h1 id="templates-title">Templates</h1>
        <div className="screen-actions">
          <button type="button" onClick={() => setEditing('new')}>
            New template
          </button>
        </div>
      </header>
      <p className="muted plan-intro">
        A template is a follow-up sequence you can plan from any meeting: each step is a number of business days after the meeting, with an
        optional time inside your working hours, a channel, a milestone action and the value it brings the prospect.
      </p>
      <ul className="plan-templates" aria-label="Templates">
        {templates.data?.map((t) => (
          <li key={t.id} className="plan-template" aria-label={t.name}>
            <header>
              <div>
                <h2>
                  {t.name} {t.builtIn && <span className="badge plan-badge-builtin">Built-in</span>}
                </h2>
                {t.description && <p className="muted">{t.description}</p>}
              </div>
              <div className="screen-actions">
                {!t.builtIn && (
                  <button type="button" className="secondary plan-small" aria-label={`Edit ${t.name}`} onClick={() => setEditing(t)}>
                    Edit
                  </button>
                )}
                <button type="button" className="secondary plan-small" aria-label={`Duplicate ${t.name}`} onClick={() => void duplicate(t)}>
                  Duplicate
                </button>
                {!t.builtIn && (
                  <button type="button" className="secondary plan-small" aria-label={`Delete ${t.name}`} onClick={() => setDeleting(t)}>
                    Delete
                  </button>
                )}
              </div>
            </header>
            <ol className="plan-steps">
              {t.steps.map((s) => (
                <li key={s.id}>
                  <span className="plan-step-when">
                    {offsetText(s.offsetDays)}
                    {s.time && ` · ${s.time}`}
                  </span>
                  <span>
                    <strong>{s.title}</strong> <span className="muted">· {ACTION_LABELS[s.action]} · {CHANNEL_LABELS[s.channel]}</span>
                    <span className="plan-value">{s.value}</span>
                  </span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>

      {editing && (
        <Dialog title={editing === 'new' ? 'New template' : `Edit ${editing.name}`} onClose={() => setEditing(null)} wide>
          <TemplateForm template={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        </Dialog>
      )}
      {deleting && (
        <Dialog title="Delete template" onClose={() => setDeleting(null)}>
          <p>Delete “{deleting.name}”? Touches already planned from it stay as they are.</p>
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setDeleting(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() =>
                void run(async () => {
                  await call('templates.delete', { id: deleting.id });
                  setDeleting(null);
                })
              }
            >
              Delete template
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

function TemplateForm({ template, onDone }: { template?: Template; onDone: () => void }) {
  const { run, error } = useFormAction();
  const [name, setName] = useState(template?.name ?? '');
  const [description, setDescription] = useState(template?.description ?? '');
  const [steps, setSteps] = useState<StepDraft[]>(template?.steps.map(toDraft) ?? [blankStep(0)]);
  const [saving, setSaving] = useState(false);
  const setStep = (index: number, patch: Partial<StepDraft>) => setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const move = (index: number, by: -1 | 1) => {
    setSteps((all) => {
      const next = [...all];
      const [step] = next.splice(index, 1);
      next.splice(index + by, 0, step as StepDraft);
      return next;
    });
    // Keep the keyboard on the moved step's button.
    requestAnimationFrame(() =>
      document.querySelector<HTMLButtonElement>(`[data-step="${index + by}"] [data-move="${by < 0 ? 'up' : 'down'}"]`)?.focus(),
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    await run(async () => {
      const parsed: TemplateStepInput[] = steps.map((s, i) => {
        const offset = Number(s.offsetDays);
        if (s.offsetDays.trim() === '' || !Number.isInteger(offset) || offset < 0) throw new Error(`Step ${i + 1}: the offset is a whole number of business days (0 or more).`);
        return { id: s.id, offsetDays: offset, time: s.time || null, channel: s.channel, action: s.action, title: s.title, value: s.value };
      });
      if (template) await call('templates.update', { id: template.id, patch: { name, description, steps: parsed } });
      else await call('templates.create', { name, description, steps: parsed });
      onDone();
    });
    setSaving(false);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <label>
        Template name
        <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
      </label>
      <label>
        Description
        <input value={description} onChange={(e) => setDescription(e.target.value)} placeholder="When to use it" />
      </label>
      <ol className="plan-step-editor" aria-label="Steps">
        {steps.map((s, index) => (
          <li key={index} data-step={index}>
            <div className="plan-step-body" role="group" aria-label={`Step ${index + 1}`}>
            <div className="plan-step-head">
              <strong>Step {index + 1}</strong>
              <div className="screen-actions">
                <button type="button" className="secondary plan-small" data-move="up" aria-label={`Move step ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="secondary plan-small"
                  data-move="down"
                  aria-label={`Move step ${index + 1} down`}
                  disabled={index === steps.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
                <button type="button" className="ghost" aria-label={`Remove step ${index + 1}`} disabled={steps.length === 1} onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}>
                  ×
                </button>
              </div>
            </div>
            <div className="plan-step-grid">
              <label>
                Business days after
                <input type="number" min="0" step="1" value={s.offsetDays} onChange={(e) => setStep(index, { offsetDays: e.target.value })} />
              </label>
              <label>
                Time (optional)
                <input type="time" value={s.time} onChange={(e) => setStep(index, { time: e.target.value })} />
              </label>
              <ChannelField value={s.channel} onChange={(channel) => setStep(index, { channel })} />
              <ActionField value={s.action} onChange={(action) => setStep(index, { action })} />
            </div>
            <label>
              Title
              <input value={s.title} onChange={(e) => setStep(index, { title: e.target.value })} />
            </label>
            <label>
              Value for them
              <input value={s.value} onChange={(e) => setStep(index, { value: e.target.value })} />
            </label>
            <LintWarning title={s.title} value={s.value} />
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="secondary"
        onClick={() => setSteps((all) => [...all, blankStep(Math.max(0, ...all.map((s) => Number(s.offsetDays) || 0)) + 3)])}
      >
        Add step
      </button>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {template ? 'Save template' : 'Create template'}
        </button>
      </div>
    </form>
  );
}
