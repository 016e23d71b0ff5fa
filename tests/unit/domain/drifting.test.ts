import { describe, it, expect } from 'vitest';
import type { Touch } from '../../../src/shared/schema';
import { dealDrift } from '../../../src/shared/domain/drifting';
import { allDay, deal, meeting, settings, timed, touch, uid } from './fixtures';

const D = uid(5000);
const s = settings();
const active = deal({ id: D });
// Monday 9 March 2026, 10:00-11:00 UTC.
const monday = meeting({ id: uid(700), start: '2026-03-09T10:00:00Z', end: '2026-03-09T11:00:00Z' });
const wedNoon = '2026-03-11T12:00:00Z';
const t = (n: number, due: Touch['due'], patch: Partial<Touch> = {}) => touch({ id: uid(n), due, ...patch });

describe('dealDrift', () => {
  it.each([
    ['won', deal({ id: D, stage: 'won' })],
    ['lost', deal({ id: D, stage: 'lost' })],
    ['archived', deal({ id: D, archived: true })],
  ])('ignores a %s deal', (_name, d) => {
    expect(dealDrift(d, [], [], wedNoon, s)).toBeNull();
  });

  it.each([
    ['no touch at all', [], 'no-next-touch'],
    ['a touch tomorrow', [t(1, allDay('2026-03-12'))], null],
    ['an all-day touch today', [t(1, allDay('2026-03-11'))], null],
    ['only an overdue touch', [t(1, allDay('2026-03-10'))], 'no-next-touch'],
    ['a timed touch earlier today', [t(1, timed('2026-03-11T11:00:00Z'))], 'no-next-touch'],
    ['a timed touch later today', [t(1, timed('2026-03-11T13:00:00Z'))], null],
    ['a done touch tomorrow', [t(1, allDay('2026-03-12'), { status: 'done' })], 'no-next-touch'],
    ['a touch of another deal', [t(1, allDay('2026-03-12'), { dealId: uid(5001) })], 'no-next-touch'],
  ])('without meetings, %s -> %s', (_name, touches, reason) => {
    expect(dealDrift(active, touches, [], wedNoon, s)?.reason ?? null).toBe(reason);
  });

  const M = monday.id;
  it.each([
    ['first touch overdue', [t(1, allDay('2026-03-10'), { meetingId: M }), t(2, allDay('2026-03-20'), { meetingId: M })], wedNoon, 'late-first-touch'],
    ['first touch done', [t(1, allDay('2026-03-10'), { meetingId: M, status: 'done' }), t(2, allDay('2026-03-20'), { meetingId: M })], wedNoon, null],
    ['first touch skipped, next one overdue', [t(1, allDay('2026-03-09'), { meetingId: M, status: 'skipped' }), t(2, allDay('2026-03-10'), { meetingId: M }), t(3, allDay('2026-03-20'))], wedNoon, 'late-first-touch'],
    ['a deal touch after the meeting', [t(1, allDay('2026-03-20'))], wedNoon, null],
    ['only a touch before the meeting', [t(1, allDay('2026-03-05'), { status: 'done' }), t(2, timed('2026-03-09T09:00:00Z'), { status: 'done' })], wedNoon, 'late-first-touch'],
    ['no follow-up, the next business day', [], '2026-03-10T16:00:00Z', 'no-next-touch'],
    ['no follow-up, two business days later', [], wedNoon, 'late-first-touch'],
  ])('after a meeting, %s -> %s', (_name, touches, now, reason) => {
    expect(dealDrift(active, touches, [monday], now, s)?.reason ?? null).toBe(reason);
  });

  it('counts business days, not calendar days, since a Friday meeting', () => {
    const friday = meeting({ id: uid(701), start: '2026-03-06T15:00:00Z', end: '2026-03-06T16:00:00Z' });
    expect(dealDrift(active, [], [friday], '2026-03-09T16:00:00Z', s)?.reason).toBe('no-next-touch');
    expect(dealDrift(active, [], [friday], '2026-03-10T08:00:00Z', s)?.reason).toBe('late-first-touch');
  });

  it('looks only at the latest past meeting', () => {
    const older = meeting({ id: uid(701), start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z' });
    const future = meeting({ id: uid(702), start: '2026-03-12T10:00:00Z', end: '2026-03-12T11:00:00Z' });
    const touches = [
      t(1, allDay('2026-03-03'), { meetingId: older.id }), // overdue, but the older meeting no longer counts
      t(2, allDay('2026-03-09'), { meetingId: M, status: 'done' }),
      t(3, allDay('2026-03-13'), { meetingId: M }),
    ];
    expect(dealDrift(active, touches, [older, monday, future], wedNoon, s)).toBeNull();
  });

  it('explains itself', () => {
    const late = dealDrift(active, [t(1, allDay('2026-03-10'), { meetingId: M })], [monday], wedNoon, s);
    expect(late).toEqual({
      reason: 'late-first-touch',
      message: 'The first follow-up after "Discovery call" (2026-03-09) was due 2026-03-10 and is not done yet.',
    });
    expect(dealDrift(active, [], [], wedNoon, s)?.message).toMatch(/No next touch/);
  });
});
