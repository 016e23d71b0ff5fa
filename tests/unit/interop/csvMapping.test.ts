// The remembered CSV mapping belongs to its kind of file: a column left unmapped for one CRM's export does not
// stay unmapped for another's. Columns mapped to nothing can go to the prospect's notes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, openHarness, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

describe('CSV mapping', () => {
  it('is remembered per set of headers, so each CRM export keeps its own', async () => {
    const hubspot = await fixture('csv/hubspot-contacts.csv');
    const salesforce = await fixture('csv/salesforce-contacts.csv');
    // The rep leaves the contact's first name unmapped for HubSpot's export...
    const { suggestedMapping } = h.interop.csvPreview({ text: hubspot });
    expect(suggestedMapping.firstName).toBe('First Name');
    await h.interop.csvImport({ text: hubspot, mapping: { ...suggestedMapping, firstName: null }, duplicates: 'skip' });

    // ...which Salesforce's export (same "First Name" header) does not inherit: its contacts keep their names.
    const next = h.interop.csvPreview({ text: salesforce });
    expect(next.suggestedMapping).toMatchObject({ company: 'Account Name', firstName: 'First Name', lastName: 'Last Name' });
    expect(next.rows[0]?.contactName).toBe('Grace Liu');

    // HubSpot's next export (its columns in another order) gets HubSpot's mapping back, the unmapped column included.
    const [header, ...rows] = hubspot.trim().split('\n');
    const reordered = [header!.split(',').reverse().join(','), ...rows.map((r) => r.split(',').reverse().join(','))].join('\n');
    expect(h.interop.csvPreview({ text: reordered }).suggestedMapping.firstName).toBeNull();
  });

  it('puts the columns mapped to nothing in the notes, as "Header: value" lines, when asked', async () => {
    const text = await fixture('csv/salesforce-contacts.csv');
    const { suggestedMapping } = h.interop.csvPreview({ text });
    expect(suggestedMapping.notes).toBeNull();
    const preview = h.interop.csvPreview({ text, mapping: suggestedMapping, unmappedToNotes: true });
    expect(preview.errorCount).toBe(0);
    await h.interop.csvImport({ text, mapping: suggestedMapping, duplicates: 'skip', unmappedToNotes: true });
    const contoso = [...h.store.state.prospects.values()].find((p) => p.company === 'Contoso Pharma');
    expect(contoso?.notes).toBe('Mailing City: Boston\nContact Owner: Lena Fischer\nMailing City: Osaka');

    const fresh = await openHarness();
    try {
      await fresh.interop.csvImport({ text, mapping: suggestedMapping, duplicates: 'skip' });
      expect([...fresh.store.state.prospects.values()].every((p) => p.notes === '')).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
