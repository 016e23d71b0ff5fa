// "Plan follow-up": pick a template, see the real dates (and any value warning) before saving, then save.
import { useState } from 'react';
import { ACTION_LABELS, CHANNEL_LABELS } from '../../../../shared/domain/lint';
import { localDateOf } from '../../../../shared/domain/time';
import { call, useQuery } from '../../api/client';
import { useAction, useToast } from '../../components/Toasts';
import { LintWarning } from './bits';
import { formatDate, formatDue } from '../../dates';

export function PlanFollowUp({ meetingId, zone, onAddTouch }: { meetingId: string; zone: string; onAddTouch: () => void }) {
  const templates = useQuery('templates.list', {});
  const [templateId, setTemplateId] = useState('');
  const name = templates.data?.find((t) => t.id === templateId)?.name ?? 'The template';

  return (
    <section className="plan-box" aria-labelledby="plan-follow-up-title">
      <h2 id="plan-follow-up-title">Plan follow-up</h2>
      <div className="plan-toolbar">
        <label className="plan-inline-label">
          Template
          <select aria-label="Template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value="">Choose a template…</option>
            {templates.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.builtIn ? ' (built-in)' : ''}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">or</span>
        <button type="button" className="secondary" onClick={onAddTouch}>
          Add touch
        </button>
      </div>
      {templateId && (
        <SequencePreviewPanel key={templateId} meetingId={meetingId} templateId={templateId} name={name} zone={zone} onClose={() => setTemplateId('')} />
      )}
    </section>
  );
}

function SequencePreviewPanel({
  meetingId,
  templateId,
  name,
  zone,
  onClose,
}: {
  meetingId: string;
  templateId: string;
  name: string;
  zone: string;
  onClose: () => void;
}) {
  const { data: preview, error } = useQuery('sequences.preview', { meetingId, templateId });
  const [replace, setReplace] = useState(false);
  const [saving, setSaving] = useState(false);
  const run = useAction();
  const toast = useToast();

  const save = async () => {
    if (!preview) return;
    setSaving(true);
    const ok = await run(() => call('sequences.apply', { meetingId, templateId, replace: replace && preview.replaceable > 0 }));
    setSaving(false);
    if (ok) {
      toast({ kind: 'info', message: `${name}: ${preview.drafts.length} touches planned.` });
      onClose();
    }
  };

  if (error && !preview) return <p className="form-error" role="alert">{error}</p>;
  if (!preview) return <p className="muted">Planning the dates…</p>;
  return (
    <>
      <p className="muted">
        Preview: business days counted from {formatDate(preview.anchorDate)}. Nothing is saved until you press Save sequence.
      </p>
      <table className="table plan-preview" aria-label="Preview">
        <thead>
          <tr>
            <th>Due</th>
            <th>Action</th>
            <th>Touch and value</th>
          </tr>
        </thead>
        <tbody>
          {preview.drafts.map((d) => (
            <tr key={d.stepId}>
              <td className="plan-nowrap">
                <time dateTime={d.due.allDay ? d.due.date : localDateOf(d.due.at, zone)}>{formatDue(d.due, zone)}</time>
              </td>
              <td>
                {ACTION_LABELS[d.action]}
                <div className="muted">{CHANNEL_LABELS[d.channel]}</div>
              </td>
              <td>
                <strong>{d.title}</strong>
                <div className="plan-value">{d.value}</div>
                {d.warning && <LintWarning title={d.title} value={d.value} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.replaceable > 0 && (
        <label className="check plan-check">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          Replace the {preview.replaceable} remaining planned, unlocked {preview.replaceable === 1 ? 'touch' : 'touches'} of this meeting
        </label>
      )}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="button" onClick={() => void save()} disabled={saving}>
          Save sequence
        </button>
      </div>
    </>
  );
}
