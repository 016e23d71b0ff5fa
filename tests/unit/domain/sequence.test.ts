import { describe, it, expect } from 'vitest';
import type { TemplateStep } from '../../../src/shared/schema';
import { planSequence, shiftForMeetingMove, shiftTouches } from '../../../src/shared/domain/sequence';
import { localTimeOf, utcOffsetOf } from '../../../src/shared/domain/time';
import { allDay, settings, timed, touch, uid } from './fixtures';

const step = (n: number, offsetDays: number, time: string | null): TemplateStep => ({
  id: uid(100 + n),
  offsetDays,
  time,
  channel: 'email',
  action: 'deliver',
  title: `Step ${n}`,
  value: `Value ${n}`,
});

describe('planSequence', () => {
  it('counts offsets in business days from the local date of the meeting', () => {
    const s = settings({ nonWorkingDates: ['2026-03-12'] });
    const drafts = planSequence(
      [step(1, 0, null), step(2, 1, null), step(3, 4, '10:00'), step(4, 2, null)],
      { meetingStart: '2026-03-06T15:00:00Z' }, // Friday
      s,
    );
    expect(drafts.map((d) => [d.stepId, d.due])).toEqual([
      [uid(101), allDay('2026-03-06')],
      [uid(102), allDay('2026-03-09')],
      [uid(104), allDay('2026-03-10')],
      [uid(103), timed('2026-03-13T10:00:00.000Z')], // Thu 12 is not a working day
    ]);
    expect(drafts[0]).toMatchObject({ channel: 'email', action: 'deliver', title: 'Step 1', value: 'Value 1' });
  });

  it('uses the meeting date in the rep\'s zone, not in UTC', () => {
    // 2026-03-10T02:00Z is Monday 22:00 in New York.
    const drafts = planSequence([step(1, 0, null), step(2, 1, null)], { meetingStart: '2026-03-10T02:00:00Z' },
      settings({ timeZone: 'America/New_York' }));
    expect(drafts.map((d) => d.due)).toEqual([allDay('2026-03-09'), allDay('2026-03-10')]);
  });

  it('keeps every step on its own day after a weekend meeting', () => {
    const drafts = planSequence([step(1, 0, null), step(2, 1, null)], { meetingStart: '2026-03-07T10:00:00Z' }, settings());
    expect(drafts.map((d) => d.due)).toEqual([allDay('2026-03-09'), allDay('2026-03-10')]);
  });

  it('moves step times into working hours', () => {
    const drafts = planSequence([step(1, 0, '07:00'), step(2, 1, '19:00'), step(3, 2, '13:15')],
      { meetingStart: '2026-03-02T08:00:00Z' }, settings());
    expect(drafts.map((d) => d.due)).toEqual([
      timed('2026-03-02T09:00:00.000Z'),
      timed('2026-03-03T17:00:00.000Z'),
      timed('2026-03-04T13:15:00.000Z'),
    ]);
  });

  const steps = [step(1, 0, '09:30'), step(2, 1, '10:00'), step(3, 2, '16:00')];

  it('keeps wall-clock times over the US DST change (America/New_York, 2026-03-08)', () => {
    const ny = settings({ timeZone: 'America/New_York' });
    const drafts = planSequence(steps, { meetingStart: '2026-03-06T14:00:00Z' }, ny); // Fri 09:00 EST
    const ats = drafts.map((d) => (d.due.allDay ? d.due.date : d.due.at));
    expect(ats).toEqual(['2026-03-06T14:30:00.000Z', '2026-03-09T14:00:00.000Z', '2026-03-10T20:00:00.000Z']);
    expect(ats.map((at) => localTimeOf(at, ny.timeZone))).toEqual(['09:30', '10:00', '16:00']);
    expect(ats.map((at) => utcOffsetOf(at, ny.timeZone))).toEqual(['-05:00', '-04:00', '-04:00']);
  });

  it('keeps wall-clock times over the EU DST change (Europe/Berlin, 2026-03-29)', () => {
    const berlin = settings({ timeZone: 'Europe/Berlin' });
    const drafts = planSequence(steps, { meetingStart: '2026-03-27T09:00:00Z' }, berlin); // Fri 10:00 CET
    const ats = drafts.map((d) => (d.due.allDay ? d.due.date : d.due.at));
    expect(ats).toEqual(['2026-03-27T08:30:00.000Z', '2026-03-30T08:00:00.000Z', '2026-03-31T14:00:00.000Z']);
    expect(ats.map((at) => localTimeOf(at, berlin.timeZone))).toEqual(['09:30', '10:00', '16:00']);
    expect(ats.map((at) => utcOffsetOf(at, berlin.timeZone))).toEqual(['+01:00', '+02:00', '+02:00']);
  });
});

