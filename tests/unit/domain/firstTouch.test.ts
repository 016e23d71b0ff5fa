import { describe, it, expect } from 'vitest';
import { FIRST_TOUCH_DEFAULTS, firstTouchDraft, firstTouchDue } from '../../../src/shared/domain/firstTouch';
import { lintTouchText } from '../../../src/shared/domain/lint';
import { allDay, settings } from './fixtures';

describe('firstTouchDue', () => {
  const utc = settings({ nonWorkingDates: ['2026-04-03', '2026-04-06'] }); // 09:00-17:30
  it.each([
    ['Monday morning', utc, '2026-03-09T10:00:00Z', '2026-03-09'],
    ['Monday before work', utc, '2026-03-09T07:00:00Z', '2026-03-09'],
    ['Monday at 17:29', utc, '2026-03-09T17:29:00Z', '2026-03-09'],
    ['Monday at the end of the day', utc, '2026-03-09T17:30:00Z', '2026-03-10'],
    ['Friday evening', utc, '2026-03-06T18:00:00Z', '2026-03-09'],
    ['Saturday', utc, '2026-03-07T10:00:00Z', '2026-03-09'],
    ['Thursday evening before Easter', utc, '2026-04-02T19:00:00Z', '2026-04-07'],
    ['16:00 in New York', settings({ timeZone: 'America/New_York' }), '2026-03-09T20:00:00Z', '2026-03-09'],
    ['21:00 in Berlin', settings({ timeZone: 'Europe/Berlin' }), '2026-03-09T20:00:00Z', '2026-03-10'],
  ])('%s -> %s', (_name, s, now, date) => {
    expect(firstTouchDue(now, s)).toEqual(allDay(date));
  });

  it('drafts a first touch that brings value', () => {
    const draft = firstTouchDraft('2026-03-09T10:00:00Z', utc);
    expect(draft).toEqual({ due: allDay('2026-03-09'), ...FIRST_TOUCH_DEFAULTS });
    expect(draft.title).toBe('Introduce yourself and confirm next step');
    expect(lintTouchText(draft.title)).toBeNull();
    expect(lintTouchText(draft.value)).toBeNull();
  });
});
