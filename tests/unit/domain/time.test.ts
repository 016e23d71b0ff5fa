import { describe, it, expect } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  addCalendarDays,
  calendarDaysBetween,
  compareDues,
  dateOfEpochDay,
  dueSortKey,
  epochDayOf,
  instantAt,
  instantKey,
  instantMs,
  isDueOverdue,
  isoWeekday,
  localDateOf,
  localTimeOf,
  todayLocalDate,
  toIsoInstant,
  utcOffsetOf,
} from '../../../src/shared/domain/time';
import { allDay, settings, timed } from './fixtures';

describe('calendar dates', () => {
  it.each([
    ['1970-01-01', 0, 4],
    ['2026-03-08', 20_520, 7],
    ['2026-03-09', 20_521, 1],
    ['2000-02-29', 11_016, 2],
    ['1969-12-31', -1, 3],
  ])('%s is epoch day %i, ISO weekday %i', (date, day, weekday) => {
    expect(epochDayOf(date)).toBe(day);
    expect(dateOfEpochDay(day)).toBe(date);
    expect(isoWeekday(date)).toBe(weekday);
  });

  it('agrees with Temporal over many years', () => {
    let d = Temporal.PlainDate.from('1999-12-25');
    for (let i = 0; i < 12_000; i += 37) {
      const date = d.add({ days: i }).toString();
      expect(dateOfEpochDay(epochDayOf(date))).toBe(date);
      expect(isoWeekday(date)).toBe(d.add({ days: i }).dayOfWeek);
    }
    d = Temporal.PlainDate.from('2026-01-01');
    expect(addCalendarDays('2026-01-01', 400)).toBe(d.add({ days: 400 }).toString());
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-01', 'tomorrow', ''])('rejects %j', (bad) => {
    expect(() => epochDayOf(bad)).toThrow(RangeError);
  });

  it('counts calendar days', () => {
    expect(calendarDaysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(calendarDaysBetween('2026-03-02', '2026-02-27')).toBe(-3);
  });
});

describe('instants', () => {
  it.each([
    ['2026-03-09T14:00:00Z', Date.UTC(2026, 2, 9, 14)],
    ['2026-03-09T14:00:00.000Z', Date.UTC(2026, 2, 9, 14)],
    ['2026-03-09T15:00:00+01:00', Date.UTC(2026, 2, 9, 14)],
    ['2026-03-09T09:30:00-04:30', Date.UTC(2026, 2, 9, 14)],
    ['2026-03-09T14:00:00.5Z', Date.UTC(2026, 2, 9, 14) + 500],
    ['2026-03-09T14:00Z', Date.UTC(2026, 2, 9, 14)],
  ])('parses %s', (iso, ms) => {
    expect(instantMs(iso)).toBe(ms);
  });

  it('formats canonically and keeps canonical keys as they are', () => {
    expect(toIsoInstant(Date.UTC(2026, 2, 9, 14, 5, 7, 9))).toBe('2026-03-09T14:05:07.009Z');
    expect(toIsoInstant('2026-03-09T15:00:00+01:00')).toBe('2026-03-09T14:00:00.000Z');
    const canonical = '2026-03-09T14:00:00.000Z';
    expect(instantKey(canonical)).toBe(canonical);
    expect(instantKey('2026-03-09T14:00:00Z')).toBe(canonical);
  });

  it('throws on an instant without an offset', () => {
    expect(() => instantMs('2026-03-09T14:00:00')).toThrow();
  });
});

describe('time zones', () => {
  it.each([
    // [instant, zone, local date, local time, offset]
    ['2026-03-08T06:59:00Z', 'America/New_York', '2026-03-08', '01:59', '-05:00'],
    ['2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08', '03:00', '-04:00'],
    ['2026-03-10T03:30:00Z', 'America/New_York', '2026-03-09', '23:30', '-04:00'],
    ['2026-03-29T00:59:00Z', 'Europe/Berlin', '2026-03-29', '01:59', '+01:00'],
    ['2026-03-29T01:00:00Z', 'Europe/Berlin', '2026-03-29', '03:00', '+02:00'],
    ['2026-03-08T22:30:00Z', 'Asia/Kolkata', '2026-03-09', '04:00', '+05:30'],
    ['2026-03-09T14:00:00Z', 'UTC', '2026-03-09', '14:00', '+00:00'],
  ])('%s in %s is %s %s (%s)', (instant, zone, date, time, offset) => {
    expect(localDateOf(instant, zone)).toBe(date);
    expect(localTimeOf(instant, zone)).toBe(time);
    expect(utcOffsetOf(instant, zone)).toBe(offset);
  });

  it.each([
    // DST gap: 02:30 does not exist, 'compatible' moves it forward by the gap.
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    // DST overlap: 01:30 happens twice, 'compatible' takes the earlier one.
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-10-25', '02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['2026-03-09', '10:00', 'America/New_York', '2026-03-09T14:00:00.000Z'],
    ['2026-03-06', '10:00', 'America/New_York', '2026-03-06T15:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso) => {
    expect(instantAt(date, time, zone)).toBe(iso);
  });

  const zones = [
    'America/New_York',
    'Europe/Berlin',
    'Australia/Lord_Howe',
    'America/Santiago',
    'America/St_Johns',
    'Pacific/Chatham',
    'Asia/Kolkata',
    'UTC',
  ];
  it.each(zones)('agrees with Temporal around the 2026 transitions of %s', (zone) => {
    const days: string[] = ['2026-06-15'];
    let z = Temporal.Instant.from('2026-01-01T00:00:00Z').toZonedDateTimeISO(zone);
    for (let i = 0; i < 2; i++) {
      const next = z.getTimeZoneTransition('next');
      if (!next) break;
      const date = next.toPlainDate();
      days.push(date.subtract({ days: 1 }).toString(), date.toString());
      z = next;
    }
    for (const date of days) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const expected = Temporal.PlainDateTime.from(`${date}T${time}`)
          .toZonedDateTime(zone, { disambiguation: 'compatible' })
          .toInstant().epochMilliseconds;
        expect(instantMs(instantAt(date, time, zone)), `${date} ${time} ${zone}`).toBe(expected);
        const instant = Temporal.Instant.from(`${date}T${time}:00Z`);
        const local = instant.toZonedDateTimeISO(zone);
        expect(localDateOf(instant.epochMilliseconds, zone)).toBe(local.toPlainDate().toString());
        expect(localTimeOf(instant.epochMilliseconds, zone)).toBe(local.toPlainTime().toString().slice(0, 5));
      }
    }
  });
});

