import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core';
import type { NotificationRequest, TrayModel } from '../../../src/shared/hostModels';
import type { TodayViewDto, HostPanel } from '../../../src/shared/contract/touchActions';
import type { Touch } from '../../../src/shared/schema';
import { snoozedDue } from '../../../src/shared/domain/snooze';
import { allDay, deal, meeting, prospect, settings, timed, touch, uid } from '../domain/fixtures';
import { FakeClock, openHarness, tempDir } from './harness';

const TUE = (time: string) => `2026-03-10T${time}Z`;

describe('snoozedDue', () => {
  const s = settings({ timeZone: 'Europe/Berlin' });
  const now = '2026-03-13T14:20:10.000Z'; // Friday 15:20 in Berlin
  it.each([
    ['a timed touch, 1 hour', timed('2026-03-13T13:00:00.000Z'), 'hour', timed('2026-03-13T15:21:00.000Z')],
    ['a timed touch still ahead, 1 hour after its time', timed('2026-03-13T16:00:00.000Z'), 'hour', timed('2026-03-13T17:00:00.000Z')],
    ['an all-day touch, 1 hour: it becomes timed', allDay('2026-03-13'), 'hour', timed('2026-03-13T15:21:00.000Z')],
    ['a timed touch, tomorrow at the start of the working day', timed('2026-03-13T13:00:00.000Z'), 'tomorrow', timed('2026-03-14T08:00:00.000Z')],
    ['an all-day touch, tomorrow', allDay('2026-03-12'), 'tomorrow', allDay('2026-03-14')],
    ['a timed touch, next business day (Monday)', timed('2026-03-13T13:00:00.000Z'), 'nextBusinessDay', timed('2026-03-16T08:00:00.000Z')],
    ['an all-day touch, next business day', allDay('2026-03-13'), 'nextBusinessDay', allDay('2026-03-16')],
  ] as const)('%s', (_name, due, preset, expected) => {
    expect(snoozedDue(due, preset, now, s)).toEqual(expected);
  });
});

