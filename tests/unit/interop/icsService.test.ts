import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/main/core/errors';
import { meetingReadiness, READINESS_MISSING } from '../../../src/shared/domain/readiness';
import { deal, fixture, meeting, openHarness, prospect, seed, touch, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const meetings = () => [...h.store.state.meetings.values()];
const OUTLOOK_SERIES = '040000008200E00074C5B7101A82E00800000000D0B3F3A1C2A4DC01000000000000000010000000A1C3E5F7092B4D6F8193A5C7E9F1B3D5';

describe('ICS preview and import', () => {
  it('previews counts and events before anything is written', async () => {
    const before = await h.files();
    const preview = await h.interop.icsPreview({ text: await fixture('ics/outlook.ics'), fileName: 'outlook.ics', windowDays: 90 });
    // 11 occurrences of the series, 2 Harbor Freight calls, the fair; the past and the cancelled ones skipped; the
    // occurrence removed from the series (EXDATE 17 March) listed, not counted.
    expect(preview.counts).toEqual({ new: 14, updated: 0, skipped: 2, cancelled: 0 });
    expect(preview.window).toEqual({ from: '2026-03-02', to: '2026-05-30', days: 90 });
    const skipped = preview.events.filter((e) => e.status === 'skipped').map((e) => [e.title, e.reason]);
    expect(skipped).toEqual([
      ['Erstgespräch Brauhaus München', 'In the past (before today).'],
      ['Abgesagt: Quartalsreview Brauhaus München', 'Cancelled in the calendar.'],
      ['Wöchentlicher Abgleich – Brauhaus München', 'Removed from the series in the calendar.'],
    ]);
    const fair = preview.events.find((e) => e.title.startsWith('Fachmesse'));
    expect(fair?.allDay).toBe(true);
    expect(await h.files()).toEqual(before);
  });

  it('suggests a prospect from the attendees’ domain, leaving out the rep’s own domain', async () => {
    const preview = await h.interop.icsPreview({ text: await fixture('ics/outlook.ics'), fileName: 'outlook.ics', windowDays: 90 });
    const series = preview.events.find((e) => e.uid === OUTLOOK_SERIES);
    expect(series?.suggestedProspect).toEqual({ company: 'Brauhaus Muenchen', domain: 'brauhaus-muenchen.example' });
    const harbor = preview.events.find((e) => e.title.startsWith('Discovery call'));
    expect(harbor?.suggestedProspect?.domain).toBe('harbor-freight-logistics.example');
    // Google names the calendar after its owner: a meeting the prospect organised still suggests the prospect.
    const google = await h.interop.icsPreview({ text: await fixture('ics/google.ics'), fileName: 'google.ics', windowDays: 90 });
    expect(google.events.find((e) => e.title.startsWith('Quillfield'))?.suggestedProspect?.domain).toBe('quillfield-analytics.example');
  });

  it('suggests the active deal of a prospect known by its website or a contact’s email', async () => {
    const nordlys = prospect({ company: 'Nordlys Energi', website: 'https://www.nordlys-energi.example' });
    const won = deal({ prospectId: nordlys.id, title: 'Old pilot', stage: 'won', updatedAt: '2026-03-01T00:00:00.000Z' });
    const active = deal({ prospectId: nordlys.id, title: 'Rollout Aarhus and Odense', stage: 'proposal' });
    await seed(h.store, { prospects: [nordlys], deals: [won, active] });
    const preview = await h.interop.icsPreview({ text: await fixture('ics/google.ics'), fileName: 'google.ics', windowDays: 90 });
    const pilot = preview.events.find((e) => e.uid === '7kukuqrfedlm2f9t0vn3q9bn2c@google.com');
    expect(pilot?.suggestedDeal).toEqual({ id: active.id, title: 'Rollout Aarhus and Odense', prospectId: nordlys.id, company: 'Nordlys Energi' });
  });

  it('imports meetings without a deal and with an empty call plan: each needs a plan and a link', async () => {
    const result = await h.interop.icsImport({ text: await fixture('ics/outlook.ics'), windowDays: 90, links: [] });
    expect(result).toMatchObject({ created: 14, updated: 0, skipped: 2, prospectsCreated: 0 });
    const all = meetings();
    expect(all).toHaveLength(14);
    for (const m of all) {
      expect(m.dealId).toBeNull();
      expect(m.externalUid).toBeTruthy();
      const readiness = meetingReadiness(m, [], h.store.state.settings, h.ctx.clock.now());
      expect(readiness.ready).toBe(false);
      expect(readiness.missing).toContain(READINESS_MISSING.idealOutcome);
    }
    const moved = all.find((m) => m.title.endsWith('(vor Ort)'));
    expect(moved).toMatchObject({ start: '2026-03-26T13:00:00.000Z', externalUid: `${OUTLOOK_SERIES}#2026-03-24T09:00:00.000Z` });
  });

  it('re-importing the same file updates by UID instead of duplicating, and keeps the plan written since', async () => {
    const text = await fixture('ics/google.ics');
    await h.interop.icsImport({ text, windowDays: 90, links: [] });
    const first = meetings();
    const planned = first[0]!;
    await h.store.transact((tx) => tx.put('meetings', { ...planned, callPlan: { ...planned.callPlan, idealOutcome: 'Signed rollout order' } }));

    const preview = await h.interop.icsPreview({ text, fileName: 'google.ics', windowDays: 90 });
    expect(preview.counts.new).toBe(0);
    expect(preview.counts.updated).toBe(first.length);
    const again = await h.interop.icsImport({ text, windowDays: 90, links: [] });
    expect(again).toMatchObject({ created: 0, updated: first.length });
    expect(meetings()).toHaveLength(first.length);
    expect(h.store.state.meetings.get(planned.id)?.callPlan.idealOutcome).toBe('Signed rollout order');
  });

  it('links a whole series to a deal, and creates a prospect with a deal from a domain for another event', async () => {
    const brauhaus = prospect({ company: 'Brauhaus München', contacts: [{ id: crypto.randomUUID(), name: 'Jürgen Weiß', email: 'juergen.weiss@brauhaus-muenchen.example', role: '', phone: '' }] });
    const pilot = deal({ prospectId: brauhaus.id, title: 'Kühlkette pilot' });
    await seed(h.store, { prospects: [brauhaus], deals: [pilot] });
    const text = await fixture('ics/outlook.ics');
    const discovery = (await h.interop.icsPreview({ text, fileName: 'o.ics', windowDays: 90 })).events.find((e) => e.title.startsWith('Discovery call'))!;
    const result = await h.interop.icsImport({
      text,
      windowDays: 90,
      links: [
        { uid: OUTLOOK_SERIES, dealId: pilot.id },
        { uid: discovery.uid, createProspect: { company: 'Harbor Freight Logistics', domain: 'harbor-freight-logistics.example' } },
      ],
    });
    expect(result).toMatchObject({ created: 14, prospectsCreated: 1, dealsCreated: 1 });
    const series = meetings().filter((m) => m.externalUid?.startsWith(OUTLOOK_SERIES));
    expect(series).toHaveLength(11);
    const jurgen = brauhaus.contacts[0]!.id;
    for (const m of series) expect([m.dealId, m.attendeeIds]).toEqual([pilot.id, [jurgen]]);

    const harbor = [...h.store.state.prospects.values()].find((p) => p.company === 'Harbor Freight Logistics')!;
    expect(harbor.website).toBe('harbor-freight-logistics.example');
    expect(harbor.contacts.map((c) => [c.name, c.email])).toEqual([['Mateo Álvarez', 'mateo.alvarez@harbor-freight-logistics.example']]);
    const harborDeal = [...h.store.state.deals.values()].find((d) => d.prospectId === harbor.id)!;
    const call = meetings().find((m) => m.title.startsWith('Discovery call'))!;
    expect(call.dealId).toBe(harborDeal.id);
    expect(call.attendeeIds).toEqual([harbor.contacts[0]!.id]);
    // The other Harbor Freight event was not linked: it still asks to be linked.
    expect(meetings().find((m) => m.title.startsWith('Technical deep dive'))?.dealId).toBeNull();
  });

  it('refuses a link to an unknown deal or event, and a broken file, importing nothing', async () => {
    const before = await h.files();
    const text = await fixture('ics/outlook.ics');
    await expect(h.interop.icsImport({ text, windowDays: 90, links: [{ uid: OUTLOOK_SERIES, dealId: crypto.randomUUID() }] })).rejects.toThrow(/does not exist/);
    await expect(h.interop.icsImport({ text, windowDays: 90, links: [{ uid: 'nope', dealId: crypto.randomUUID() }] })).rejects.toThrow(/no event nope/);
    const truncated = h.interop.icsImport({ text: text.slice(0, 3000), windowDays: 90, links: [] });
    await expect(truncated).rejects.toBeInstanceOf(ApiFailure);
    await expect(h.interop.icsImport({ text: text.slice(0, 3000), windowDays: 90, links: [] })).rejects.toThrow(/incomplete.*Nothing was imported/);
    expect(meetings()).toHaveLength(0);
    expect(await h.files()).toEqual(before);
  });
});

describe('ICS export', () => {
  async function seedPlan() {
    const northwind = prospect({ company: 'Northwind Traders' });
    const rollout = deal({ prospectId: northwind.id, title: 'Fleet tracking rollout' });
    const kickoff = meeting({ dealId: rollout.id, title: 'Kick-off with Ana Souza', start: '2026-03-04T13:00:00.000Z', end: '2026-03-04T14:00:00.000Z', location: 'Zoom' });
    const unlinked = meeting({ title: 'Coffee at the fair', start: '2026-04-20T07:30:00.000Z', end: '2026-04-20T08:00:00.000Z' });
    const recap = touch({ prospectId: northwind.id, dealId: rollout.id, meetingId: kickoff.id, due: { allDay: false, at: '2026-03-05T08:30:00.000Z' }, title: 'Recap and next steps', value: 'Their goals and the agreed next step, in writing' });
    const roi = touch({ prospectId: northwind.id, dealId: rollout.id, due: { allDay: true, date: '2026-03-09' }, action: 'deliver', title: 'Send the ROI model', value: 'Their own numbers in the ROI model they asked for' });
    const late = touch({ prospectId: northwind.id, dealId: rollout.id, due: { allDay: true, date: '2026-06-15' }, action: 'reference-meeting', channel: 'video', title: 'Reference call', value: 'Hear from a peer who solved the same problem' });
    await seed(h.store, { prospects: [northwind], deals: [rollout], meetings: [kickoff, unlinked], touches: [recap, roi, late] });
    return { northwind, rollout, kickoff, unlinked, recap, roi, late };
  }

  it('writes valid RFC 5545 that ical.js reads back with the same UIDs and instants', async () => {
    const s = await seedPlan();
    const { text, fileName, counts } = h.interop.icsExport({});
    expect(fileName).toBe('touchplan-2026-03-02.ics');
    expect(counts).toEqual({ meetings: 2, touches: 3 });
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const root = new ICAL.Component(ICAL.parse(text));
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(root.getFirstPropertyValue('prodid')).toMatch(/Touchplan/);
    const events = new Map(root.getAllSubcomponents('vevent').map((v) => [v.getFirstPropertyValue('uid') as string, new ICAL.Event(v)]));
    expect([...events.keys()].sort()).toEqual([s.kickoff, s.unlinked, s.recap, s.roi, s.late].map((r) => `${r.id}@touchplan`).sort());
    for (const v of root.getAllSubcomponents('vevent')) expect(v.getFirstPropertyValue('dtstamp')).toBeTruthy();

    const kickoff = events.get(`${s.kickoff.id}@touchplan`)!;
    expect(kickoff.startDate.toJSDate().toISOString()).toBe(s.kickoff.start);
    expect(kickoff.endDate.toJSDate().toISOString()).toBe(s.kickoff.end);
    expect(kickoff.location).toBe('Zoom');

    const recap = events.get(`${s.recap.id}@touchplan`)!;
    expect(recap.startDate.toJSDate().toISOString()).toBe('2026-03-05T08:30:00.000Z');
    expect(recap.description).toContain('Action: Recap and next steps');
    expect(recap.description).toContain('Value: Their goals and the agreed next step, in writing');
    expect(recap.description).toContain('Prospect: Northwind Traders');
    const alarm = recap.component.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm.getFirstPropertyValue('trigger')?.toString()).toBe('PT0S');

    const roi = events.get(`${s.roi.id}@touchplan`)!;
    expect(roi.startDate.isDate).toBe(true);
    expect(roi.startDate.toString()).toBe('2026-03-09');
    expect(text).toContain('DTSTART;VALUE=DATE:20260309');
    // An all-day touch rings at the start of the working day.
    expect(roi.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString()).toBe('PT9H');
  });

  it('exports a date range only', async () => {
    const s = await seedPlan();
    const { text, counts, fileName } = h.interop.icsExport({ from: '2026-03-05', to: '2026-04-30' });
    expect(counts).toEqual({ meetings: 1, touches: 2 });
    expect(fileName).toBe('touchplan-2026-03-05-to-2026-04-30.ics');
    expect(text).toContain(`${s.unlinked.id}@touchplan`);
    expect(text).not.toContain(`${s.kickoff.id}@touchplan`);
    expect(text).not.toContain(`${s.late.id}@touchplan`);
  });

  it('re-importing an exported file updates its meetings and never duplicates anything', async () => {
    const s = await seedPlan();
    const { text } = h.interop.icsExport({});
    const preview = await h.interop.icsPreview({ text, fileName: 'touchplan.ics', windowDays: 90 });
    expect(preview.counts).toEqual({ new: 0, updated: 2, skipped: 3, cancelled: 0 });
    expect(preview.events.filter((e) => e.status === 'skipped').every((e) => e.reason === 'A Touchplan touch: it is already in Touchplan.')).toBe(true);
    expect(preview.events.find((e) => e.meetingId === s.kickoff.id)?.suggestedDeal?.id).toBe(s.rollout.id);
    const result = await h.interop.icsImport({ text, windowDays: 90, links: [] });
    expect(result).toMatchObject({ created: 0, updated: 2, skipped: 3 });
    expect(h.store.state.meetings.size).toBe(2);
    expect(h.store.state.touches.size).toBe(3);
    expect(h.store.state.meetings.get(s.kickoff.id)).toMatchObject({ dealId: s.rollout.id, start: s.kickoff.start, externalUid: null });
  });
});
