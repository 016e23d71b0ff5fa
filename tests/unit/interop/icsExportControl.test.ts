// Control characters in a record (pasted from other tools) never reach the .ics export: ical.js and the app's
// own importer read the export back, with the visible text and tabs intact.
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasBinary } from '../../../src/main/core/interop/icsParse';
import { meeting, openHarness, seed, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0085', '\u009F'];
const visible = (text: string) => [...text].filter((c) => !CONTROLS.includes(c)).join('');

describe('ICS export of records holding control characters', () => {
  it('writes none of them, and the export reads back (ical.js and the importer) with the rest of the text', async () => {
    const title = `Kick-off${CONTROLS.join('')} with\tAcme`;
    const location = `Room${CONTROLS.slice(0, 4).join('')} 4`;
    const record = meeting({ title, location, start: '2026-03-04T09:00:00.000Z', end: '2026-03-04T10:00:00.000Z' });
    await seed(h.store, { meetings: [record] });

    const { text } = h.interop.icsExport({});
    expect(hasBinary(text)).toBe(false);
    for (const c of CONTROLS) expect(text.includes(c)).toBe(false);

    const vevent = new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent').find((v) => String(v.getFirstPropertyValue('uid')).startsWith(record.id));
    expect(vevent?.getFirstPropertyValue('summary')).toBe(visible(title));
    expect(vevent?.getFirstPropertyValue('location')).toBe(visible(location));

    const preview = await h.interop.icsPreview({ text, fileName: 'touchplan.ics', windowDays: 90 });
    const row = preview.events.find((e) => e.meetingId === record.id);
    expect(row?.status).toBe('updated');
    expect(row?.title).toBe(visible(title));
  });
});
