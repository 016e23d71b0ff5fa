// Interop figures at the size of a ten-year career: importing a 10,000-row CRM export, importing a calendar
// file of 1,000 events (a third of them weekly series with EXDATEs and moved occurrences), and exporting the
// whole dataset as an .ics file; and how long the main thread stalls while hostile calendar files (10 and 500
// FREQ=SECONDLY series) are refused. Each import runs on a fresh copy of the ten-year data folder and is timed
// from the file's text to the change being durable.
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generateDataset, TEN_YEAR_CAREER } from '../../src/main/core/demo/generateDataset';
import { createInteropService } from '../../src/main/core/interop/service';
import type { Clock } from '../../src/main/core/ports';
import { createServiceContext } from '../../src/main/core/services/context';
import { Store } from '../../src/main/core/store/store';
import { builtInTemplates } from '../../src/shared/domain/builtInTemplates';
import { settingsSchema } from '../../src/shared/schema';
import { median, timed, type BenchContext } from './context';
import { putDataset } from '../../src/main/core/demo/putDataset';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const RUNS = 3;
const clock: Clock = { now: () => NOW, setTimeout: () => null, clearTimeout: () => undefined };

const openStore = (dataDir: string) =>
  Store.open({ dataDir, clock, initial: () => ({ settings: settingsSchema.parse({ timeZone: 'Europe/Berlin' }), templates: builtInTemplates() }) });

async function openInterop(dataDir: string) {
  const store = await openStore(dataDir);
  await store.flushed();
  return { store, interop: createInteropService(createServiceContext(store, clock)) };
}

export function csvRows(count: number, prefix: string): string {
  const lines = ['Company Name,First Name,Last Name,Email,Phone Number,Job Title,Website URL'];
  for (let i = 0; i < count; i++) {
    const company = Math.floor(i / 3);
    lines.push(
      `${prefix} Company ${company},First${i},"Last, ${i}",person${i}@${prefix.toLowerCase()}-company${company}.example,+1 555 ${String(i % 10_000).padStart(4, '0')},Buyer,https://${prefix.toLowerCase()}-company${company}.example`,
    );
  }
  return lines.join('\r\n');
}

const BERLIN = [
  'BEGIN:VTIMEZONE', 'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD', 'DTSTART:16011028T030000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD',
  'BEGIN:DAYLIGHT', 'DTSTART:16010325T020000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'END:DAYLIGHT',
  'END:VTIMEZONE',
];

