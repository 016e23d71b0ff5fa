import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeChunksToFile } from '../../../src/main/core/host/fileSink';
import { icsChunks, writeIcs } from '../../../src/main/core/interop/icsWrite';
import { touchSchema } from '../../../src/shared/schema';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'touchplan-sink-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeChunksToFile', () => {
  it('writes every chunk, strings and bytes, and leaves no temp file', async () => {
    const path = join(dir, 'out.ics');
    const written = await writeChunksToFile(path, ['BEGIN:', new TextEncoder().encode('VCALENDAR ✓'), '\r\n']);
    expect(readFileSync(path, 'utf8')).toBe('BEGIN:VCALENDAR ✓\r\n');
    expect(written).toBe(Buffer.byteLength('BEGIN:VCALENDAR ✓\r\n'));
    expect(readdirSync(dir)).toEqual(['out.ics']);
  });

  it('keeps the file it would replace when the chunks fail half-way, and removes its temp file', async () => {
    const path = join(dir, 'plan.ics');
    writeFileSync(path, 'the previous export');
    function* failing(): Generator<string> {
      yield 'BEGIN:VCALENDAR\r\n';
      throw new Error('the store went away');
    }
    await expect(writeChunksToFile(path, failing())).rejects.toThrow('the store went away');
    expect(readFileSync(path, 'utf8')).toBe('the previous export');
    expect(readdirSync(dir)).toEqual(['plan.ics']);
  });
});

describe('icsChunks', () => {
  it('streams a large export in several chunks, the same bytes as the whole text', () => {
    const now = Date.parse('2026-03-02T08:00:00.000Z');
    const touches = Array.from({ length: 3_000 }, (_, i) => {
      const at = new Date(now + i * 3_600_000).toISOString();
      return touchSchema.parse({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        prospectId: '00000000-0000-4000-8000-000000000000',
        title: `Send the business case ${i} — Köln`,
        action: 'business-justification',
        value: 'The numbers the CFO asked for',
        channel: 'email',
        due: { allDay: false, at },
        createdAt: at,
        updatedAt: at,
      });
    });
    const input = { meetings: [], touches, prospects: new Map(), deals: new Map(), nowMs: now, workdayStart: '08:30' };
    const counts = { meetings: 0, touches: 0 };
    const chunks = [...icsChunks(input, counts)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(counts).toEqual({ meetings: 0, touches: 3_000 });
    expect(Buffer.concat(chunks).toString('utf8')).toBe(writeIcs(input).text);
  });
});
