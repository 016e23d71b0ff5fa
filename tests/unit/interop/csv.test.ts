import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvError, parseCsv, suggestMapping } from '../../../src/main/core/interop/csv';
import type { InteropProgress } from '../../../src/shared/contract/interop';
import { fixture, openHarness, prospect, seed, type Harness } from './helpers';

describe('parseCsv and suggestMapping', () => {
  it('recognises HubSpot headers', async () => {
    const table = parseCsv(await fixture('csv/hubspot-contacts.csv'));
    expect(table.delimiter).toBe(',');
    expect(suggestMapping(table.headers)).toEqual({
      company: 'Company Name',
      website: 'Website URL',
      contactName: null,
      firstName: 'First Name',
      lastName: 'Last Name',
      email: 'Email',
      phone: 'Phone Number',
      role: 'Job Title',
      notes: null,
    });
  });

  it('recognises Salesforce headers', async () => {
    const table = parseCsv(await fixture('csv/salesforce-contacts.csv'));
    expect(suggestMapping(table.headers)).toMatchObject({
      company: 'Account Name',
      firstName: 'First Name',
      lastName: 'Last Name',
      role: 'Title',
      email: 'Email',
      phone: 'Phone',
      website: 'Website',
    });
  });

  it('recognises Pipedrive headers', async () => {
    const table = parseCsv(await fixture('csv/pipedrive-persons.csv'));
    expect(suggestMapping(table.headers)).toMatchObject({
      company: 'Organization - Name',
      contactName: 'Person - Name',
      email: 'Person - Email - Work',
      phone: 'Person - Phone - Work',
      role: 'Person - Job title',
    });
  });

  it('detects semicolons, drops the BOM, keeps quoted newlines and numbers rows by the line they start on', async () => {
    const table = parseCsv(await fixture('csv/semicolon-bom.csv'));
    expect(table.delimiter).toBe(';');
    expect(table.headers[0]).toBe('Firma');
    expect(table.rows.map((r) => r.line)).toEqual([2, 4, 5, 7]);
    expect(table.rows[0]?.cells[6]).toBe('Messe-Kontakt; will ein Angebot\r\nfür 3 Standorte bis Ende März');
    expect(suggestMapping(table.headers)).toMatchObject({ company: 'Firma', firstName: 'Vorname', lastName: 'Nachname', email: 'E-Mail', phone: 'Telefon', role: 'Position', notes: 'Notizen' });
  });

  it('prefers the remembered mapping where its columns still exist', () => {
    const headers = ['Company Name', 'Org', 'Email'];
    expect(suggestMapping(headers, { company: 'Org', email: 'Email', phone: 'Gone' })).toMatchObject({ company: 'Org', email: 'Email', phone: null });
  });

  it('refuses a file without a header, an empty file and binary garbage', async () => {
    expect(() => parseCsv(`${'x'}`.slice(1))).toThrow(CsvError);
    const noHeader = await fixture('csv/no-header.csv');
    expect(() => parseCsv(noHeader)).toThrow(/no header: its first line holds an email address \("ana.souza@northwind-traders.example"\)/);
    const garbage = String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 131 + 7) % 256));
    expect(() => parseCsv(garbage)).toThrow(/binary data/);
  });
});