describe('shiftTouches', () => {
  const meetingId = uid(700);
  const s = settings();
  const t = {
    recapDone: touch({ id: uid(1), meetingId, due: allDay('2026-03-02'), status: 'done' }),
    earlier: touch({ id: uid(2), meetingId, due: allDay('2026-03-03') }),
    moved: touch({ id: uid(3), meetingId, due: timed('2026-03-04T10:00:00.000Z') }),
    friday: touch({ id: uid(4), meetingId, due: allDay('2026-03-06') }),
    locked: touch({ id: uid(5), meetingId, due: timed('2026-03-10T14:00:00.000Z'), locked: true }),
    skipped: touch({ id: uid(6), meetingId, due: allDay('2026-03-12'), status: 'skipped' }),
    last: touch({ id: uid(7), meetingId, due: timed('2026-03-16T09:30:00.000Z') }),
    otherSequence: touch({ id: uid(8), meetingId: uid(701), due: allDay('2026-03-09') }),
  };
  const all = Object.values(t);

  it("'this' moves only the dragged touch", () => {
    expect(shiftTouches(all, t.moved.id, timed('2026-03-06T10:00:00.000Z'), 'this', s)).toEqual([
      { id: t.moved.id, before: t.moved.due, after: timed('2026-03-06T10:00:00.000Z') },
    ]);
  });

  it("'later' moves the later planned unlocked touches by the same business days", () => {
    const changes = shiftTouches(all, t.moved.id, timed('2026-03-06T10:00:00.000Z'), 'later', s); // Wed -> Fri: +2
    expect(changes).toEqual([
      { id: t.moved.id, before: t.moved.due, after: timed('2026-03-06T10:00:00.000Z') },
      { id: t.friday.id, before: allDay('2026-03-06'), after: allDay('2026-03-10') },
      { id: t.last.id, before: t.last.due, after: timed('2026-03-18T09:30:00.000Z') },
    ]);
  });

  it("'later' moves backwards too", () => {
    const changes = shiftTouches(all, t.moved.id, allDay('2026-03-02'), 'later', s); // Wed -> Mon: -2
    expect(changes.map((c) => [c.id, c.after])).toEqual([
      [t.moved.id, allDay('2026-03-02')],
      [t.friday.id, allDay('2026-03-04')],
      [t.last.id, timed('2026-03-12T09:30:00.000Z')],
    ]);
  });

  it('counts a drop on a weekend as the next working day', () => {
    const changes = shiftTouches(all, t.moved.id, allDay('2026-03-07'), 'later', s); // Wed -> Sat(=Mon): +3
    expect(changes.map((c) => [c.id, c.after])).toEqual([
      [t.moved.id, allDay('2026-03-07')],
      [t.friday.id, allDay('2026-03-11')],
      [t.last.id, timed('2026-03-19T09:30:00.000Z')],
    ]);
  });

  it('moves nothing else for a move within the same day', () => {
    expect(shiftTouches(all, t.moved.id, timed('2026-03-04T15:00:00.000Z'), 'later', s).map((c) => c.id)).toEqual([
      t.moved.id,
    ]);
  });

  it('keeps the wall-clock time of later touches over a DST change', () => {
    const ny = settings({ timeZone: 'America/New_York' });
    const a = touch({ id: uid(11), meetingId, due: timed('2026-03-06T20:00:00.000Z') }); // Fri 15:00 EST
    const b = touch({ id: uid(12), meetingId, due: timed('2026-03-06T21:00:00.000Z') }); // Fri 16:00 EST
    const changes = shiftTouches([a, b], a.id, timed('2026-03-09T19:00:00.000Z'), 'later', ny); // Mon 15:00 EDT
    expect(changes[1]).toEqual({ id: b.id, before: b.due, after: timed('2026-03-09T20:00:00.000Z') });
    expect(localTimeOf('2026-03-09T20:00:00.000Z', ny.timeZone)).toBe('16:00');
  });

  it('throws for a touch that is not in the list', () => {
    expect(() => shiftTouches(all, uid(999), allDay('2026-03-09'), 'this', s)).toThrow(/not in the sequence/);
  });
});

describe('shiftForMeetingMove', () => {
  const s = settings();
  const touches = [
    touch({ id: uid(1), due: allDay('2026-03-02') }),
    touch({ id: uid(2), due: timed('2026-03-05T16:00:00.000Z') }),
    touch({ id: uid(3), due: allDay('2026-03-06'), locked: true }),
    touch({ id: uid(4), due: allDay('2026-03-03'), status: 'done' }),
  ];

  it('moves planned unlocked follow-ups by the business days the meeting moved', () => {
    // Monday -> Wednesday: +2
    expect(shiftForMeetingMove('2026-03-02T15:00:00Z', '2026-03-04T09:00:00Z', touches, s)).toEqual([
      { id: uid(1), before: allDay('2026-03-02'), after: allDay('2026-03-04') },
      { id: uid(2), before: timed('2026-03-05T16:00:00.000Z'), after: timed('2026-03-09T16:00:00.000Z') },
    ]);
  });

  it('moves nothing when the meeting stays on the same day', () => {
    expect(shiftForMeetingMove('2026-03-02T15:00:00Z', '2026-03-02T09:00:00Z', touches, s)).toEqual([]);
  });

  it('moves back when the meeting is brought forward', () => {
    expect(shiftForMeetingMove('2026-03-04T15:00:00Z', '2026-03-03T15:00:00Z', touches, s).map((c) => c.after)).toEqual([
      allDay('2026-02-27'),
      timed('2026-03-04T16:00:00.000Z'),
    ]);
  });
});
