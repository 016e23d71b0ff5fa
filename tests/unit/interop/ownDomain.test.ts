// The rep's own company is never offered as a prospect: its domain is a setting, filled from the organizer of
// the rep's first calendar import, and a domain the rep types is checked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../src/shared/schema';
import { fixture, openHarness, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

/** One meeting the prospect organised, the rep only an attendee: nothing in the file itself says who the rep is. */
const INVITE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:quarry-invite-1',
  'DTSTAMP:20260301T090000Z',
  'DTSTART:20260310T140000Z',
  'DTEND:20260310T150000Z',
  'SUMMARY:Quarry Foods: supplier review',
  'ORGANIZER;CN=Priya Nair:mailto:priya.nair@quarry-foods.example',
  'ATTENDEE;CN=Lena Fischer:mailto:lena.fischer@touchplan-sales.example',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('the rep’s own domain', () => {
  it('is learnt from the first import, then never offered as a prospect', async () => {
    expect(h.store.state.settings.ownDomain).toBe('');
    await h.interop.icsImport({ text: await fixture('ics/outlook.ics'), windowDays: 90, links: [] });
    expect(h.store.state.settings.ownDomain).toBe('touchplan-sales.example');

    const preview = await h.interop.icsPreview({ text: INVITE, fileName: 'invite.ics', windowDays: 90 });
    expect(preview.events[0]?.suggestedProspect).toEqual({ company: 'Quarry Foods', domain: 'quarry-foods.example' });
  });

  it('without it, the same invitation would offer the rep’s own company', async () => {
    const preview = await h.interop.icsPreview({ text: INVITE, fileName: 'invite.ics', windowDays: 90 });
    expect(preview.events[0]?.suggestedProspect?.domain).toBe('touchplan-sales.example');
  });

  it('is a domain the rep can type, checked in plain words', () => {
    expect(settingsSchema.parse({ ownDomain: ' Touchplan-Sales.example ' }).ownDomain).toBe('touchplan-sales.example');
    const refused = settingsSchema.safeParse({ ownDomain: 'lena@touchplan' });
    expect(refused.error?.issues[0]?.message).toBe('Enter a domain like example.com');
  });
});
