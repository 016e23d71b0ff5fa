// The desktop channels through a real core: what the FileDialogs and DocumentPrinter ports answer reaches the
// core (files read, exports streamed to the chosen path, briefs printed), and a cancelled dialog changes nothing.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../src/main/core';
import type { DocumentPrinter, FileDialogRequest, FileDialogs } from '../../../src/main/core/ports';
import type { Meeting } from '../../../src/shared/schema';

let dir: string;
let core: Core;
let chosen: string | null;
const asked: { kind: 'open' | 'save'; request: FileDialogRequest }[] = [];
const dialogs: FileDialogs = {
  chooseFileToOpen: async (request) => {
    asked.push({ kind: 'open', request });
    return chosen;
  },
  chooseFileToSave: async (request) => {
    asked.push({ kind: 'save', request });
    return chosen;
  },
};
const printer = { print: vi.fn<DocumentPrinter['print']>(async () => true), toPdf: vi.fn<DocumentPrinter['toPdf']>(async () => new TextEncoder().encode('%PDF-1.7 brief')) };

const value = async <T>(channel: string, payload: unknown): Promise<T> => {
  const result = await core.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
};

async function seedMeeting(): Promise<Meeting> {
  const prospect = await value<{ id: string }>('prospects.create', { company: 'Northwind' });
  const deal = await value<{ id: string }>('deals.create', { prospectId: prospect.id, title: 'Pilot', stage: 'discovery', value: 0 });
  return value<Meeting>('meetings.create', {
    dealId: deal.id,
    title: 'Discovery call',
    start: '2030-03-04T10:00:00.000Z',
    end: '2030-03-04T11:00:00.000Z',
    callPlan: { idealOutcome: 'A pilot signed' },
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'touchplan-desktop-'));
  chosen = null;
  asked.length = 0;
  printer.print.mockClear();
  printer.toPdf.mockClear();
  core = await createCore({ dataDir: join(dir, 'data'), host: 'electron', version: 'test', fileDialogs: dialogs, printer });
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the desktop channels', () => {
  it('tells the page that this host has file dialogs and printing', async () => {
    expect(await value('app.info', {})).toMatchObject({ capabilities: { fileDialogs: true, printing: true }, appearance: null });
  });

  it('reads the file chosen in an open dialog: text for calendars and backups, base64 bytes for CSV', async () => {
    chosen = join(dir, 'crm.csv');
    await writeFile(chosen, Buffer.from('Company\nK\xf6ln GmbH\n', 'latin1'));
    const csv = await value<{ name: string; content: string; encoding: string }>('desktop.openFile', { purpose: 'csv.import' });
    expect(csv).toEqual({ name: 'crm.csv', content: Buffer.from('Company\nK\xf6ln GmbH\n', 'latin1').toString('base64'), encoding: 'base64' });
    expect(asked[0]).toMatchObject({ kind: 'open', request: { title: 'Import prospects from a CRM export', filters: [{ extensions: ['csv', 'txt'] }, { extensions: ['*'] }] } });

    chosen = join(dir, 'calendar.ics');
    await writeFile(chosen, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(await value('desktop.openFile', { purpose: 'ics.import' })).toEqual({ name: 'calendar.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', encoding: 'text' });
    // The preview channel takes what the dialog gave, as it takes a file field's text.
    expect(await core.dispatch('interop.ics.preview', { text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', fileName: 'calendar.ics' })).toMatchObject({ ok: true });
  });

  it('answers null when the rep cancels, and refuses a folder in plain words', async () => {
    expect(await value('desktop.openFile', { purpose: 'backup.restore' })).toBeNull();
    chosen = dir;
    const refused = await core.dispatch('desktop.openFile', { purpose: 'backup.restore' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('not a file') } });
  });

  it('streams the .ics export into the chosen file, offering the export’s name', async () => {
    const meeting = await seedMeeting();
    chosen = join(dir, 'plan.ics');
    const saved = await value<{ path: string; fileName: string; counts: { meetings: number; touches: number } }>('desktop.exportIcs', {});
    expect(saved).toMatchObject({ path: chosen, fileName: 'plan.ics' });
    expect(saved.counts.meetings).toBe(1);
    expect(asked[0]?.request.suggestedName).toMatch(/^touchplan-\d{4}-\d{2}-\d{2}\.ics$/);
    const text = await readFile(chosen, 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toContain(`${meeting.id}@touchplan`);
    expect(events).toHaveLength(saved.counts.meetings + saved.counts.touches);
    expect((await readdir(dir)).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('streams the same bytes as the browser host’s download', async () => {
    await seedMeeting();
    chosen = join(dir, 'plan.ics');
    await value('desktop.exportIcs', { from: '2030-03-01', to: '2030-03-31' });
    const download = await value<{ text: string }>('interop.ics.export', { from: '2030-03-01', to: '2030-03-31' });
    expect(await readFile(chosen, 'utf8')).toBe(download.text);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    await seedMeeting();
    expect(await value('desktop.exportIcs', {})).toBeNull();
    expect(await value('desktop.exportBackup', {})).toBeNull();
    expect((await readdir(dir)).sort()).toEqual(['data']);
  });

  it('saves a full backup that restores', async () => {
    await seedMeeting();
    chosen = join(dir, 'backup.json');
    const saved = await value<{ counts: { meetings: number } }>('desktop.exportBackup', {});
    expect(saved.counts.meetings).toBe(1);
    expect(asked[0]?.request.suggestedName).toMatch(/^touchplan-backup-.*\.json$/);
    expect(await core.dispatch('interop.backup.restore', { text: await readFile(chosen, 'utf8') })).toMatchObject({ ok: true });
  });

  it('prints the meeting brief and saves it as PDF where the rep chose', async () => {
    const meeting = await seedMeeting();
    expect(await value('desktop.printBrief', { meetingId: meeting.id })).toEqual({ printed: true });
    expect(printer.print.mock.calls[0]?.[0]).toContain('A pilot signed');
    printer.print.mockResolvedValueOnce(false);
    expect(await value('desktop.printBrief', { meetingId: meeting.id })).toEqual({ printed: false });

    chosen = join(dir, 'brief.pdf');
    expect(await value('desktop.saveBriefPdf', { meetingId: meeting.id })).toEqual({ path: chosen, fileName: 'brief.pdf' });
    expect(asked.at(-1)?.request.suggestedName).toMatch(/\.pdf$/);
    expect(await readFile(chosen, 'utf8')).toBe('%PDF-1.7 brief');
  });

  it('refuses a brief of a meeting that does not exist', async () => {
    const refused = await core.dispatch('desktop.printBrief', { meetingId: '00000000-0000-4000-8000-000000000000' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(printer.print).not.toHaveBeenCalled();
  });
});

describe('a host without dialogs or printer (the browser host)', () => {
  it('says so in app.info and refuses the desktop channels in plain words', async () => {
    const browser = await createCore({ dataDir: join(dir, 'browser'), host: 'browser', version: 'test' });
    try {
      expect(await browser.dispatch('app.info', {})).toMatchObject({ ok: true, value: { capabilities: { fileDialogs: false, printing: false }, appearance: null } });
      expect(await browser.dispatch('desktop.exportIcs', {})).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('no file dialogs') } });
      expect(await browser.dispatch('desktop.printBrief', { meetingId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false });
    } finally {
      await browser.close();
    }
  });
});
