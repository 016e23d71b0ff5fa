import { describe, it, expect } from 'vitest';
import {
  addBusinessDays,
  businessDaysBetween,
  clampTimeToWorkingHours,
  clampToWorkingHours,
  isWithinWorkingHours,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
} from '../../../src/shared/domain/businessDays';
import { addCalendarDays } from '../../../src/shared/domain/time';
import { settings } from './fixtures';

// March 2026: Mon 2, Fri 6, Sat 7, Sun 8, Mon 9. Easter 2026: Good Friday 3 April, Easter Monday 6 April.
const monFri = settings();
const easter = settings({ nonWorkingDates: ['2026-04-03', '2026-04-06'] });
const sunThu = settings({ workingDays: [7, 1, 2, 3, 4] });

describe('isWorkingDay', () => {
  it.each([
    [monFri, '2026-03-06', true],
    [monFri, '2026-03-07', false],
    [monFri, '2026-03-08', false],
    [easter, '2026-04-03', false],
    [easter, '2026-04-02', true],
    [sunThu, '2026-03-06', false],
    [sunThu, '2026-03-07', false],
    [sunThu, '2026-03-08', true],
  ])('%#: %s -> %s', (s, date, expected) => {
    expect(isWorkingDay(date, s)).toBe(expected);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['Fri +1 = Mon', monFri, '2026-03-06', 1, '2026-03-09'],
    ['Fri +0 = Fri', monFri, '2026-03-06', 0, '2026-03-06'],
    ['Sat +0 = Mon', monFri, '2026-03-07', 0, '2026-03-09'],
    ['Sat +1 = Mon', monFri, '2026-03-07', 1, '2026-03-09'],
    ['Mon -1 = Fri', monFri, '2026-03-09', -1, '2026-03-06'],
    ['Sun -1 = Fri', monFri, '2026-03-08', -1, '2026-03-06'],
    ['Mon +5 = Mon', monFri, '2026-03-02', 5, '2026-03-09'],
    ['Mon +10', monFri, '2026-03-02', 10, '2026-03-16'],
    ['Wed -7', monFri, '2026-03-11', -7, '2026-03-02'],
    ['over a month end', monFri, '2026-02-26', 3, '2026-03-03'],
    ['over a year end', monFri, '2026-12-31', 1, '2027-01-01'],
    ['Thu +1 over Easter', easter, '2026-04-02', 1, '2026-04-07'],
    ['Tue -1 over Easter', easter, '2026-04-07', -1, '2026-04-02'],
    ['Good Friday +0', easter, '2026-04-03', 0, '2026-04-07'],
    ['Sun-Thu: Thu +1 = Sun', sunThu, '2026-03-05', 1, '2026-03-08'],
    ['Sun-Thu: Fri +0 = Sun', sunThu, '2026-03-06', 0, '2026-03-08'],
    ['Sun-Thu: Sun -1 = Thu', sunThu, '2026-03-08', -1, '2026-03-05'],
    ['Sun-Thu: Wed +2 = Sun', sunThu, '2026-03-04', 2, '2026-03-08'],
  ])('%s', (_name, s, date, n, expected) => {
    expect(addBusinessDays(date, n, s)).toBe(expected);
  });

  it('has next and previous working days', () => {
    expect(nextWorkingDay('2026-03-06', monFri)).toBe('2026-03-09');
    expect(nextWorkingDay('2026-03-05', monFri)).toBe('2026-03-06');
    expect(previousWorkingDay('2026-03-09', monFri)).toBe('2026-03-06');
    expect(previousWorkingDay('2026-04-07', easter)).toBe('2026-04-02');
  });

  it('rejects a fractional number of days', () => {
    expect(() => addBusinessDays('2026-03-06', 1.5, monFri)).toThrow(RangeError);
  });

  it('throws a clear error instead of looping when no day is a working day', () => {
    const none = { ...monFri, workingDays: [] };
    expect(() => addBusinessDays('2026-03-06', 1, none)).toThrow(/No working day within 3660 days of 2026-03-06/);
    expect(() => nextWorkingDay('2026-03-06', none)).toThrow(/No working day/);
    // Saturdays only, and every Saturday for eleven years is a holiday.
    const saturdays: string[] = [];
    for (let d = '2026-03-07'; d < '2037-06-01'; d = addCalendarDays(d, 7)) saturdays.push(d);
    const blocked = settings({ workingDays: [6], nonWorkingDates: saturdays });
    expect(() => addBusinessDays('2026-03-06', 1, blocked)).toThrow(/No working day/);
    expect(() => addBusinessDays('2026-03-06', 0, blocked)).toThrow(/No working day/);
  });
});