describe('touch actions, Today and the tray through core', () => {
  let dataDir: string;
  let core: Core;
  let clock: FakeClock;
  const shown: NotificationRequest[] = [];
  const trays: TrayModel[] = [];
  const events: [string, unknown][] = [];

  beforeEach(async () => {
    dataDir = await tempDir();
    clock = new FakeClock(Date.parse(TUE('09:00:00.000')));
    const seed = await openHarness(dataDir, clock, {
      prospects: [prospect({ id: uid(9000), company: 'Acme' })],
      deals: [deal({ id: uid(5000), title: 'Pilot' }), deal({ id: uid(5001), title: 'Quiet deal' })],
      meetings: [meeting({ id: uid(300), title: 'Demo', start: TUE('14:00:00.000'), end: TUE('15:00:00.000') })],
      touches: [
        touch({ id: uid(1), title: 'Overdue recap', due: allDay('2026-03-09') }),
        touch({ id: uid(2), title: 'Call Ana', due: timed(TUE('11:00:00.000')) }),
        touch({ id: uid(3), title: 'Send the case study', due: timed(TUE('16:00:00.000')) }),
      ],
    });
    await seed.close();
    shown.length = 0;
    trays.length = 0;
    events.length = 0;
    core = await createCore({
      dataDir,
      host: 'browser',
      version: 'test',
      clock,
      notifier: { isSupported: () => true, show: (n) => shown.push(n) },
      tray: { render: (m) => trays.push(m) },
    });
    core.onEvent((event, payload) => events.push([event, payload]));
  });
  afterEach(async () => {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const ok = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await core.dispatch(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };

  it('lists Today: overdue first, then today by time, meetings with readiness and the ask, drifting deals', async () => {
    const view = await ok<TodayViewDto>('today.view', {});
    expect(view.date).toBe('2026-03-10');
    expect(view.overdue.map((i) => [i.touch.title, i.prospectName, i.dealTitle, i.overdue])).toEqual([['Overdue recap', 'Acme', 'Pilot', true]]);
    expect(view.today.map((i) => i.touch.title)).toEqual(['Call Ana', 'Send the case study']);
    expect(view.meetings).toHaveLength(1);
    expect(view.meetings[0]?.meeting.callPlan.callToAction).toBe('Book the PoC kick-off');
    expect(view.meetings[0]?.readiness.ready).toBe(false);
    expect(view.drifting.map((d) => d.dealTitle)).toEqual(['Quiet deal']);
    expect(view.counts).toEqual({ touches: 3, overdue: 1, meetings: 1, meetingsWithoutPlan: 1 });
  });

  it('completes with a note, skips with a reason, snoozes and reopens; all durable', async () => {
    const done = await ok<Touch>('touches.complete', { id: uid(1), note: 'They agreed to a pilot' });
    expect(done).toMatchObject({ status: 'done', completedAt: TUE('09:00:00.000'), outcomeNote: 'They agreed to a pilot' });
    expect(await core.dispatch('touches.complete', { id: uid(1) })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.dispatch('touches.skip', { id: uid(2), reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await ok<Touch>('touches.skip', { id: uid(2), reason: 'Ana is on leave' })).toMatchObject({ status: 'skipped', skipReason: 'Ana is on leave' });
    expect(await ok<Touch>('touches.snooze', { id: uid(3), preset: 'nextBusinessDay' })).toMatchObject({
      status: 'planned',
      due: timed('2026-03-11T09:00:00.000Z'),
    });
    expect(await ok<Touch>('touches.reopen', { id: uid(2) })).toMatchObject({ status: 'planned', skipReason: '', completedAt: null });

    await core.close();
    core = await createCore({ dataDir, host: 'browser', version: 'test', clock });
    const view = await ok<TodayViewDto>('today.view', {});
    expect(view.overdue).toEqual([]);
    expect(view.today.map((i) => i.touch.title)).toEqual(['Call Ana']);
  });

  it('runs tray commands: Done, Snooze 1 hour, Tomorrow, Open, Open Today, New meeting, Pause', async () => {
    await core.runTrayCommand({ type: 'touch.done', touchId: uid(1) });
    await core.runTrayCommand({ type: 'touch.snoozeHour', touchId: uid(2) });
    await core.runTrayCommand({ type: 'touch.tomorrow', touchId: uid(3) });
    const view = await ok<TodayViewDto>('today.view', {});
    expect(view.overdue).toEqual([]);
    expect(view.today.map((i) => [i.touch.title, i.touch.due])).toEqual([['Call Ana', timed(TUE('12:00:00.000'))]]);
    expect(trays.at(-1)?.tooltip).toBe('Touchplan — 1 touch today (0 overdue)');

    await core.runTrayCommand({ type: 'touch.open', touchId: uid(2) });
    await core.runTrayCommand({ type: 'open.today' });
    await core.runTrayCommand({ type: 'meeting.new' });
    expect(events.filter(([e]) => e.startsWith('open.'))).toEqual([
      ['open.touch', { touchId: uid(2) }],
      ['open.today', {}],
      ['open.newMeeting', {}],
    ]);
    await core.runTrayCommand({ type: 'notifications.pauseHour' });
    expect((await ok<TodayViewDto>('today.view', {})).pausedUntil).toBe(TUE('10:00:00.000'));
    expect(await ok('notifications.pause', { minutes: 0 })).toEqual({ pausedUntil: null });
  });

  it('shows what was notified and the tray in the host panel', async () => {
    // (The digest was shown at 09:00 by the run that seeded the data: its key is persisted, so it is not repeated.)
    clock.advanceTo(TUE('11:00:00.001'));
    const panel = await ok<HostPanel>('host.panel', {});
    expect(panel.notifications.map((n) => n.title)).toEqual(['Touch due at 11:00: Call Ana']);
    expect(panel.notifications[0]?.shownAt).toBe(TUE('11:00:00.000'));
    expect(panel.tray?.tooltip).toBe('Touchplan — 3 touches today (2 overdue)');
    expect(shown.map((n) => n.title)).toEqual(['Touch due at 11:00: Call Ana']);
  });
});
