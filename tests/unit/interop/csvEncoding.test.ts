// CSV bytes decoded whatever wrote them: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and Windows-1252
// (Excel on Windows) when the bytes are not valid UTF-8. The encoding found is shown in the preview.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../src/main/core/interop/csvEncoding';
import { fixture, openHarness, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const bytesOf = (path: string) => readFile(join(import.meta.dirname, '../../fixtures', path));
const companiesOf = (text: string) => text.split(/\r?\n/).slice(1).filter(Boolean).map((line) => line.split(',')[0]);

describe('CSV encodings', () => {
  it('reads a Windows-1252 export from Excel with its accents, and says so', async () => {
    const bytes = await bytesOf('csv/excel-windows-1252.csv');
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe('Windows-1252');
    expect(decoded.text).not.toContain('\uFFFD');
    expect(decoded.text).toContain('Société Générale');

    const preview = h.interop.csvPreview({ bytes: bytes.toString('base64') });
    expect(preview.encoding).toBe('Windows-1252');
    expect(preview.rows.map((r) => r.company)).toEqual(companiesOf(decoded.text));
    expect(preview.rows.some((r) => r.company.includes('\uFFFD'))).toBe(false);
  });

  it('reads UTF-16 LE and BE with a byte-order mark to the same rows as the Windows-1252 file', async () => {
    const reference = decodeCsvBytes(await bytesOf('csv/excel-windows-1252.csv')).text;
    for (const [name, encoding] of [['csv/utf16le-bom.csv', 'UTF-16 LE'], ['csv/utf16be-bom.csv', 'UTF-16 BE']] as const) {
      const bytes = await bytesOf(name);
      expect(decodeCsvBytes(bytes)).toEqual({ text: reference, encoding });
      const preview = h.interop.csvPreview({ bytes: bytes.toString('base64') });
      expect(preview.encoding).toBe(encoding);
      expect(preview.rows.map((r) => r.company)).toEqual(companiesOf(reference));
    }
  });

  it('reads UTF-8 with and without a BOM', async () => {
    const text = decodeCsvBytes(await bytesOf('csv/excel-windows-1252.csv')).text;
    expect(decodeCsvBytes(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'UTF-8 with BOM' });
  });

  it('imports from bytes: the prospects carry the right names', async () => {
    const bytes = (await bytesOf('csv/excel-windows-1252.csv')).toString('base64');
    const { mapping } = h.interop.csvPreview({ bytes });
    await h.interop.csvImport({ bytes, mapping, duplicates: 'skip' });
    const companies = [...h.store.state.prospects.values()].map((p) => p.company).sort();
    expect(companies).toEqual(companiesOf(decodeCsvBytes(Buffer.from(bytes, 'base64')).text).sort());
  });

  it('still takes already-decoded text', async () => {
    const preview = h.interop.csvPreview({ text: await fixture('csv/hubspot-contacts.csv') });
    expect(preview.encoding).toBeUndefined();
    expect(preview.rowCount).toBeGreaterThan(0);
  });

  it('reads the file in the encoding the rep picks instead of the detected one', async () => {
    const bytes = (await bytesOf('csv/excel-windows-1252.csv')).toString('base64');
    const asUtf8 = h.interop.csvPreview({ bytes, encoding: 'UTF-8' });
    expect(asUtf8.encoding).toBe('UTF-8');
    expect(asUtf8.rows.some((r) => r.company.includes('\uFFFD'))).toBe(true);
    const as1252 = h.interop.csvPreview({ bytes, encoding: 'Windows-1252' });
    expect(as1252.rows.some((r) => r.company === 'Société Générale')).toBe(true);
  });
});