describe('businessDaysBetween', () => {
  it.each([
    ['Mon -> Wed', monFri, '2026-03-02', '2026-03-04', 2],
    ['Fri -> Mon', monFri, '2026-03-06', '2026-03-09', 1],
    ['Fri -> Sat', monFri, '2026-03-06', '2026-03-07', 0],
    ['Sat -> Sun', monFri, '2026-03-07', '2026-03-08', 0],
    ['Wed -> Mon before', monFri, '2026-03-04', '2026-03-02', -2],
    ['same day', monFri, '2026-03-04', '2026-03-04', 0],
    ['Thu -> Tue over Easter', easter, '2026-04-02', '2026-04-07', 1],
    ['Tue -> Thu over Easter', easter, '2026-04-07', '2026-04-02', -1],
    ['Sun-Thu: Thu -> Sun', sunThu, '2026-03-05', '2026-03-08', 1],
    ['a year of Mon-Fri', monFri, '2026-01-01', '2027-01-01', 261],
  ])('%s = %i', (_name, s, a, b, expected) => {
    expect(businessDaysBetween(a, b, s)).toBe(expected);
  });

  it('matches a day-by-day count and inverts addBusinessDays', () => {
    const s = settings({ workingDays: [7, 1, 2, 3, 4], nonWorkingDates: ['2026-03-10', '2026-05-01', '2026-05-03'] });
    const start = '2026-02-20';
    for (let offset = 0; offset < 120; offset += 7) {
      const a = addCalendarDays(start, offset);
      for (let span = -40; span <= 40; span += 3) {
        const b = addCalendarDays(a, span);
        let count = 0;
        const [lo, hi] = span >= 0 ? [a, b] : [b, a];
        for (let d = addCalendarDays(lo, 1); d <= hi; d = addCalendarDays(d, 1)) if (isWorkingDay(d, s)) count++;
        expect(businessDaysBetween(a, b, s)).toBe(span >= 0 ? count : -count);
      }
      const working = addBusinessDays(a, 0, s);
      for (let n = -25; n <= 25; n += 4) {
        expect(businessDaysBetween(working, addBusinessDays(working, n, s), s)).toBe(n);
      }
    }
  });
});

describe('working hours', () => {
  const ny = settings({ timeZone: 'America/New_York' }); // 09:00-17:30
  it.each([
    ['2026-03-09T13:00:00Z', true], // Mon 09:00 EDT
    ['2026-03-09T12:59:00Z', false],
    ['2026-03-09T21:29:00Z', true], // 17:29 EDT
    ['2026-03-09T21:30:00Z', false], // 17:30 EDT: the day has ended
    ['2026-03-06T14:00:00Z', true], // Fri 09:00 EST
    ['2026-03-07T15:00:00Z', false], // Saturday
  ])('isWithinWorkingHours(%s) = %s', (instant, expected) => {
    expect(isWithinWorkingHours(instant, ny)).toBe(expected);
  });

  it.each([
    ['2026-03-09T14:00:00Z', '2026-03-09T14:00:00.000Z'], // within
    ['2026-03-09T11:00:00Z', '2026-03-09T13:00:00.000Z'], // Mon 07:00 -> Mon 09:00 EDT
    ['2026-03-06T23:00:00Z', '2026-03-09T13:00:00.000Z'], // Fri 18:00 EST -> Mon 09:00 EDT
    ['2026-03-07T15:00:00Z', '2026-03-09T13:00:00.000Z'], // Sat -> Mon
  ])('clampToWorkingHours(%s) = %s', (instant, expected) => {
    expect(clampToWorkingHours(instant, ny)).toBe(expected);
  });

  it.each([
    ['07:00', '09:00'],
    ['09:00', '09:00'],
    ['12:15', '12:15'],
    ['17:29', '17:29'],
    ['17:30', '17:00'],
    ['21:00', '17:00'],
  ])('clampTimeToWorkingHours(%s) = %s', (time, expected) => {
    expect(clampTimeToWorkingHours(time, ny)).toBe(expected);
  });
});
