// CSV rows: duplicates inside one file are offered like duplicates of existing records (same email in another
// case; the same company named again with nothing new), and every bad row carries all its real reasons.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, openHarness, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

/** The file's data lines as cells, with their line numbers (the header is line 1). */
async function linesOf(name: string) {
  const text = await fixture(name);
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: i + 1, cells: line.split(',') }))
    .slice(1)
    .filter((l) => l.cells.length > 1);
}

describe('CSV rows', () => {
  it('offers a row repeating an earlier row’s email, in another case, as a duplicate of that row', async () => {
    const lines = await linesOf('csv/in-file-duplicates.csv');
    const preview = h.interop.csvPreview({ text: await fixture('csv/in-file-duplicates.csv') });
    const seen = new Map<string, number>();
    const expected: number[][] = [];
    for (const { line, cells } of lines) {
      const email = (cells[2] ?? '').toLowerCase();
      if (!cells[0] || !/^[^@\s]+@[^@\s]+\.[a-z]+$/.test(email)) continue;
      const first = seen.get(email);
      if (first !== undefined) expected.push([line, first]);
      else seen.set(email, line);
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(preview.duplicates.filter((d) => d.matchedBy === 'email').map((d) => [d.line, d.earlierLine])).toEqual(expected);
    expect(preview.duplicateCount).toBe(preview.duplicates.length);
  });

  it('offers a row naming an earlier row’s company again, with no new contact, as a duplicate of that row', async () => {
    const lines = await linesOf('csv/in-file-duplicates.csv');
    const preview = h.interop.csvPreview({ text: await fixture('csv/in-file-duplicates.csv') });
    const bare = lines.filter(({ cells }) => cells[0] && !cells[1] && !cells[2]);
    expect(bare.length).toBeGreaterThan(0);
    for (const { line, cells } of bare) {
      const first = lines.find((l) => l.cells[0]?.toLowerCase() === cells[0]?.toLowerCase());
      const duplicate = preview.duplicates.find((d) => d.line === line);
      expect(duplicate?.matchedBy).toBe('company');
      expect(duplicate?.earlierLine).toBe(first?.line);
    }
    // Another contact of a company already named is not a duplicate.
    expect(preview.duplicates.filter((d) => d.matchedBy === 'company' && d.contactName !== '')).toEqual([]);
  });

  it('skips or merges in-file duplicates as the rep chooses; other contacts of the same company are kept', async () => {
    const text = await fixture('csv/in-file-duplicates.csv');
    const { mapping, duplicateCount } = h.interop.csvPreview({ text });
    const skipped = await h.interop.csvImport({ text, mapping, duplicates: 'skip' });
    expect(skipped.skipped).toBe(duplicateCount);
    const acme = [...h.store.state.prospects.values()].find((p) => p.company.toLowerCase() === 'acme gmbh');
    expect(acme?.contacts.map((c) => c.email).sort()).toEqual(['anna.berg@acme.example', 'carla@acme.example']);
    // One prospect per company, whatever the case it was written in.
    const names = [...h.store.state.prospects.values()].map((p) => p.company.toLowerCase());
    expect(new Set(names).size).toBe(names.length);

    const fresh = await openHarness();
    try {
      const merged = await fresh.interop.csvImport({ text, mapping, duplicates: 'update' });
      expect(merged.skipped).toBe(0);
      const again = [...fresh.store.state.prospects.values()].find((p) => p.company.toLowerCase() === 'acme gmbh');
      expect(again?.contacts).toHaveLength(2);
    } finally {
      await fresh.close();
    }
  });

  it('reports every bad row with its real reasons: an invalid email is named even when the company is missing', async () => {
    const lines = await linesOf('csv/in-file-duplicates.csv');
    const preview = h.interop.csvPreview({ text: await fixture('csv/in-file-duplicates.csv') });
    for (const { line, cells } of lines) {
      const [company, , email = ''] = cells;
      const badEmail = email !== '' && !/^[^@\s]+@[^@\s]+\.[a-z]+$/.test(email.toLowerCase());
      const error = preview.errors.find((e) => e.line === line);
      if (!company || badEmail) expect(error).toBeDefined();
      else expect(error).toBeUndefined();
      if (!error) continue;
      expect(error.reason.includes('company is missing')).toBe(!company);
      expect(error.reason.includes('not a valid email address')).toBe(badEmail);
    }
  });
});
