// Import & export (#/import, reached from Settings): meetings from a calendar file (.ics), the plan back out
// as a calendar file, prospects from a CRM's CSV export, and the full backup / restore.
//
// Files are chosen with the OS dialogs where the host has them (the desktop app: desktop.* channels, the export
// streamed by main to the chosen file) and with file fields and downloads elsewhere (the browser host); their
// text goes to main, where the same core code parses them in every host.
import { useMemo, useState } from 'react';
import { hrefOf } from '../router';
import {
  CSV_FIELD_LABELS,
  CSV_ENCODINGS,
  CSV_FIELDS,
  type CsvField,
  type CsvImportResult,
  type CsvMapping,
  type CsvPreview,
  type DatasetCounts,
  type IcsImportResult,
  type IcsLink,
  type IcsPreview,
  type IcsPreviewEvent,
  type InteropProgress,
} from '../../../shared/contract/interop';

type CsvEncodingName = (typeof CSV_ENCODINGS)[number];
import { call, useEvent, useQuery } from '../api/client';
import { FilePicker, useHostCapabilities } from '../components/FilePicker';
import { useAction, useToast } from '../components/Toasts';
import { formatDate, formatDateTime, formatNumber, zoneOf } from '../dates';
import { downloadText } from '../download';

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

export function ImportExportScreen() {
  return (
    <section className="screen io-screen" aria-labelledby="io-title">
      <header className="screen-header">
        <div>
          <h1 id="io-title">Import &amp; export</h1>
          <p className="muted io-lead">Bring meetings in from Outlook or Google Calendar, prospects from your CRM, and take your follow-ups with you.</p>
        </div>
        <a href={hrefOf({ screen: 'settings' })} className="io-back">
          Back to Settings
        </a>
      </header>
      <IcsImportSection />
      <IcsExportSection />
      <CsvImportSection />
      <BackupSection />
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Calendar file in

const DEFAULT_WINDOW_DAYS = 90;
const WINDOW_CHOICES: [number, string][] = [
  [30, 'the next 30 days'],
  [90, 'the next 90 days'],
  [182, 'the next 6 months'],
  [365, 'the next year'],
  [730, 'the next two years'],
];

const NOT_LINKED = '';
const CREATE = 'create';

interface Series {
  uid: string;
  events: IcsPreviewEvent[];
  first: IcsPreviewEvent;
}

function IcsImportSection() {
  const settings = useQuery('settings.get', {});
  const deals = useQuery('deals.list', { includeClosed: false });
  const prospects = useQuery('prospects.list', { query: '', includeArchived: false });
  const [file, setFile] = useState<{ text: string; name: string } | null>(null);
  const [preview, setPreview] = useState<IcsPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [result, setResult] = useState<IcsImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [windowDays, setWindowDays] = useState(DEFAULT_WINDOW_DAYS);
  const [cancelledTouches, setCancelledTouches] = useState<'skip' | 'keep'>('skip');
  const zone = settings.data?.timeZone;

  const dealOptions = useMemo(() => {
    const names = new Map((prospects.data ?? []).map((p) => [p.id, p.company]));
    return (deals.data ?? [])
      .map((d) => ({ id: d.id, label: `${names.get(d.prospectId) ?? 'Unknown prospect'} — ${d.title}` }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [deals.data, prospects.data]);

  // One row per series (all occurrences of a UID share a link), skipped events apart.
  const series = useMemo(() => {
    const byUid = new Map<string, IcsPreviewEvent[]>();
    const importable = new Set((preview?.events ?? []).filter((e) => e.status === 'new' || e.status === 'updated').map((e) => e.uid));
    for (const event of preview?.events ?? []) {
      // A series lists its removed occurrences too, so each can be checked before importing.
      if (!importable.has(event.uid) || event.status === 'cancelled' || (event.status === 'skipped' && !event.removed)) continue;
      byUid.set(event.uid, [...(byUid.get(event.uid) ?? []), event]);
    }
    return [...byUid.entries()].map(([uid, events]): Series => {
      events.sort((a, b) => (a.start < b.start ? -1 : 1));
      return { uid, events, first: events.find((e) => !e.removed) as IcsPreviewEvent };
    });
  }, [preview]);
  const skipped = preview?.events.filter((e) => e.status === 'skipped' && !(e.removed && series.some((s) => s.uid === e.uid))) ?? [];
  const cancelled = preview?.events.filter((e) => e.status === 'cancelled') ?? [];

  const choose = async ({ name, content }: { name: string; content: string }) => {
    const chosen = { text: content, name };
    setFile(chosen);
    setResult(null);
    await showPreview(chosen, windowDays);
  };

  const changeWindow = async (days: number) => {
    setWindowDays(days);
    if (file) await showPreview(file, days);
  };

  const showPreview = async (chosen: { text: string; name: string }, days: number) => {
    setPreview(null);
    setError(null);
    try {
      const next = await call('interop.ics.preview', { text: chosen.text, fileName: chosen.name, windowDays: days });
      setPreview(next);
      const initial: Record<string, string> = {};
      for (const e of next.events) if (e.suggestedDeal && initial[e.uid] === undefined) initial[e.uid] = e.suggestedDeal.id;
      setChoices(initial);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const runImport = async () => {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    const links: IcsLink[] = [];
    for (const s of series) {
      const choice = choices[s.uid] ?? NOT_LINKED;
      if (choice === CREATE && s.first.suggestedProspect) {
        links.push({ uid: s.uid, createProspect: { company: s.first.suggestedProspect.company, domain: s.first.suggestedProspect.domain } });
      } else if (choice && choice !== CREATE) {
        links.push({ uid: s.uid, dealId: choice });
      }
    }
    try {
      setResult(await call('interop.ics.import', { text: file.text, windowDays: preview.window.days, links, cancelledTouches }));
      setPreview(null);
      setFile(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const toImport = (preview?.counts.new ?? 0) + (preview?.counts.updated ?? 0);
  const toCancel = preview?.counts.cancelled ?? 0;
  return (
    <section className="panel io-panel" aria-labelledby="io-ics-title">
      <h2 id="io-ics-title">Meetings from a calendar file</h2>
      <p className="muted">
        An .ics file exported from Outlook, Google Calendar or Apple Calendar. One-off meetings come in whatever their date; recurring
        ones for the period you pick. Importing the same file again updates the meetings instead of duplicating them.
      </p>
      <div className="form-row">
        <FilePicker purpose="ics.import" label="Calendar file (.ics)" accept=".ics,text/calendar" onChosen={choose} />
        <label>
          Recurring meetings for
          <select value={windowDays} onChange={(e) => void changeWindow(Number(e.target.value))}>
            {WINDOW_CHOICES.map(([days, label]) => (
              <option key={days} value={days}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div className="io-preview" aria-label="Calendar import preview" role="region">
          <p className="io-counts">
            <span>
              <strong>{preview.fileName}</strong>
              {preview.calendarName && <span className="muted"> ({preview.calendarName})</span>}:
            </span>
            <span className="badge badge-ok">{plural(preview.counts.new, 'new meeting')}</span>{' '}
            <span className="badge io-badge-info">{plural(preview.counts.updated, 'update')}</span>{' '}
            <span className="badge io-badge-muted">{plural(preview.counts.skipped, 'skipped event')}</span>
            {preview.counts.cancelled > 0 && (
              <>
                {' '}
                <span className="badge io-badge-info" title="Cancelled in the calendar: importing marks these meetings cancelled">
                  {plural(preview.counts.cancelled, 'cancelled meeting')}
                </span>
              </>
            )}
            <span className="muted"> · {formatDate(preview.window.from, { weekday: false })} to {formatDate(preview.window.to, { weekday: false })}</span>
          </p>
          {series.length > 0 ? (
            <table className="table io-table">
              <thead>
                <tr>
                  <th scope="col">Meeting</th>
                  <th scope="col">When</th>
                  <th scope="col">People</th>
                  <th scope="col">Link to a deal</th>
                </tr>
              </thead>
              <tbody>
                {series.map((s) => (
                  <SeriesRow
                    key={s.uid}
                    series={s}
                    zone={zone}
                    dealOptions={dealOptions}
                    value={choices[s.uid] ?? NOT_LINKED}
                    onChange={(value) => setChoices({ ...choices, [s.uid]: value })}
                  />
                ))}
              </tbody>
            </table>
          ) : (
            cancelled.length === 0 && <p className="muted">Nothing in this file falls in the import window.</p>
          )}
          {cancelled.length > 0 && (
            <div className="io-cancelled">
              <p>Cancelled in the calendar: importing marks these meetings cancelled. They stay in the deal’s history with their plan.</p>
              <ul>
                {cancelled.map((e) => (
                  <li key={`${e.key}-${e.start}`}>
                    <s>{e.title}</s> {e.start && <span className="muted">({formatWhen(e, zone)})</span>}
                    {e.plannedTouches ? <span className="muted"> · {plural(e.plannedTouches, 'planned follow-up')}</span> : null}
                  </li>
                ))}
              </ul>
              {cancelled.some((e) => e.plannedTouches) && (
                <fieldset className="io-choice">
                  <legend>Their planned follow-ups</legend>
                  <label className="check">
                    <input type="radio" name="cancelled-touches" checked={cancelledTouches === 'skip'} onChange={() => setCancelledTouches('skip')} />
                    Skip them (they stay in the history as skipped)
                  </label>
                  <label className="check">
                    <input type="radio" name="cancelled-touches" checked={cancelledTouches === 'keep'} onChange={() => setCancelledTouches('keep')} />
                    Keep them planned
                  </label>
                </fieldset>
              )}
            </div>
          )}
          {skipped.length > 0 && (
            <details className="io-skipped">
              <summary>Why {skipped.length === 1 ? 'one event is' : `${skipped.length} events are`} skipped</summary>
              <ul>
                {skipped.map((e) => (
                  <li key={`${e.key}-${e.start}`}>
                    <strong>{e.title}</strong> {e.start && <span className="muted">({formatWhen(e, zone)})</span>}: {e.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setPreview(null)}>
              Cancel
            </button>
            <button type="button" onClick={runImport} disabled={busy || toImport + toCancel === 0}>
              {busy ? 'Importing…' : toImport > 0 || toCancel === 0 ? `Import ${plural(toImport, 'meeting')}${toCancel ? ` and mark ${toCancel} cancelled` : ''}` : `Mark ${plural(toCancel, 'meeting')} cancelled`}
            </button>
          </div>
        </div>
      )}
      {result && <IcsResult result={result} />}
    </section>
  );
}

function SeriesRow({
  series,
  zone,
  dealOptions,
  value,
  onChange,
}: {
  series: Series;
  zone?: string;
  dealOptions: { id: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  const { first, events } = series;
  const people = [first.organizer, ...first.attendees].filter((p): p is NonNullable<typeof p> => p !== null);
  const unique = [...new Map(people.map((p) => [p.email || p.name, p])).values()];
  const occurrences = events.filter((e) => !e.removed);
  const updates = occurrences.filter((e) => e.status === 'updated').length;
  const suggested = first.suggestedProspect;
  return (
    <tr>
      <td>
        <div className="io-title">{first.title}</div>
        <div className="muted io-sub">
          {occurrences.length > 1 || events.length > occurrences.length ? null : first.location || ' '}
          {updates > 0 && <span className="badge io-badge-info">{updates === occurrences.length ? 'updates' : `${updates} updates`}</span>}
          {first.allDay && <span className="badge io-badge-muted">all day</span>}
        </div>
        {(occurrences.length > 1 || events.length > occurrences.length) && (
          <details className="io-occurrences">
            <summary>
              {plural(occurrences.length, 'occurrence')}
              {events.length > occurrences.length && `, ${events.length - occurrences.length} removed`}
            </summary>
            <ul>
              {events.map((e) => (
                <li key={e.key}>
                  {e.removed ? <s>{formatWhen(e, zone)}</s> : formatWhen(e, zone)}
                  {e.moved && <span className="badge io-badge-info">moved</span>}
                  {e.removed && <span className="badge io-badge-muted">removed</span>}
                  {e.status === 'updated' && <span className="badge io-badge-info">update</span>}
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
      <td className="io-when">{events.length > 1 ? `from ${formatWhen(first, zone)}` : formatWhen(first, zone)}</td>
      <td className="io-people">{unique.length ? unique.map((p) => p.name).join(', ') : <span className="muted">—</span>}</td>
      <td>
        <select aria-label={`Link “${first.title}” to a deal`} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value={NOT_LINKED}>Not linked yet (needs a plan)</option>
          {suggested && !suggested.prospectId && (
            <option value={CREATE}>
              Create prospect {suggested.company} ({suggested.domain})
            </option>
          )}
          {suggested?.prospectId && !first.suggestedDeal && (
            <option value={CREATE}>New deal for {suggested.company}</option>
          )}
          {dealOptions.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}

function IcsResult({ result }: { result: IcsImportResult }) {
  const extra = [
    result.prospectsCreated ? plural(result.prospectsCreated, 'prospect') + ' created' : '',
    result.dealsCreated ? plural(result.dealsCreated, 'deal') + ' created' : '',
  ].filter(Boolean);
  return (
    <div className="io-result" role="status">
      <p>
        <strong>Imported:</strong> {plural(result.created, 'new meeting')}, {plural(result.updated, 'updated meeting')},{' '}
        {plural(result.skipped, 'skipped event')}
        {result.cancelled > 0 && <>, {plural(result.cancelled, 'meeting')} marked cancelled</>}
        {result.touchesSkipped > 0 && <> ({plural(result.touchesSkipped, 'follow-up')} skipped)</>}
        {extra.length > 0 && `; ${extra.join(', ')}`}.
      </p>
      {result.meetingIds.length > 0 && (
        <p className="muted">
          Imported meetings have no call plan yet: each <span className="badge badge-warning">needs a plan</span>, and the ones not linked to a
          deal ask to be linked. Open them from the <a href={hrefOf({ screen: 'calendar' })}>Calendar</a>.
        </p>
      )}
    </div>
  );
}

function formatWhen(event: Pick<IcsPreviewEvent, 'start' | 'end' | 'allDay' | 'dates'>, zone?: string): string {
  if (!event.start) return '';
  // An all-day event by its own dates, whatever the zone.
  if (event.dates) return `${formatDate(event.dates.startDate, { year: false })}, all day`;
  if (event.allDay) return `${formatDate(event.start.slice(0, 10), { year: false })}, all day`;
  return formatDateTime(event.start, zoneOf(zone === undefined ? undefined : { timeZone: zone }), { year: false });
}

// ---------------------------------------------------------------------------------------------
// Calendar file out

function IcsExportSection() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const run = useAction();
  const toast = useToast();
  const { fileDialogs } = useHostCapabilities();
  const exportIcs = () =>
    run(async () => {
      const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      let saved: { fileName: string; counts: { meetings: number; touches: number } } | null;
      if (fileDialogs) {
        saved = await call('desktop.exportIcs', range);
      } else {
        const { text, fileName, counts } = await call('interop.ics.export', range);
        downloadText(text, fileName, 'text/calendar');
        saved = { fileName, counts };
      }
      if (!saved) return;
      toast({ kind: 'info', message: `Exported ${plural(saved.counts.meetings, 'meeting')} and ${plural(saved.counts.touches, 'touch', 'touches')} to ${saved.fileName}.` });
    });
  return (
    <section className="panel io-panel" aria-labelledby="io-export-title">
      <h2 id="io-export-title">Your plan as a calendar file</h2>
      <p className="muted">
        Meetings and touches as an .ics file for Outlook, Google Calendar or your phone. Each touch carries its action, value and prospect,
        and an alarm at its due time. Importing the file again updates the same entries.
      </p>
      <div className="io-row">
        <label>
          From <span className="muted">(optional)</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <span className="muted">(optional)</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" onClick={exportIcs}>
          Export calendar file
        </button>
      </div>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// CSV in

function CsvImportSection() {
  const [file, setFile] = useState<{ bytes: string; name: string } | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<CsvMapping>({});
  const [duplicates, setDuplicates] = useState<'update' | 'skip'>('skip');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<InteropProgress | null>(null);
  const [result, setResult] = useState<CsvImportResult | null>(null);
  useEvent('interop.progress', (p) => {
    if (p.task === 'csv.import') setProgress(p);
  });

  const [readAs, setReadAs] = useState<CsvEncodingName | undefined>(undefined);
  const [unmappedToNotes, setUnmappedToNotes] = useState(false);

  const load = async (bytes: string, nextMapping?: CsvMapping, options: { encoding?: CsvEncodingName; unmappedToNotes?: boolean } = {}) => {
    setError(null);
    const encoding = 'encoding' in options ? options.encoding : readAs;
    const toNotes = options.unmappedToNotes ?? unmappedToNotes;
    try {
      const next = await call('interop.csv.preview', {
        bytes,
        unmappedToNotes: toNotes,
        ...(encoding ? { encoding } : {}),
        ...(nextMapping ? { mapping: nextMapping } : {}),
      });
      setPreview(next);
      setMapping(next.mapping);
    } catch (e) {
      setPreview(null);
      setError((e as Error).message);
    }
  };

  const choose = async ({ name, content }: { name: string; content: string }) => {
    const chosen = { bytes: content, name };
    setFile(chosen);
    setResult(null);
    setProgress(null);
    setReadAs(undefined);
    await load(chosen.bytes, undefined, { encoding: undefined });
  };

  const changeEncoding = (encoding: CsvEncodingName) => {
    setReadAs(encoding);
    if (file) void load(file.bytes, mapping, { encoding });
  };

  const changeUnmappedToNotes = (value: boolean) => {
    setUnmappedToNotes(value);
    if (file) void load(file.bytes, mapping, { unmappedToNotes: value });
  };

  const changeField = (field: CsvField, header: string) => {
    const next = { ...mapping, [field]: header || null };
    setMapping(next);
    if (file) void load(file.bytes, next);
  };

  const runImport = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setProgress({ task: 'csv.import', done: 0, total: preview?.rowCount ?? 0 });
    try {
      const done = await call('interop.csv.import', { bytes: file.bytes, mapping, duplicates, unmappedToNotes, ...(readAs ? { encoding: readAs } : {}) });
      setResult(done);
      setPreview(null);
      setFile(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel io-panel" aria-labelledby="io-csv-title">
      <h2 id="io-csv-title">Prospects from a CRM (.csv)</h2>
      <p className="muted">
        A contacts or accounts export from HubSpot, Salesforce, Pipedrive or a spreadsheet. The first line must name the columns. Rows of the same
        company become one prospect with its contacts.
      </p>
      <FilePicker purpose="csv.import" label="CSV file" accept=".csv,text/csv,.txt" onChosen={choose} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && file && (
        <div className="io-preview" role="region" aria-label="CSV import preview">
          <fieldset className="io-mapping">
            <legend>
              Columns of {file.name} <span className="muted">({plural(preview.rowCount, 'row')}, separated by “{preview.delimiter === '\t' ? 'tab' : preview.delimiter}”)</span>
            </legend>
            <div className="form-row io-read-as">
              <label>
                Read as
                <select value={preview.encoding ?? ''} onChange={(e) => changeEncoding(e.target.value as CsvEncodingName)}>
                  {CSV_ENCODINGS.map((encoding) => (
                    <option key={encoding} value={encoding}>
                      {encoding}
                      {!readAs && encoding === preview.encoding ? ' (detected)' : ''}
                    </option>
                  ))}
                </select>
              </label>
              <label className="check">
                <input type="checkbox" checked={unmappedToNotes} onChange={(e) => changeUnmappedToNotes(e.target.checked)} />
                Put the other columns in the prospect’s notes
              </label>
            </div>
            <div className="io-mapping-grid">
              {CSV_FIELDS.map((field) => (
                <label key={field}>
                  {CSV_FIELD_LABELS[field]}
                  <select value={mapping[field] ?? ''} onChange={(e) => changeField(field, e.target.value)}>
                    <option value="">— not imported —</option>
                    {preview.headers.map((h, i) => (
                      <option key={`${h}-${i}`} value={h}>
                        {h || `(column ${i + 1})`}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
          {preview.mappingProblem ? (
            <p className="form-error" role="alert">
              {preview.mappingProblem}
            </p>
          ) : (
            <>
              <h3>First rows</h3>
              <table className="table io-table" aria-label="First rows">
                <thead>
                  <tr>
                    <th scope="col" className="num">Line</th>
                    <th scope="col">Company</th>
                    <th scope="col">Contact</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line}>
                      <td className="num">{r.line}</td>
                      <td>{r.company}</td>
                      <td>{r.contactName}</td>
                      <td>{r.email}</td>
                      <td>{r.role}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="io-counts">
                <span className="badge badge-ok">{plural(preview.newProspects, 'new prospect')}</span>{' '}
                <span className="badge io-badge-info">{plural(preview.duplicateCount, 'duplicate')}</span>{' '}
                <span className={`badge ${preview.errorCount ? 'badge-danger' : 'io-badge-muted'}`}>{plural(preview.errorCount, 'row')} with errors</span>
              </p>
              {preview.duplicateCount > 0 && (
                <fieldset className="io-duplicates">
                  <legend>Duplicates: rows matching a prospect you already have</legend>
                  <ul className="io-list">
                    {preview.duplicates.slice(0, 8).map((d) => (
                      <li key={d.line}>
                        Line {d.line}: {d.contactName || d.company} matches <strong>{d.existing.company}</strong>
                        {d.earlierLine !== undefined && ` on line ${d.earlierLine} of this file`}
                        {d.matchedBy === 'email' ? ` (same email as ${d.existing.contactName ?? 'a contact'})` : ' (same company name)'}
                      </li>
                    ))}
                    {preview.duplicateCount > 8 && <li className="muted">…and {plural(preview.duplicateCount - 8, 'more row')}</li>}
                  </ul>
                  <div className="io-radios" role="radiogroup" aria-label="What to do with duplicates">
                    <label className="check">
                      <input type="radio" name="duplicates" checked={duplicates === 'update'} onChange={() => setDuplicates('update')} /> Update the existing prospects
                    </label>
                    <label className="check">
                      <input type="radio" name="duplicates" checked={duplicates === 'skip'} onChange={() => setDuplicates('skip')} /> Skip these rows
                    </label>
                  </div>
                </fieldset>
              )}
              {preview.errorCount > 0 && <LineErrors title="Rows that will not be imported" errors={preview.errors} total={preview.errorCount} />}
            </>
          )}
          {busy && progress && <ProgressBar progress={progress} />}
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setPreview(null)} disabled={busy}>
              Cancel
            </button>
            <button type="button" onClick={runImport} disabled={busy || Boolean(preview.mappingProblem) || preview.rowCount === preview.errorCount}>
              {busy ? 'Importing…' : `Import ${plural(preview.rowCount - preview.errorCount, 'row')}`}
            </button>
          </div>
        </div>
      )}
      {result && (
        <div className="io-result" role="status">
          <p>
            <strong>Imported:</strong> {plural(result.created + result.updated, 'row')} ({plural(result.prospectsCreated, 'prospect')} created,{' '}
            {plural(result.prospectsUpdated, 'prospect')} updated, {plural(result.contactsCreated, 'contact')} added), {plural(result.skipped, 'duplicate')} skipped,{' '}
            {plural(result.errorCount, 'row')} with errors.
          </p>
          {result.errorCount > 0 && <LineErrors title="Rows not imported" errors={result.errors} total={result.errorCount} />}
        </div>
      )}
    </section>
  );
}

function ProgressBar({ progress }: { progress: InteropProgress }) {
  return (
    <div className="io-progress">
      <progress aria-label="Import progress" max={Math.max(progress.total, 1)} value={progress.done} />
      <span className="muted">
        {formatNumber(progress.done)} of {plural(progress.total, 'row')}
      </span>
    </div>
  );
}

function LineErrors({ title, errors, total }: { title: string; errors: { line: number; reason: string }[]; total: number }) {
  return (
    <div className="io-errors">
      <h3>{title}</h3>
      <ul className="io-list" aria-label={title}>
        {errors.slice(0, 50).map((e) => (
          <li key={e.line}>
            <strong>Line {e.line}:</strong> {e.reason}
          </li>
        ))}
        {total > 50 && <li className="muted">…and {plural(total - 50, 'more row')}</li>}
      </ul>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Backup

function BackupSection() {
  const run = useAction();
  const toast = useToast();
  const [pending, setPending] = useState<{ text: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const { fileDialogs } = useHostCapabilities();
  const exportAll = () =>
    run(async () => {
      let counts: DatasetCounts;
      if (fileDialogs) {
        const saved = await call('desktop.exportBackup', {});
        if (!saved) return;
        counts = saved.counts;
      } else {
        const backup = await call('interop.backup.export', {});
        downloadText(backup.text, backup.fileName, 'application/json');
        counts = backup.counts;
      }
      toast({ kind: 'info', message: `Backup saved: ${plural(counts.prospects, 'prospect')}, ${plural(counts.meetings, 'meeting')}, ${plural(counts.touches, 'touch', 'touches')}.` });
    });

  const restore = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const { counts, backupName } = await call('interop.backup.restore', { text: pending.text });
      setPending(null);
      toast({
        kind: 'info',
        message: `Restored ${plural(counts.prospects, 'prospect')}, ${plural(counts.deals, 'deal')}, ${plural(counts.meetings, 'meeting')} and ${plural(counts.touches, 'touch', 'touches')}. Your previous data is kept in the backup ${backupName}.`,
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel io-panel" aria-labelledby="io-backup-title">
      <h2 id="io-backup-title">Full backup</h2>
      <p className="muted">Everything in one JSON file: prospects, deals, meetings, touches, templates and settings.</p>
      <div className="io-row">
        <button type="button" onClick={exportAll}>
          {fileDialogs ? 'Save full backup…' : 'Download full backup'}
        </button>
        <FilePicker
          purpose="backup.restore"
          label="Restore from a backup file"
          accept=".json,application/json"
          onChosen={({ name, content }) => {
            setError(null);
            setPending({ text: content, name });
          }}
        />
      </div>
      {pending && (
        <div className="io-confirm" role="region" aria-label="Confirm restore">
          <p>
            Restore <strong>{pending.name}</strong>? It replaces all the data in Touchplan. The file is checked first, and a backup of your current data
            is taken before anything changes.
          </p>
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setPending(null)} disabled={busy}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={restore} disabled={busy}>
              {busy ? 'Restoring…' : 'Replace my data with this backup'}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