let h: Harness;
describe('CSV preview and import', () => {
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(async () => {
    await h.close();
  });
  const prospects = () => [...h.store.state.prospects.values()];

  it('previews rows, errors by line and duplicates without writing anything', async () => {
    await seed(h.store, {
      prospects: [
        prospect({ company: 'NORTHWIND TRADERS' }),
        prospect({ company: 'Initech', contacts: [{ id: crypto.randomUUID(), name: 'Farid H.', email: 'Farid.Haddad@initech-labs.example', role: '', phone: '' }] }),
      ],
    });
    const before = await h.files();
    const preview = h.interop.csvPreview({ text: await fixture('csv/hubspot-contacts.csv') });
    expect(preview.rowCount).toBe(6);
    expect(preview.mapping).toEqual(preview.suggestedMapping);
    expect(preview.rows.map((r) => [r.line, r.company, r.contactName, r.email])).toEqual([
      [2, 'Northwind Traders', 'Ana Souza', 'ana.souza@northwind-traders.example'],
      [3, 'Northwind Traders', 'Ben Carter', 'ben.carter@northwind-traders.example'],
      [4, 'Fabrikam Foods', 'Chloé Martin', 'chloe.martin@fabrikam-foods.example'],
      [7, 'Initech Labs', 'Farid Haddad', 'farid.haddad@initech-labs.example'],
    ]);
    expect(preview.errors).toEqual([
      { line: 5, reason: '"dmitri.petrov@globex-energy" is not a valid email address.' },
      { line: 6, reason: 'The company is missing.' },
    ]);
    expect(preview.duplicates.map((d) => [d.line, d.matchedBy, d.existing.company])).toEqual([
      [2, 'company', 'NORTHWIND TRADERS'],
      [3, 'company', 'NORTHWIND TRADERS'],
      [7, 'email', 'Initech'],
    ]);
    expect(preview.newProspects).toBe(1);
    expect(await h.files()).toEqual(before);
  });

  it('asks for a company column when the mapping has none', async () => {
    const preview = h.interop.csvPreview({ text: await fixture('csv/hubspot-contacts.csv'), mapping: { email: 'Email' } });
    expect(preview.mappingProblem).toMatch(/company/);
    expect(preview.rows).toEqual([]);
  });

  it('imports the good rows in one go, groups contacts by company, reports bad rows by line, and remembers the mapping', async () => {
    const text = await fixture('csv/semicolon-bom.csv');
    const { suggestedMapping } = h.interop.csvPreview({ text });
    const result = await h.interop.csvImport({ text, mapping: suggestedMapping, duplicates: 'skip' });
    expect(result).toMatchObject({ created: 3, updated: 0, skipped: 0, prospectsCreated: 2, contactsCreated: 3 });
    expect(result.errors).toEqual([{ line: 7, reason: '"max.mustermann(at)acme" is not a valid email address.' }]);
    const brauhaus = prospects().find((p) => p.company === 'Brauhaus München GmbH')!;
    expect(brauhaus.contacts.map((c) => [c.name, c.email, c.role])).toEqual([
      ['Jürgen Weiß', 'juergen.weiss@brauhaus-muenchen.example', 'Einkaufsleiter'],
      ['Zoë Lefèvre', 'zoe.lefevre@brauhaus-muenchen.example', 'Geschäftsführerin'],
    ]);
    expect(brauhaus.notes).toBe('Messe-Kontakt; will ein Angebot\r\nfür 3 Standorte bis Ende März');
    expect(Object.values(h.store.state.settings.csvMappings)).toMatchObject([{ company: 'Firma', email: 'E-Mail' }]);
    // No first touch is planned for a bulk import.
    expect(h.store.state.touches.size).toBe(0);
  });

  it('updates or skips duplicates matched by email or company name, case-insensitively', async () => {
    const existing = prospect({
      company: 'contoso pharma',
      website: '',
      contacts: [{ id: crypto.randomUUID(), name: 'G. Liu', email: 'GRACE.LIU@contoso-pharma.example', role: '', phone: '' }],
    });
    await seed(h.store, { prospects: [existing] });
    const text = await fixture('csv/salesforce-contacts.csv');
    const { mapping } = h.interop.csvPreview({ text });

    const skipped = await h.interop.csvImport({ text, mapping, duplicates: 'skip' });
    expect(skipped).toMatchObject({ created: 1, updated: 0, skipped: 2, prospectsCreated: 1 });
    expect(h.store.state.prospects.get(existing.id)).toEqual(existing);

    const updated = await h.interop.csvImport({ text, mapping, duplicates: 'update' });
    // Umbrella Health now exists too (from the first run): every row is a duplicate.
    expect(updated).toMatchObject({ created: 0, updated: 3, skipped: 0, prospectsCreated: 0, prospectsUpdated: 2 });
    const contoso = h.store.state.prospects.get(existing.id)!;
    expect(contoso.website).toBe('www.contoso-pharma.example');
    expect(contoso.contacts.map((c) => [c.id === existing.contacts[0]!.id, c.name, c.role])).toEqual([
      [true, 'Grace Liu', 'Director of Sales'],
      [false, 'Hiro Tanaka', 'Plant manager'],
    ]);
    expect(prospects()).toHaveLength(2);
  });

  it('refuses a file without a header and imports nothing', async () => {
    const before = await h.files();
    const text = await fixture('csv/no-header.csv');
    expect(() => h.interop.csvPreview({ text })).toThrow(/no header/);
    await expect(h.interop.csvImport({ text, mapping: { company: 'Northwind Traders' }, duplicates: 'skip' })).rejects.toThrow(/no header.*Nothing was imported/);
    expect(await h.files()).toEqual(before);
  });

  it('imports 10,000 rows with progress events, bad rows reported by line', async () => {
    const lines = ['Company Name,First Name,Last Name,Email,Phone Number,Job Title'];
    for (let i = 0; i < 10_000; i++) {
      const company = `Company ${Math.floor(i / 4)}`;
      const email = i % 1_000 === 999 ? 'broken-address' : `person${i}@company${Math.floor(i / 4)}.example`;
      lines.push(`${company},First${i},"Last, ${i}",${email},+1 555 ${String(i).padStart(4, '0')},Buyer`);
    }
    const events: InteropProgress[] = [];
    h.interop.onProgress((p) => events.push(p));
    const result = await h.interop.csvImport({
      text: lines.join('\n'),
      mapping: { company: 'Company Name', firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Phone Number', role: 'Job Title' },
      duplicates: 'skip',
    });
    expect(result.created).toBe(9_990);
    expect(result.errorCount).toBe(10);
    expect(result.errors[0]).toEqual({ line: 1_001, reason: '"broken-address" is not a valid email address.' });
    expect(result.prospectsCreated).toBe(2_500);
    expect(h.store.state.prospects.size).toBe(2_500);
    expect(events.length).toBeGreaterThan(2);
    expect(events.at(-1)).toEqual({ task: 'csv.import', done: 10_000, total: 10_000 });
    expect(events.map((e) => e.done)).toEqual([...events.map((e) => e.done)].sort((a, b) => a - b));
  });
});
