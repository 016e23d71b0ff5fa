// Cancellations of events imported earlier: STATUS:CANCELLED, METHOD:CANCEL for one occurrence and for a whole
// series. The preview lists them as "cancelled"; the import marks their meetings cancelled (never deletes them)
// and skips or keeps their planned touches, as the rep chose.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, openHarness, prospect, seed, touch, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
  await h.interop.icsImport({ text: await fixture('ics/cancel-base.ics'), windowDays: 90, links: [], cancelledTouches: 'keep' });
});
afterEach(async () => {
  await h.close();
});

const meetings = () => [...h.store.state.meetings.values()];
const byUid = (uid: string) => meetings().filter((m) => m.externalUid === uid || m.externalUid?.startsWith(`${uid}#`));
const DEMO = 'demo-call-1@google.com';
const SERIES = 'weekly-sync-7@google.com';

async function preview(name: string) {
  return h.interop.icsPreview({ text: await fixture(`ics/${name}`), fileName: name, windowDays: 90 });
}

describe('ICS cancellations', () => {
  it('STATUS:CANCELLED: listed as cancelled with its planned touches; importing marks the meeting and skips them', async () => {
    const [demo] = byUid(DEMO);
    expect(demo).toBeDefined();
    const brauhaus = prospect({ company: 'Brauhaus München' });
    const planned = touch({ prospectId: brauhaus.id, meetingId: demo!.id, due: { allDay: true, date: '2026-03-11' } });
    const done = touch({ prospectId: brauhaus.id, meetingId: demo!.id, due: { allDay: true, date: '2026-03-09' }, status: 'done', completedAt: '2026-03-09T09:00:00.000Z' });
    await seed(h.store, { prospects: [brauhaus], touches: [planned, done] });

    const result = await preview('cancel-status.ics');
    const rows = result.events.filter((e) => e.uid === DEMO);
    expect(rows.map((e) => e.status)).toEqual(['cancelled']);
    expect(rows[0]?.meetingId).toBe(demo!.id);
    expect(rows[0]?.plannedTouches).toBe(1);
    expect(result.counts.cancelled).toBe(1);
    expect(result.events.some((e) => e.status === 'skipped' && e.uid === DEMO)).toBe(false);

    const before = meetings().length;
    const imported = await h.interop.icsImport({ text: await fixture('ics/cancel-status.ics'), windowDays: 90, links: [], cancelledTouches: 'skip' });
    expect(imported).toMatchObject({ cancelled: 1, touchesSkipped: 1 });
    expect(meetings()).toHaveLength(before);
    expect(h.store.state.meetings.get(demo!.id)?.cancelledAt).not.toBeNull();
    expect(h.store.state.touches.get(planned.id)).toMatchObject({ status: 'skipped', skipReason: 'The meeting was cancelled in the calendar.' });
    expect(h.store.state.touches.get(done.id)).toMatchObject({ status: 'done', meetingId: demo!.id });

    // The calendar lists the event again, confirmed: the meeting stands again.
    await h.interop.icsImport({ text: await fixture('ics/cancel-base.ics'), windowDays: 90, links: [], cancelledTouches: 'keep' });
    expect(h.store.state.meetings.get(demo!.id)?.cancelledAt).toBeNull();
  });

  it('the rep can keep the planned touches of a cancelled meeting', async () => {
    const [demo] = byUid(DEMO);
    const brauhaus = prospect({ company: 'Brauhaus München' });
    const planned = touch({ prospectId: brauhaus.id, meetingId: demo!.id, due: { allDay: true, date: '2026-03-11' } });
    await seed(h.store, { prospects: [brauhaus], touches: [planned] });
    const imported = await h.interop.icsImport({ text: await fixture('ics/cancel-status.ics'), windowDays: 90, links: [], cancelledTouches: 'keep' });
    expect(imported).toMatchObject({ cancelled: 1, touchesSkipped: 0 });
    expect(h.store.state.touches.get(planned.id)?.status).toBe('planned');
  });

  it('METHOD:CANCEL for one occurrence: only that meeting of the series is cancelled', async () => {
    const series = byUid(SERIES);
    const target = series.find((m) => m.externalUid?.includes('2026-03-17'));
    expect(target).toBeDefined();

    const result = await preview('cancel-method-occurrence.ics');
    expect(result.events.map((e) => [e.key, e.status])).toEqual([[target!.externalUid, 'cancelled']]);

    await h.interop.icsImport({ text: await fixture('ics/cancel-method-occurrence.ics'), windowDays: 90, links: [], cancelledTouches: 'keep' });
    const cancelled = byUid(SERIES).filter((m) => m.cancelledAt !== null);
    expect(cancelled.map((m) => m.id)).toEqual([target!.id]);
    expect(byUid(SERIES)).toHaveLength(series.length);
  });

  it('METHOD:CANCEL for a whole series, without STATUS: every meeting of the series is cancelled, nothing else', async () => {
    const series = byUid(SERIES);
    expect(series.length).toBeGreaterThan(1);
    const others = meetings().filter((m) => !series.includes(m));

    const result = await preview('cancel-method-series.ics');
    expect(result.events.filter((e) => e.status === 'cancelled').map((e) => e.meetingId).sort()).toEqual(series.map((m) => m.id).sort());
    expect(result.counts.new + result.counts.updated).toBe(0);

    const imported = await h.interop.icsImport({ text: await fixture('ics/cancel-method-series.ics'), windowDays: 90, links: [], cancelledTouches: 'keep' });
    expect(imported.cancelled).toBe(series.length);
    expect(byUid(SERIES).every((m) => m.cancelledAt !== null)).toBe(true);
    expect(others.every((m) => h.store.state.meetings.get(m.id)?.cancelledAt === null)).toBe(true);
  });

  it('a cancelled event that was never imported is skipped, not created', async () => {
    const fresh = await openHarness();
    try {
      const result = await fresh.interop.icsPreview({ text: await fixture('ics/cancel-status.ics'), fileName: 'c.ics', windowDays: 90 });
      expect(result.events.find((e) => e.uid === DEMO)?.status).toBe('skipped');
      expect(result.counts.cancelled).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
