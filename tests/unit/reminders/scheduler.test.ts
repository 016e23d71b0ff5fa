import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServiceContext } from '../../../src/main/core/services/context';
import { createTouchActionService } from '../../../src/main/core/services/touchActions';
import { MAX_TICK_MS } from '../../../src/main/core/reminders/scheduler';
import { deal, meeting, prospect, timed, allDay, touch, uid } from '../domain/fixtures';
import { FakeClock, openHarness, tempDir, type Harness, type Seed } from './harness';

// 2026-03-10 is a Tuesday. Settings default: Mon–Fri 09:00–17:30, digest 08:30, UTC unless a test says otherwise.
const TUE = (time: string) => `2026-03-10T${time}Z`;
const ms = (iso: string) => Date.parse(iso);

let dataDir: string;
let harness: Harness | null = null;
beforeEach(async () => {
  dataDir = await tempDir();
});
afterEach(async () => {
  await harness?.close();
  harness = null;
  await rm(dataDir, { recursive: true, force: true });
});

const names: Seed = {
  prospects: [prospect({ id: uid(9000), company: 'Acme' })],
  deals: [deal({ id: uid(5000), title: 'Pilot' })],
};

async function start(clock: FakeClock, seed: Seed, options?: { supported?: boolean }) {
  harness = await openHarness(dataDir, clock, { ...names, ...seed }, options);
  return harness;
}

