import { describe, it, expect } from 'vitest';
import { READINESS_MISSING, firstTouchDeadline, meetingReadiness } from '../../../src/shared/domain/readiness';
import { allDay, meeting, settings, timed, touch, uid } from './fixtures';

const M = uid(700);
// Friday 6 March 2026, 14:00 UTC: the first touch is due by Monday 9 March.
const friday = meeting({ id: M, start: '2026-03-06T14:00:00Z', end: '2026-03-06T15:00:00Z' });
const plan = (idealOutcome: string, callToAction: string) => ({ ...friday.callPlan, idealOutcome, callToAction });
/** Thursday 5 March: the day before the meeting. */
const BEFORE = Date.parse('2026-03-05T10:00:00Z');

describe('meetingReadiness', () => {
  const utc = settings();
  const ny = settings({ timeZone: 'America/New_York' });
  it.each([
    ['a touch on the meeting day', utc, [touch({ id: uid(1), meetingId: M, due: allDay('2026-03-06') })], true],
    ['a touch the next business day', utc, [touch({ id: uid(1), meetingId: M, due: allDay('2026-03-09') })], true],
    ['a touch two business days later', utc, [touch({ id: uid(1), meetingId: M, due: allDay('2026-03-10') })], false],
    ['a skipped touch', utc, [touch({ id: uid(1), meetingId: M, due: allDay('2026-03-09'), status: 'skipped' })], false],
    ['a done touch', utc, [touch({ id: uid(1), meetingId: M, due: allDay('2026-03-09'), status: 'done' })], true],
    ['a touch of another meeting', utc, [touch({ id: uid(1), meetingId: uid(701), due: allDay('2026-03-09') })], false],
    ['a touch before the meeting', utc, [touch({ id: uid(1), meetingId: M, due: allDay('2026-03-05') })], false],
    ['no touch', utc, [], false],
    // 2026-03-10T02:00Z is Tuesday in UTC but Monday 22:00 in New York.
    ['a timed touch, UTC', utc, [touch({ id: uid(1), meetingId: M, due: timed('2026-03-10T02:00:00Z') })], false],
    ['a timed touch, New York', ny, [touch({ id: uid(1), meetingId: M, due: timed('2026-03-10T02:00:00Z') })], true],
  ])('with %s: first touch planned = %s', (_name, s, touches, planned) => {
    const r = meetingReadiness(friday, touches, s, BEFORE);
    expect(r.ready).toBe(planned);
    expect(r.missing).toEqual(planned ? [] : [READINESS_MISSING.firstTouch]);
  });

  it('needs the ideal outcome and the call to action', () => {
    const touches = [touch({ id: uid(1), meetingId: M, due: allDay('2026-03-06') })];
    expect(meetingReadiness({ ...friday, callPlan: plan('  ', '') }, touches, utc, BEFORE)).toEqual({
      ready: false,
      missing: ['Write the ideal outcome', 'Write the call to action'],
      stage: 'upcoming',
    });
    expect(meetingReadiness({ ...friday, callPlan: plan('A signed PoC', '\n') }, [], utc, BEFORE)).toEqual({
      ready: false,
      missing: ['Write the call to action', 'Plan a first touch within one business day of the meeting'],
      stage: 'upcoming',
    });
  });

  it('after the meeting: the debrief is due, then the debrief’s outcome; a cancelled meeting says so', () => {
    const after = Date.parse('2026-03-06T15:00:00Z');
    expect(meetingReadiness(friday, [], utc, after - 1).stage).toBe('upcoming');
    expect(meetingReadiness(friday, [], utc, after).stage).toBe('debrief-due');
    const debrief = { outcome: 'fallback' as const, ourCommitments: [], theirCommitments: [], notes: '', recordedAt: '2026-03-06T16:00:00.000Z' };
    expect(meetingReadiness({ ...friday, debrief }, [], utc, after)).toMatchObject({ stage: 'debriefed', outcome: 'fallback' });
    expect(meetingReadiness({ ...friday, cancelledAt: '2026-03-05T09:00:00.000Z' }, [], utc, BEFORE).stage).toBe('cancelled');
  });

  it('gives the deadline of the first touch', () => {
    expect(firstTouchDeadline('2026-03-06T14:00:00Z', utc)).toBe('2026-03-09');
    expect(firstTouchDeadline('2026-03-07T14:00:00Z', utc)).toBe('2026-03-09');
  });
});
