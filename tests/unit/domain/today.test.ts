import { describe, it, expect } from 'vitest';
import type { Deal, Meeting, Prospect, Touch } from '../../../src/shared/schema';
import { todayView } from '../../../src/shared/domain/today';
import { READINESS_MISSING } from '../../../src/shared/domain/readiness';
import { allDay, deal, meeting, prospect, settings, timed, touch, uid } from './fixtures';

const ny = settings({ timeZone: 'America/New_York' }); // 09:00-17:30
// Monday 9 March 2026, 11:00 EDT (the day after the US DST change).
const now = '2026-03-09T15:00:00.000Z';
const P = prospect({ id: uid(9000), company: 'Acme' });
const D1 = deal({ id: uid(5000), title: 'Acme rollout' });
const D2 = deal({ id: uid(5001), title: 'Acme pilot' });
const D3 = deal({ id: uid(5002), title: 'Acme renewal', stage: 'won' });
const M2 = uid(702);

const touches: Touch[] = [
  touch({ id: uid(1), title: 'a', due: allDay('2026-03-06') }), // overdue, sorts at Fri 09:00 EST = 14:00Z
  touch({ id: uid(2), title: 'b', due: timed('2026-03-09T13:30:00Z') }), // 09:30 today, before now: overdue
  touch({ id: uid(3), title: 'c', due: timed('2026-03-06T13:00:00Z') }), // Fri 08:00 EST: overdue, first
  touch({ id: uid(4), title: 'd', due: allDay('2026-03-09'), meetingId: M2 }), // today, all-day first
  touch({ id: uid(5), title: 'e', due: timed('2026-03-09T20:00:00Z') }), // 16:00 today
  touch({ id: uid(6), title: 'f', due: timed('2026-03-09T17:00:00Z') }), // 13:00 today
  touch({ id: uid(7), title: 'g', due: timed('2026-03-10T03:30:00Z') }), // 23:30 today in New York
  touch({ id: uid(8), title: 'h', due: timed('2026-03-10T04:30:00Z') }), // 00:30 tomorrow
  touch({ id: uid(9), title: 'i', due: allDay('2026-03-06'), status: 'done' }),
  touch({ id: uid(10), title: 'j', due: allDay('2026-03-10') }),
  touch({ id: uid(11), title: 'k', due: timed('2026-03-09T15:00:00.000Z') }), // exactly now: today
];
const meetings: Meeting[] = [
  meeting({ id: uid(701), title: 'Demo', start: '2026-03-09T18:00:00Z', end: '2026-03-09T19:00:00Z' }),
  meeting({ id: M2, title: 'Kick-off', start: '2026-03-09T14:00:00Z', end: '2026-03-09T14:30:00Z' }),
  meeting({ id: uid(703), title: 'Tuesday 01:00', start: '2026-03-10T05:00:00Z', end: '2026-03-10T06:00:00Z' }),
  meeting({ id: uid(704), title: 'Sunday 23:00', start: '2026-03-09T03:00:00Z', end: '2026-03-09T03:30:00Z' }),
];