describe('reminder scheduler', () => {
  it('fires timed touches at due − touch lead and meetings at start − meeting lead, and the digest at its time', async () => {
    const clock = new FakeClock(ms(TUE('07:00:00.000')));
    const h = await start(clock, {
      settings: { touchLeadMinutes: 5 },
      touches: [touch({ id: uid(1), title: 'Send the ROI recap', due: timed(TUE('10:00:00.000')) })],
      meetings: [meeting({ id: uid(2), title: 'Discovery with Acme', start: TUE('11:00:00.000'), end: TUE('12:00:00.000') })],
    });
    clock.advanceTo(TUE('13:00:00.000'));
    expect(h.shown.map((n) => [n.at, n.title])).toEqual([
      [TUE('08:30:00.000'), 'Touchplan — your day'],
      [TUE('09:55:00.000'), 'Touch due at 10:00: Send the ROI recap'],
      [TUE('10:50:00.000'), 'Meeting at 11:00: Discovery with Acme'],
    ]);
    // The meeting has no first touch planned yet, so it is not ready.
    expect(h.shown[0]?.body).toBe('1 touch today, 0 overdue, 1 meeting without a plan.');
    expect(h.shown[1]).toMatchObject({ key: `touch:${uid(1)}@${TUE('10:00:00.000')}`, target: { kind: 'touch', id: uid(1) } });
    expect(h.shown[1]?.body).toContain('Acme — Pilot · Email');
    // A meeting's notification carries its ideal outcome and call to action.
    expect(h.shown[2]?.body).toContain('Ideal outcome: Agree on a proof of concept');
    expect(h.shown[2]?.body).toContain('Your ask: Book the PoC kick-off');
    expect(h.shown[2]?.target).toEqual({ kind: 'meeting', id: uid(2) });
  });

  it('raises no notification for a cancelled meeting, nor at midnight for an all-day one', async () => {
    const clock = new FakeClock(ms('2026-03-09T22:00:00.000Z'));
    const h = await start(clock, {
      meetings: [
        meeting({ id: uid(2), title: 'Cancelled call', start: TUE('11:00:00.000'), end: TUE('12:00:00.000'), cancelledAt: '2026-03-09T10:00:00.000Z' }),
        meeting({ id: uid(3), title: 'Trade fair', start: TUE('00:00:00.000'), end: '2026-03-11T00:00:00.000Z', allDay: { startDate: '2026-03-10', endDate: '2026-03-11' } }),
        meeting({ id: uid(4), title: 'Discovery with Acme', start: TUE('14:00:00.000'), end: TUE('15:00:00.000') }),
      ],
    });
    clock.advanceTo(TUE('16:00:00.000'));
    expect(h.shown.filter((n) => n.title.startsWith('Meeting')).map((n) => n.title)).toEqual(['Meeting at 14:00: Discovery with Acme']);
  });

  it('announces all-day touches only in the digest, and the digest only on working days', async () => {
    const clock = new FakeClock(ms('2026-03-14T07:00:00.000Z')); // Saturday
    const h = await start(clock, {
      touches: [
        touch({ id: uid(1), due: allDay('2026-03-14') }),
        touch({ id: uid(3), due: allDay('2026-03-16') }),
        touch({ id: uid(4), due: allDay('2026-03-16') }),
      ],
    });
    clock.advanceTo('2026-03-16T08:29:00.000Z');
    expect(h.shown).toEqual([]);
    clock.advanceTo('2026-03-16T12:00:00.000Z');
    expect(h.shown.map((n) => [n.at, n.body])).toEqual([['2026-03-16T08:30:00.000Z', '3 touches today, 1 overdue.']]);
  });

  it('gives ONE catch-up summary after an 8-hour sleep', async () => {
    const clock = new FakeClock(ms(TUE('09:00:00.000')));
    const touches = [10, 11, 12, 13, 14, 15, 16].map((hour, i) => touch({ id: uid(10 + i), title: `Touch ${hour}`, due: timed(TUE(`${hour}:00:00.000`)) }));
    const h = await start(clock, { touches });
    expect(h.shown.map((n) => n.title)).toEqual(['Touchplan — your day']); // it is after 08:30 on a working day
    clock.jump(8 * 60 * 60 * 1000); // asleep until 17:00: no timer fires
    h.scheduler.rescan(); // the OS says it resumed
    expect(h.shown).toHaveLength(2);
    expect(h.shown[1]?.title).toBe('While you were away: 7 touches came due');
    expect(h.shown[1]?.target).toEqual({ kind: 'today' });
    clock.advance(20 * 60 * 1000);
    expect(h.shown).toHaveLength(2);
  });

  it('heals a wall-clock jump even without a resume event: the next tick (≤ 60 s) re-reads the clock', async () => {
    const clock = new FakeClock(ms(TUE('09:00:00.000')));
    const h = await start(clock, { touches: [touch({ id: uid(1), due: timed(TUE('12:00:00.000')) })] });
    clock.jump(3 * 60 * 60 * 1000 - 30_000); // 11:59:30
    clock.advance(MAX_TICK_MS);
    expect(h.shown.map((n) => n.title)).toEqual(['Touchplan — your day', 'Touch due at 12:00: Send the recap']);
  });

  it('never repeats a notification after a restart, and sums up what came due while the app was closed', async () => {
    const clock = new FakeClock(ms(TUE('09:00:00.000')));
    let h = await start(clock, {
      touches: [
        touch({ id: uid(1), title: 'First', due: timed(TUE('10:00:00.000')) }),
        touch({ id: uid(2), title: 'Second', due: timed(TUE('11:00:00.000')) }),
      ],
    });
    clock.advanceTo(TUE('10:00:30.000'));
    expect(h.shown.map((n) => n.title)).toEqual(['Touchplan — your day', 'Touch due at 10:00: First']);
    await h.close();

    harness = h = await openHarness(dataDir, clock);
    clock.advance(10_000);
    expect(h.shown).toEqual([]); // same day, same keys: nothing again
    await h.close();

    clock.jump(2 * 60 * 60 * 1000); // closed over 11:00
    harness = h = await openHarness(dataDir, clock);
    expect(h.shown.map((n) => n.title)).toEqual(['While you were away: 1 touch came due']);
    expect(h.shown[0]?.body).toContain('Second — Acme — Pilot');
  });

  it('re-arms after a snooze', async () => {
    const clock = new FakeClock(ms(TUE('09:00:00.000')));
    const h = await start(clock, { touches: [touch({ id: uid(1), due: timed(TUE('10:00:00.000')) })] });
    clock.advanceTo(TUE('10:00:00.000'));
    expect(h.shown.at(-1)?.key).toBe(`touch:${uid(1)}@${TUE('10:00:00.000')}`);
    const actions = createTouchActionService(createServiceContext(h.store, clock));
    const snoozed = await actions.snooze(uid(1), 'hour');
    expect(snoozed.due).toEqual(timed(TUE('11:00:00.000')));
    clock.advanceTo(TUE('10:59:59.000'));
    expect(h.shown).toHaveLength(2);
    clock.advanceTo(TUE('11:00:00.000'));
    expect(h.shown.at(-1)).toMatchObject({ key: `touch:${uid(1)}@${TUE('11:00:00.000')}`, at: TUE('11:00:00.000') });
  });

  it('re-arms when a touch is moved (a data change), to the exact new time', async () => {
    const clock = new FakeClock(ms(TUE('10:00:00.000')));
    const original = touch({ id: uid(1), due: timed(TUE('15:00:00.000')) });
    const h = await start(clock, { touches: [original] });
    await h.store.transact((tx) => tx.put('touches', { ...original, due: timed(TUE('10:00:20.000')), updatedAt: TUE('10:00:00.000') }));
    expect(h.scheduler.nextTickAt).toBe(ms(TUE('10:00:20.000')));
    clock.advance(20_000);
    expect(h.shown.at(-1)).toMatchObject({ at: TUE('10:00:20.000'), key: `touch:${uid(1)}@${TUE('10:00:20.000')}` });
  });

  it('keeps quiet outside working hours (the next digest carries it), unless the rep allows it', async () => {
    const clock = new FakeClock(ms(TUE('17:00:00.000')));
    const late = touch({ id: uid(1), title: 'Evening call', due: timed(TUE('19:00:00.000')) });
    let h = await start(clock, { touches: [late] });
    const before = h.shown.length;
    clock.advanceTo('2026-03-11T08:29:00.000Z');
    expect(h.shown).toHaveLength(before);
    clock.advanceTo('2026-03-11T08:31:00.000Z');
    expect(h.shown.slice(before).map((n) => n.title)).toEqual(['Touchplan — your day']);
    expect(h.shown.at(-1)?.body).toContain('Since you last looked: 1 touch came due (Evening call — Acme — Pilot)');
    await h.close();

    await rm(dataDir, { recursive: true, force: true });
    dataDir = await tempDir();
    const clock2 = new FakeClock(ms(TUE('17:00:00.000')));
    harness = h = await openHarness(dataDir, clock2, { ...names, settings: { notifyOutsideWorkingHours: true }, touches: [late] });
    clock2.advanceTo(TUE('19:00:00.000'));
    expect(h.shown.at(-1)).toMatchObject({ title: 'Touch due at 19:00: Evening call', at: TUE('19:00:00.000') });
  });

  it('pauses notifications for an hour, then sums up what came due during the pause', async () => {
    const clock = new FakeClock(ms(TUE('09:30:00.000')));
    const h = await start(clock, { touches: [touch({ id: uid(1), due: timed(TUE('10:00:00.000')) })] });
    const before = h.shown.length;
    expect(h.scheduler.pause(60)).toBe(ms(TUE('10:30:00.000')));
    expect(JSON.stringify(h.trays.at(-1))).toContain('Notifications paused until 10:30');
    clock.advanceTo(TUE('10:29:00.000'));
    expect(h.shown).toHaveLength(before);
    clock.advanceTo(TUE('10:30:00.000'));
    expect(h.shown.slice(before).map((n) => [n.at, n.title])).toEqual([[TUE('10:30:00.000'), 'While you were away: 1 touch came due']]);
    expect(JSON.stringify(h.trays.at(-1))).not.toContain('paused until');
  });

  it('folds more than three reminders due at the same moment into one', async () => {
    const clock = new FakeClock(ms(TUE('09:00:00.000')));
    const touches = [1, 2, 3, 4].map((n) => touch({ id: uid(n), title: `Touch ${n}`, due: timed(TUE('10:00:00.000')) }));
    const h = await start(clock, { touches });
    clock.advanceTo(TUE('10:00:00.000'));
    expect(h.shown.at(-1)?.title).toBe('4 touches due now');
  });

  it('never hands setTimeout a delay above 60 s (let alone 2^31 − 1 ms), even for a touch years ahead', async () => {
    const clock = new FakeClock(ms(TUE('09:00:00.000')));
    await start(clock, { touches: [touch({ id: uid(1), due: timed('2031-01-01T10:00:00.000Z') })] });
    clock.advance(3 * 24 * 60 * 60 * 1000);
    const ours = clock.delays.filter((d) => d !== 60 * 60 * 1000); // the store's own hourly backup check aside
    expect(ours.length).toBeGreaterThan(3 * 24 * 60);
    expect(Math.max(...ours)).toBeLessThanOrEqual(MAX_TICK_MS);
    expect(Math.min(...ours)).toBeGreaterThan(0);
    expect(Math.max(...clock.delays)).toBeLessThanOrEqual(2 ** 31 - 1);
  });

  it('puts the message in an in-app notice and the tray where the OS has no notification service', async () => {
    const clock = new FakeClock(ms(TUE('09:00:00.000')));
    const h = await start(clock, { touches: [touch({ id: uid(1), title: 'Call Ana', due: timed(TUE('10:00:00.000')) })] }, { supported: false });
    clock.advanceTo(TUE('10:00:00.000'));
    expect(h.shown).toEqual([]);
    const notices = h.events.filter(([event]) => event === 'notice').map(([, payload]) => payload as { message: string });
    expect(notices.at(-1)?.message).toContain('Touch due at 10:00: Call Ana');
    expect(h.store.notices.some((n) => n.message.includes('Call Ana'))).toBe(true);
    const first = h.trays.at(-1)?.items[0];
    expect(first).toEqual({ kind: 'label', label: '🔔 Touch due at 10:00: Call Ana' });
  });

  it('updates the tray when the data changes and when a touch turns overdue', async () => {
    const clock = new FakeClock(ms(TUE('09:00:00.000')));
    const t = touch({ id: uid(1), due: timed(TUE('10:00:00.000')) });
    const h = await start(clock, { touches: [t] });
    expect(h.trays.at(-1)).toMatchObject({ tooltip: 'Touchplan — 1 touch today (0 overdue)', hasOverdue: false });
    clock.advanceTo(TUE('10:00:00.001'));
    expect(h.trays.at(-1)).toMatchObject({ tooltip: 'Touchplan — 1 touch today (1 overdue)', hasOverdue: true });
    await h.store.transact((tx) => tx.put('touches', { ...t, status: 'done', completedAt: TUE('10:00:00.001') }));
    expect(h.trays.at(-1)).toMatchObject({ tooltip: 'Touchplan — 0 touches today (0 overdue)', hasOverdue: false });
  });
});