describe('dues', () => {
  const ny = settings({ timeZone: 'America/New_York' });

  it('sorts an all-day touch at the start of the working day of its date', () => {
    expect(dueSortKey(allDay('2026-03-09'), ny)).toBe(Date.UTC(2026, 2, 9, 13)); // 09:00 EDT
    expect(dueSortKey(timed('2026-03-09T12:59:00Z'), ny)).toBeLessThan(dueSortKey(allDay('2026-03-09'), ny));
    expect(compareDues(allDay('2026-03-09'), timed('2026-03-09T13:01:00Z'), ny)).toBeLessThan(0);
  });

  it.each([
    [allDay('2026-03-08'), '2026-03-09T15:00:00Z', true],
    [allDay('2026-03-09'), '2026-03-09T23:59:00Z', false],
    [allDay('2026-03-09'), '2026-03-10T04:30:00Z', true], // 00:30 on the 10th in New York
    [timed('2026-03-09T14:59:59Z'), '2026-03-09T15:00:00Z', true],
    [timed('2026-03-09T15:00:00Z'), '2026-03-09T15:00:00Z', false],
  ])('overdue(%j at %s) = %s', (due, now, expected) => {
    expect(isDueOverdue(due, now, ny)).toBe(expected);
  });

  it("today's local date depends on the zone, not on the machine", () => {
    expect(todayLocalDate('2026-03-10T03:30:00Z', ny)).toBe('2026-03-09');
    expect(todayLocalDate('2026-03-10T03:30:00Z', settings({ timeZone: 'Europe/Berlin' }))).toBe('2026-03-10');
  });
});