describe('todayView', () => {
  const view = todayView({ touches, meetings, deals: [D1, D2, D3], prospects: [P] }, now, ny);

  it("is today's local date in the rep's zone", () => {
    expect(view.date).toBe('2026-03-09');
  });

  it('lists overdue touches oldest first', () => {
    expect(view.overdue.map((o) => o.touch.title)).toEqual(['c', 'a', 'b']);
  });

  it("lists today's touches with all-day ones first, then by time", () => {
    expect(view.today.map((o) => o.touch.title)).toEqual(['d', 'k', 'f', 'e', 'g']);
    expect(view.today[0]).toMatchObject({ deal: { id: D1.id }, prospect: { company: 'Acme' } });
  });

  it("lists today's meetings by start, with their readiness", () => {
    expect(view.meetings.map((m) => m.meeting.title)).toEqual(['Kick-off', 'Demo']);
    // The kick-off is over (its debrief is due); the demo is still to come.
    expect(view.meetings[0]!.readiness).toEqual({ ready: true, missing: [], stage: 'debrief-due' });
    expect(view.meetings[1]!.readiness).toEqual({ ready: false, missing: [READINESS_MISSING.firstTouch], stage: 'upcoming' });
    expect(view.meetings[1]!.deal?.id).toBe(D1.id);
  });

  it('lists drifting active deals', () => {
    expect(view.drifting.map((d) => [d.deal.title, d.drift.reason])).toEqual([['Acme pilot', 'no-next-touch']]);
    expect(view.drifting[0]!.prospect?.id).toBe(P.id);
  });

  it('reports a late first touch', () => {
    const late = todayView(
      {
        touches: [touch({ id: uid(1), due: allDay('2026-03-20') }), touch({ id: uid(2), due: allDay('2026-03-05'), meetingId: uid(701) })],
        meetings: [meeting({ id: uid(701), start: '2026-03-04T15:00:00Z', end: '2026-03-04T16:00:00Z' })],
        deals: [D1],
        prospects: [P],
      },
      now,
      ny,
    );
    expect(late.drifting.map((d) => d.drift.reason)).toEqual(['late-first-touch']);
    expect(late.overdue.map((o) => o.touch.id)).toEqual([uid(2)]);
  });
});

describe('todayView at scale', () => {
  // A rep of ten years: 3,000 prospects, 10,000 meetings, 60,000 touches.
  const prospects: Prospect[] = [];
  const deals: Deal[] = [];
  const bigMeetings: Meeting[] = [];
  const bigTouches: Touch[] = [];
  const start = Date.UTC(2016, 2, 9, 14);
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let i = 0; i < 3_000; i++) prospects.push(prospect({ id: uid(100_000 + i) }));
  for (let i = 0; i < 5_000; i++) {
    const stage = i % 10 === 0 ? 'proposal' : i % 2 ? 'won' : 'lost';
    deals.push(deal({ id: uid(200_000 + i), prospectId: uid(100_000 + (i % 3_000)), stage, title: `Deal ${i}` }));
  }
  for (let i = 0; i < 10_000; i++) {
    const s = start + i * 8.4 * 3_600_000;
    bigMeetings.push(meeting({ id: uid(300_000 + i), dealId: uid(200_000 + (i % 5_000)), start: iso(s), end: iso(s + 3_600_000) }));
  }
  for (let i = 0; i < 60_000; i++) {
    const at = start + i * 1.46 * 3_600_000;
    const recent = i > 59_000;
    bigTouches.push(
      touch({
        id: uid(400_000 + i),
        dealId: uid(200_000 + (i % 5_000)),
        meetingId: uid(300_000 + (i % 10_000)),
        due: i % 3 ? timed(iso(at)) : allDay(iso(at).slice(0, 10)),
        status: recent || i % 50 === 0 ? 'planned' : 'done',
      }),
    );
  }
  const data = { touches: bigTouches, meetings: bigMeetings, deals, prospects };
  const bigNow = iso(start + 59_500 * 1.46 * 3_600_000);

  // How fast it is, is `today.compute.ms` in npm run bench (no timed assertion here: the machines are noisy).
  it('computes Today over a ten-year dataset: overdue, today and drifting deals', () => {
    const view = todayView(data, bigNow, ny);
    expect(view.overdue.length).toBeGreaterThan(1_000);
    expect(view.today.length).toBeGreaterThan(0);
    expect(view.drifting.length).toBeGreaterThan(0);
    // Overdue oldest first, and every overdue touch is planned and due before now.
    const keys = view.overdue.map((o) => (o.touch.due.allDay ? o.touch.due.date : o.touch.due.at));
    expect(view.overdue.every((o) => o.touch.status === 'planned')).toBe(true);
    expect(keys[0]! <= keys[keys.length - 1]!).toBe(true);
  });
});
