// What a calendar import takes: one-off events whatever their date (the window bounds recurrences only), and
// events earlier today, counted and imported like the rest of the day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCalendarDays, instantMsAt, todayLocalDate } from '../../../src/shared/domain/time';
import { fixture, NOW, openHarness, TZ, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const WINDOW_DAYS = 90;

describe('ICS import window', async () => {
  const text = await fixture('ics/cancel-base.ics');
  const today = todayLocalDate(NOW, { timeZone: TZ });
  const windowEndMs = instantMsAt(addCalendarDays(today, WINDOW_DAYS), '00:00', TZ);
  const todayStartMs = instantMsAt(today, '00:00', TZ);

  it('imports a one-off event beyond the recurrence window', async () => {
    const preview = await h.interop.icsPreview({ text, fileName: 'base.ics', windowDays: WINDOW_DAYS });
    const beyond = preview.events.filter((e) => Date.parse(e.start) >= windowEndMs);
    expect(beyond.length).toBeGreaterThan(0);
    for (const event of beyond) {
      expect(event.recurrenceId).toBeUndefined();
      expect(event.status).toBe('new');
    }
    const result = await h.interop.icsImport({ text, windowDays: WINDOW_DAYS, links: [] });
    const imported = [...h.store.state.meetings.values()].filter((m) => result.meetingIds.includes(m.id));
    for (const event of beyond) expect(imported.some((m) => m.externalUid === event.key)).toBe(true);
  });

  it('counts and imports events earlier today, one-off and recurring, though they already started', async () => {
    const preview = await h.interop.icsPreview({ text, fileName: 'base.ics', windowDays: WINDOW_DAYS });
    const earlier = preview.events.filter((e) => Date.parse(e.start) >= todayStartMs && Date.parse(e.end) <= NOW);
    expect(earlier.some((e) => e.recurrenceId)).toBe(true);
    expect(earlier.some((e) => !e.recurrenceId)).toBe(true);
    for (const event of earlier) expect(event.status).toBe('new');
    expect(preview.counts.new).toBe(preview.events.filter((e) => e.status === 'new').length);

    await h.interop.icsImport({ text, windowDays: WINDOW_DAYS, links: [] });
    const keys = new Set([...h.store.state.meetings.values()].map((m) => m.externalUid));
    for (const event of earlier) expect(keys.has(event.key)).toBe(true);
  });

  it('keeps recurrences to the window', async () => {
    const preview = await h.interop.icsPreview({ text, fileName: 'base.ics', windowDays: 7 });
    const lastDayMs = instantMsAt(addCalendarDays(today, 7), '00:00', TZ);
    const occurrences = preview.events.filter((e) => e.recurrenceId && e.status === 'new');
    expect(occurrences.length).toBeGreaterThan(0);
    for (const event of occurrences) expect(Date.parse(event.start)).toBeLessThan(lastDayMs);
  });
});
