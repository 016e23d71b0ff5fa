// Each occurrence of a series can be checked before importing: the preview marks the ones the calendar moved
// and lists the ones it removed (EXDATE); removing an occurrence imported earlier cancels its meeting. The
// window over which series are expanded is the rep's choice, up to two years.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interopChannels } from '../../../src/shared/contract/interop';
import { fixture, openHarness, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const SERIES = '7kukuqrfedlm2f9t0vn3q9bn2c@google.com';

describe('ICS occurrences in the preview', () => {
  it('marks the moved occurrence and lists the removed one', async () => {
    const preview = await h.interop.icsPreview({ text: await fixture('ics/google.ics'), fileName: 'google.ics', windowDays: 90 });
    const series = preview.events.filter((e) => e.uid === SERIES);
    const moved = series.filter((e) => e.moved);
    expect(moved.map((e) => e.recurrenceId)).toEqual(['2026-03-31T13:30:00.000Z']);
    expect(moved[0]?.start).toBe('2026-04-01T15:00:00.000Z');
    const removed = series.filter((e) => e.removed);
    expect(removed).toMatchObject([{ status: 'skipped', recurrenceId: '2026-03-17T13:30:00.000Z', reason: 'Removed from the series in the calendar.' }]);
    expect(series.filter((e) => !e.moved && !e.removed).every((e) => e.status === 'new')).toBe(true);
  });

  it('an occurrence removed after an import cancels its meeting, and only that one', async () => {
    const text = await fixture('ics/google.ics');
    await h.interop.icsImport({ text, windowDays: 90, links: [] });
    const meetingOf = (recurrence: string) => [...h.store.state.meetings.values()].find((m) => m.externalUid === `${SERIES}#${recurrence}`);
    const target = meetingOf('2026-03-24T13:30:00.000Z');
    expect(target?.cancelledAt).toBeNull();

    const later = text.replace('EXDATE;TZID=America/New_York:20260317T093000', 'EXDATE;TZID=America/New_York:20260317T093000,20260324T093000');
    const preview = await h.interop.icsPreview({ text: later, fileName: 'google.ics', windowDays: 90 });
    expect(preview.events.find((e) => e.meetingId === target!.id)).toMatchObject({ status: 'cancelled', removed: true });
    const result = await h.interop.icsImport({ text: later, windowDays: 90, links: [], cancelledTouches: 'keep' });
    expect(result.cancelled).toBe(1);
    expect(meetingOf('2026-03-24T13:30:00.000Z')?.cancelledAt).not.toBeNull();
    expect([...h.store.state.meetings.values()].filter((m) => m.cancelledAt !== null)).toHaveLength(1);
  });

  it('expands series over the window the rep picks, and refuses one over two years in plain words', async () => {
    const text = await fixture('ics/outlook.ics');
    const short = await h.interop.icsPreview({ text, fileName: 'outlook.ics', windowDays: 14 });
    const long = await h.interop.icsPreview({ text, fileName: 'outlook.ics', windowDays: 730 });
    expect(long.window.days).toBe(730);
    expect(long.counts.new).toBeGreaterThan(short.counts.new);
    const refused = interopChannels['interop.ics.preview'].request.safeParse({ text, windowDays: 731 });
    expect(refused.error?.issues[0]?.message).toBe('The import window is at most two years (730 days)');
  });
});
