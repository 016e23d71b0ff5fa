// A calendar file cannot stop the app: it is read in a worker thread with caps on occurrences, steps, time and
// memory, and a hostile file ends in a plain-words refusal while the main thread keeps answering.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/main/core/errors';
import { parseIcsInWorker } from '../../../src/main/core/interop/icsInWorker';
import { IcsError } from '../../../src/main/core/interop/icsParse';
import { addCalendarDays, instantMsAt, todayLocalDate } from '../../../src/shared/domain/time';
import { fixture, NOW, openHarness, TZ, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

/** The hostile fixture's ten series, repeated under new UIDs until there are `count`. */
async function manySecondlySeries(count: number): Promise<string> {
  const text = await fixture('ics/hostile.ics');
  const first = text.indexOf('BEGIN:VEVENT');
  const events = text.slice(first, text.lastIndexOf('END:VCALENDAR'));
  const copies = Array.from({ length: Math.ceil(count / 10) }, (_, i) => events.replace(/UID:hostile-/g, `UID:copy${i}-hostile-`));
  return `${text.slice(0, first)}${copies.join('')}END:VCALENDAR\r\n`;
}

// The window the service uses: from the start of today, 90 days.
const today = todayLocalDate(NOW, { timeZone: TZ });
const window = { timeZone: TZ, windowStartMs: instantMsAt(today, '00:00', TZ), windowEndMs: instantMsAt(addCalendarDays(today, 90), '00:00', TZ) };

describe('a hostile calendar file', () => {
  it('ten FREQ=SECONDLY series: refused in plain words, nothing written, and the main thread answers meanwhile', async () => {
    const before = await h.files();
    const text = await fixture('ics/hostile.ics');
    const preview = h.interop.icsPreview({ text, fileName: 'hostile.ics', windowDays: 90 });
    // Were the file read on the main thread, the preview would already be settled before any timer could run.
    const ping = new Promise<'ping'>((resolve) => setTimeout(() => resolve('ping'), 0));
    const first = await Promise.race([preview.then(() => 'preview', () => 'preview'), ping]);
    expect(first).toBe('ping');

    const error = await preview.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiFailure);
    expect((error as Error).message).toMatch(/repeats every second/);
    expect((error as Error).message).toMatch(/Nothing was imported/);
    await expect(h.interop.icsImport({ text, windowDays: 90, links: [] })).rejects.toThrow(/repeats every second/);
    expect(h.store.state.meetings.size).toBe(0);
    expect(await h.files()).toEqual(before);
  });

  it('after a refusal, the next file reads as usual', async () => {
    await expect(h.interop.icsPreview({ text: await fixture('ics/hostile.ics'), fileName: 'hostile.ics', windowDays: 90 })).rejects.toThrow(ApiFailure);
    const text = await fixture('ics/google.ics');
    const preview = await h.interop.icsPreview({ text, fileName: 'google.ics', windowDays: 90 });
    const parsed = await parseIcsInWorker(text, window);
    expect(preview.events.length).toBe(parsed.occurrences.length + parsed.removed.length);
    expect(preview.counts.new).toBeGreaterThan(0);
  });

  it('500 such series are refused the same way', async () => {
    const text = await manySecondlySeries(500);
    await expect(h.interop.icsPreview({ text, fileName: 'hostile-500.ics', windowDays: 90 })).rejects.toThrow(/Nothing was imported/);
  });

  it('an occurrence cap: a file past it is refused, the same file under it is read', async () => {
    const text = await fixture('ics/google.ics');
    const all = await parseIcsInWorker(text, window);
    const kept = all.occurrences.filter((o) => !o.problem).length;
    expect(kept).toBeGreaterThan(1);
    await expect(parseIcsInWorker(text, { ...window, maxOccurrences: kept - 1 })).rejects.toThrow(IcsError);
    expect((await parseIcsInWorker(text, { ...window, maxOccurrences: kept })).occurrences).toHaveLength(all.occurrences.length);
  });

  it('a time budget: reading stops when it is spent', async () => {
    const text = await fixture('ics/hostile.ics');
    const error = await parseIcsInWorker(text, { ...window, maxOccurrences: 10_000_000, maxPerSeries: 10_000_000, maxSteps: 100_000_000 }, { memoryMb: 384, timeMs: 0 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IcsError);
    expect((error as Error).message).toMatch(/too long|longer than/);
  });

  it('a memory cap: a worker that runs out of it is stopped and the file refused in plain words', async () => {
    const text = await manySecondlySeries(50);
    const error = await parseIcsInWorker(text, { ...window, maxOccurrences: 100_000_000, maxPerSeries: 100_000_000, maxSteps: 100_000_000 }, { memoryMb: 16, timeMs: 120_000 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IcsError);
    expect((error as Error).message).toMatch(/more memory than Touchplan gives one import \(16 MB\)/);
  });
});
