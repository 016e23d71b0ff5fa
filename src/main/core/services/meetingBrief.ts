// The one-page meeting brief: a self-contained HTML page (inline styles, no scripts, no external resources)
// that prints cleanly on A4 or Letter. The rep prints it, saves it as PDF from the print dialog, or keeps the file.
import { ACTION_LABELS, CHANNEL_LABELS, STAGE_LABELS } from '../../../shared/domain/lint';
import { localDateOf } from '../../../shared/domain/time';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import type { Settings, Touch } from '../../../shared/schema';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

function formatter(settings: Settings, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: settings.timeZone });
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
  }
}

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

function block(title: string, body: string | null): string {
  return `<section><h2>${escapeHtml(title)}</h2>${body ?? '<p class="empty">Not written yet.</p>'}</section>`;
}
const para = (text: string): string | null =>
  text.trim() ? text.trim().split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('') : null;
const list = (items: readonly string[], ordered = false): string | null => {
  const kept = items.map((i) => i.trim()).filter(Boolean);
  if (kept.length === 0) return null;
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${kept.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
};

export function renderMeetingBrief(detail: MeetingDetail, settings: Settings): { html: string; fileName: string } {
  const { meeting, deal, prospect, readiness, touches } = detail;
  const plan = meeting.callPlan;
  const day = formatter(settings, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = formatter(settings, { hour: '2-digit', minute: '2-digit', hour12: false });
  const dateOnly = (date: string) => day.format(new Date(`${date}T12:00:00Z`)).replace(/,/g, '');
  const when = `${day.format(new Date(meeting.start))} · ${time.format(new Date(meeting.start))}–${time.format(new Date(meeting.end))}`.replace(/,/g, '');
  const contacts = new Map(prospect?.contacts.map((c) => [c.id, c]) ?? []);
  const attendees = meeting.attendeeIds
    .map((id) => contacts.get(id))
    .filter((c) => c !== undefined)
    .map((c) => [c.name, c.role, c.email, c.phone].filter(Boolean).join(' · '));
  const carried = plan.carriedCommitments.length
    ? plan.carriedCommitments
    : detail.carriedCommitments.map((c) => (c.due ? `${c.text} (due ${c.due})` : c.text));
  const dueText = (t: Touch) =>
    t.due.allDay
      ? dateOnly(t.due.date)
      : `${dateOnly(localDateOf(t.due.at, settings.timeZone))} ${time.format(new Date(t.due.at))}`;
  const planned = touches.filter((t) => t.status !== 'skipped');
  const sequence = planned.length
    ? `<table><thead><tr><th>Due</th><th>Action</th><th>Touch</th><th>Value for them</th></tr></thead><tbody>${planned
        .map(
          (t) =>
            `<tr><td class="nowrap">${escapeHtml(dueText(t))}${t.locked ? ' 🔒' : ''}</td><td>${escapeHtml(ACTION_LABELS[t.action])}<br><span class="muted">${escapeHtml(CHANNEL_LABELS[t.channel])}</span></td><td>${escapeHtml(t.title)}${t.status === 'done' ? ' <span class="muted">(done)</span>' : ''}</td><td>${escapeHtml(t.value)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : null;
  const company = prospect?.company ?? '';
  const heading = [company, deal?.title].filter(Boolean).join(' — ');
  const readinessLine = readiness.ready
    ? '<p class="ready ok">Ready: outcome, call to action and the first follow-up are planned.</p>'
    : `<p class="ready missing">Not ready: ${escapeHtml(readiness.missing.join('; '))}.</p>`;

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Brief: ${escapeHtml(meeting.title)}</title>
<style>
  @page { size: auto; margin: 12mm 14mm; }
  * { box-sizing: border-box; }
  body { font: 10.5pt/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; color: #1d2330; margin: 0 auto; max-width: 190mm; padding: 12mm 0; }
  header { border-bottom: 2px solid #1d2330; padding-bottom: 6px; margin-bottom: 10px; }
  h1 { font-size: 16pt; margin: 0; }
  .meta { margin: 2px 0 0; color: #475467; }
  h2 { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .06em; color: #475467; margin: 0 0 3px; }
  section { margin-bottom: 9px; break-inside: avoid; }
  p, ul, ol { margin: 0 0 4px; }
  ul, ol { padding-left: 18px; }
  .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 18px; }
  .outcomes { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 8px; margin-bottom: 10px; }
  .outcomes section { border: 1px solid #cdd2da; border-radius: 6px; padding: 6px 8px; margin: 0; }
  .outcomes .cta { border: 2px solid #2f5bea; }
  .empty, .muted { color: #98a2b3; }
  .ready { padding: 4px 8px; border-radius: 6px; margin: 6px 0 10px; font-weight: 600; }
  .ok { background: #e3f4ea; color: #1f7a4d; }
  .missing { background: #fff4d6; color: #9a6700; }
  table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
  th, td { text-align: left; vertical-align: top; padding: 3px 5px; border-bottom: 1px solid #e3e6eb; }
  th { font-size: 8pt; color: #475467; text-transform: uppercase; letter-spacing: .04em; }
  tr { break-inside: avoid; }
  .nowrap { white-space: nowrap; }
  footer { margin-top: 8px; color: #98a2b3; font-size: 8pt; }
  @media print { body { padding: 0; } .ok, .missing, .outcomes .cta { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style>
</head>
<body>
<header>
  <h1>${escapeHtml(meeting.title)}</h1>
  <p class="meta">${escapeHtml([heading, deal ? STAGE_LABELS[deal.stage] : ''].filter(Boolean).join(' · '))}</p>
  <p class="meta">${escapeHtml(when)}${meeting.location ? ` · ${escapeHtml(meeting.location)}` : ''}</p>
</header>
${readinessLine}
<div class="outcomes">
${block('Ideal outcome', para(plan.idealOutcome))}
${block('Fallback outcome', para(plan.fallbackOutcome))}
<section class="cta"><h2>Call to action</h2>${para(plan.callToAction) ?? '<p class="empty">Not written yet.</p>'}</section>
</div>
<div class="grid">
<div>
${block('Attendees', list(attendees))}
${block('Needs and context', para(plan.needs))}
${block('Positioning storyline', para(plan.storyline))}
</div>
<div>
${block('Discovery questions', list(plan.discoveryQuestions, true))}
${block('Expected objections', list(plan.objections))}
${block('They committed to last time', list(carried))}
</div>
</div>
${block('Follow-up sequence', sequence)}
<footer>Touchplan brief · ${escapeHtml(meeting.title)}</footer>
</body>
</html>
`;
  const date = localDateOf(meeting.start, settings.timeZone);
  const fileName = `brief-${date}-${slug([company, meeting.title].filter(Boolean).join(' ')) || 'meeting'}.html`;
  return { html, fileName };
}