/** 1,000 VEVENTs: 300 weekly series (started up to two years ago, each with an EXDATE and a moved occurrence) and 700 one-off meetings. */
export function icsEvents(count: number): string {
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN', 'VERSION:2.0', 'METHOD:PUBLISH', ...BERLIN];
  const tz = 'TZID="W. Europe Standard Time"';
  const day = (offset: number) => new Date(NOW + offset * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const series = Math.floor(count * 0.3);
  for (let i = 0; i < count; i++) {
    const hour = String(8 + (i % 9)).padStart(2, '0');
    const attendee = `ATTENDEE;CN="Kontakt ${i}":mailto:kontakt${i}@kunde-${i % 400}.example`;
    if (i < series) {
      const start = -((i * 7) % 700) - 7;
      const uid = `series-${i}@bench.example`;
      // The occurrence 14 days from now is removed; the one 21 days from now moves a day later.
      const weeksToFirst = Math.ceil(-start / 7);
      const exdate = day(start + (weeksToFirst + 2) * 7);
      const moved = day(start + (weeksToFirst + 3) * 7);
      const movedTo = day(start + (weeksToFirst + 3) * 7 + 1);
      lines.push(
        'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z', `DTSTART;${tz}:${day(start)}T${hour}0000`, `DTEND;${tz}:${day(start)}T${hour}3000`,
        'RRULE:FREQ=WEEKLY;BYDAY=' + ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][(((Math.floor((NOW / 86_400_000) + start) + 3) % 7) + 7) % 7],
        `EXDATE;${tz}:${exdate}T${hour}0000`, `SUMMARY:Weekly sync ${i} – Kunde ${i % 400}`, 'ORGANIZER;CN="Lena Fischer":mailto:lena@touchplan-sales.example', attendee, 'END:VEVENT',
        'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z', `RECURRENCE-ID;${tz}:${moved}T${hour}0000`, `DTSTART;${tz}:${movedTo}T${hour}0000`, `DTEND;${tz}:${movedTo}T${hour}3000`,
        `SUMMARY:Weekly sync ${i} (moved)`, attendee, 'END:VEVENT',
      );
    } else {
      const d = day((i % 85) + 1);
      lines.push(
        'BEGIN:VEVENT', `UID:single-${i}@bench.example`, 'DTSTAMP:20261101T000000Z', `DTSTART;${tz}:${d}T${hour}0000`, `DTEND;${tz}:${d}T${hour}4500`,
        `SUMMARY:Discovery call ${i} – Kunde ${i % 400}`, 'LOCATION:Microsoft Teams', 'ORGANIZER;CN="Lena Fischer":mailto:lena@touchplan-sales.example', attendee, 'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** A small file that asks for endless occurrences: `count` series repeating every second. */
export function secondlySeries(count: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hostile//Bench//EN'];
  const start = new Date(NOW + 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  for (let i = 0; i < count; i++) {
    lines.push('BEGIN:VEVENT', `UID:secondly-${i}@bench.example`, 'DTSTAMP:20261101T000000Z', `DTSTART:${start}T090000Z`, 'RRULE:FREQ=SECONDLY', `SUMMARY:Every second ${i}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

export async function run(ctx: BenchContext): Promise<Record<string, number>> {
  const template = join(ctx.tempDir, 'ten-years');
  ctx.log('populating the ten-year dataset');
  const data = generateDataset(TEN_YEAR_CAREER, NOW, 42);
  {
    const store = await openStore(template);
    await putDataset(store, data);
    await store.close();
  }
  let copies = 0;
  const freshCopy = async () => {
    const dir = join(ctx.tempDir, `copy-${copies++}`);
    await mkdir(dir, { recursive: true });
    await cp(template, dir, { recursive: true, filter: (src) => !src.includes('backups') && !src.endsWith('.lock') });
    return openInterop(dir);
  };

  const csvTimes: number[] = [];
  for (let runIndex = 0; runIndex < RUNS; runIndex++) {
    const { store, interop } = await freshCopy();
    const text = csvRows(10_000, `Run${runIndex}`);
    const mapping = { company: 'Company Name', firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Phone Number', role: 'Job Title', website: 'Website URL' };
    let created = 0;
    csvTimes.push(await timed(async () => (created = (await interop.csvImport({ text, mapping, duplicates: 'skip' })).created)));
    if (created !== 10_000) throw new Error(`CSV import created ${created} rows, expected 10,000`);
    await store.close();
  }
  ctx.log(`csv 10k: ${csvTimes.map((t) => t.toFixed(0)).join(', ')} ms`);

  const icsTimes: number[] = [];
  const ics = icsEvents(1_000);
  for (let runIndex = 0; runIndex < RUNS; runIndex++) {
    const { store, interop } = await freshCopy();
    let created = 0;
    icsTimes.push(await timed(async () => (created = (await interop.icsImport({ text: ics, windowDays: 90, links: [], cancelledTouches: 'keep' })).created)));
    if (created < 1_000) throw new Error(`ICS import created ${created} meetings, expected several thousand`);
    ctx.log(`ics 1k events -> ${created} meetings in ${icsTimes.at(-1)?.toFixed(0)} ms`);
    await store.close();
  }

  const exportTimes: number[] = [];
  {
    const { store, interop } = await openInterop(template);
    await store.history.loadAll(); // the export channel loads the whole history first: the figure covers all of it
    let events = 0;
    for (let runIndex = 0; runIndex < RUNS; runIndex++) {
      exportTimes.push(await timed(async () => {
        const { counts } = interop.icsExport({});
        events = counts.meetings + counts.touches;
      }));
    }
    ctx.log(`export: ${events} events`);
    await store.close();
  }

  // The worst event-loop delay of the main thread while hostile files are read (in the worker) and refused.
  let hostileLagMs = 0;
  {
    const { store, interop } = await freshCopy();
    for (const seriesCount of [10, 500]) {
      const lag = monitorEventLoopDelay({ resolution: 5 });
      lag.enable();
      const refused = await interop.icsPreview({ text: secondlySeries(seriesCount), fileName: 'hostile.ics', windowDays: 90 }).then(
        () => false,
        () => true,
      );
      lag.disable();
      if (!refused) throw new Error(`A file of ${seriesCount} FREQ=SECONDLY series was not refused`);
      hostileLagMs = Math.max(hostileLagMs, lag.max / 1e6);
      ctx.log(`hostile ${seriesCount} series: refused, max event-loop delay ${(lag.max / 1e6).toFixed(1)} ms`);
    }
    await store.close();
  }

  // A 50 MB calendar file: how far the process's resident memory rises while it is previewed (the worker included:
  // threads share the process), sampled every 10 ms. Refused files count too: the cap is what bounds them.
  let peakMB = 0;
  {
    const { store, interop } = await freshCopy();
    const text = largeCalendar(50_000_000);
    // What the preview costs on top of the app as it was: the bench process holds more than the app would.
    const baselineMB = process.memoryUsage().rss / 1_048_576;
    const sampler = setInterval(() => (peakMB = Math.max(peakMB, process.memoryUsage().rss / 1_048_576 - baselineMB)), 10);
    const outcome = await interop.icsPreview({ text, fileName: 'large.ics', windowDays: 90 }).then(
      (preview) => `previewed ${preview.events.length} events`,
      (error: Error) => `refused: ${error.message}`,
    );
    clearInterval(sampler);
    ctx.log(`50 MB calendar (${(text.length / 1e6).toFixed(1)} MB): ${outcome.slice(0, 160)}; peak ${peakMB.toFixed(0)} MB over ${baselineMB.toFixed(0)} MB before`);
    await store.close();
  }

  return {
    'import.ics.hostile.maxLagMs': Math.round(hostileLagMs),
    'import.ics.50mb.peakMB': Math.round(peakMB),
    'import.csv.10k.ms': Math.round(median(csvTimes)),
    'import.ics.1k.ms': Math.round(median(icsTimes)),
    'export.ics.all.ms': Math.round(median(exportTimes)),
  };
}

/** A calendar file of about `bytes` bytes: one-off meetings in the coming months, each with a long description. */
function largeCalendar(bytes: number): string {
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Bench//Large//EN', 'VERSION:2.0'];
  const description = `DESCRIPTION:${'Agenda: rollout plan, pricing, references and the procurement timeline. '.repeat(30)}`;
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const start = new Date(NOW + (1 + (i % 120)) * 86_400_000 + (i % 9) * 3_600_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
    const event = [
      'BEGIN:VEVENT', `UID:large-${i}@bench.example`, 'DTSTAMP:20261101T090000Z', `DTSTART:${start}Z`, 'DURATION:PT1H',
      `SUMMARY:Customer meeting ${i}`, `ATTENDEE;CN=Buyer ${i}:mailto:buyer${i}@customer-${i % 500}.example`, description, 'END:VEVENT',
    ];
    size += event.reduce((sum, line) => sum + line.length + 2, 0);
    lines.push(...event);
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}