describe('reminders across DST changes', () => {
  const cases = [
    // zone, transition day, digest instant (08:30 local), a touch at 09:15 local
    ['America/New_York', '2026-03-08', '2026-03-08T12:30:00.000Z', '2026-03-08T13:15:00.000Z'],
    ['America/New_York', '2026-11-01', '2026-11-01T13:30:00.000Z', '2026-11-01T14:15:00.000Z'],
    ['Europe/Berlin', '2026-03-29', '2026-03-29T06:30:00.000Z', '2026-03-29T07:15:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '2026-10-25T07:30:00.000Z', '2026-10-25T08:15:00.000Z'],
  ] as const;
  it.each(cases)('%s on %s: the digest at 08:30 local and a touch at 09:15 local', async (timeZone, day, digestAt, touchAt) => {
    const clock = new FakeClock(ms(`${day}T00:00:00.000Z`) - 12 * 60 * 60 * 1000);
    const h = await start(clock, {
      settings: { timeZone, workingDays: [1, 2, 3, 4, 5, 6, 7], workdayStart: '08:00' },
      touches: [touch({ id: uid(1), title: 'Morning call', due: timed(touchAt) })],
    });
    clock.advance(36 * 60 * 60 * 1000);
    const relevant = h.shown.filter((n) => n.at.startsWith(day) || n.at.startsWith(digestAt.slice(0, 10)));
    expect(relevant.map((n) => [n.at, n.title])).toEqual([
      [digestAt, 'Touchplan — your day'],
      [touchAt, 'Touch due at 09:15: Morning call'],
    ]);
  });
});
