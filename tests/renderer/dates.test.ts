// The renderer's date module in two locales (en-US: 12-hour clock, month first; de and en-GB: 24-hour clock,
// day first) and in the rep's zone, whatever the machine's.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  dateLocaleCode,
  formatDate,
  formatDateTime,
  formatDue,
  formatLongDate,
  formatTime,
  formatTimeRange,
  fromLocalInput,
  lateness,
  loadDateLocale,
  relativeDay,
  toLocalInput,
} from '../../src/renderer/src/dates';

const MEETING = '2026-04-01T18:30:00.000Z'; // 14:30 in New York, 20:30 in Berlin

describe('dates in en-US', () => {
  beforeEach(async () => void (await loadDateLocale('en-US')));

  it('puts the month first and uses a 12-hour clock', () => {
    expect(formatDate('2026-04-01')).toBe('Wed Apr 1, 2026');
    expect(formatDate('2026-04-01', { year: false })).toBe('Wed Apr 1');
    expect(formatTime(MEETING, 'America/New_York')).toBe('2:30 PM');
    expect(formatLongDate('2026-04-01')).toBe('Wednesday, April 1st, 2026');
  });

  it('shows instants in the rep’s zone, not the machine’s', () => {
    expect(formatDateTime(MEETING, 'America/New_York')).toBe('Wed Apr 1, 2026, 2:30 PM');
    expect(formatDateTime(MEETING, 'Asia/Tokyo')).toBe('Thu Apr 2, 2026, 3:30 AM');
    expect(formatTimeRange(MEETING, '2026-04-01T19:30:00.000Z', 'America/New_York')).toBe('Wed Apr 1, 2026, 2:30 PM – 3:30 PM');
  });

  it('says how far and how late in words', () => {
    expect(relativeDay('2026-04-03', '2026-04-01')).toBe('in 2 days');
    expect(relativeDay('2026-04-02', '2026-04-01')).toBe('tomorrow');
    expect(relativeDay('2026-03-24', '2026-04-01')).toBe('8 days ago');
    expect(lateness({ allDay: true, date: '2026-03-24' }, MEETING, 'America/New_York')).toBe('8 days late');
    expect(lateness({ allDay: true, date: '2026-03-31' }, MEETING, 'America/New_York')).toBe('since yesterday');
    expect(lateness({ allDay: false, at: '2026-04-01T18:00:00.000Z' }, MEETING, 'UTC')).toBe('30 minutes late');
    expect(lateness({ allDay: false, at: '2026-04-01T15:00:00.000Z' }, MEETING, 'UTC')).toBe('3 hours late');
    expect(lateness({ allDay: false, at: '2026-03-24T15:00:00.000Z' }, MEETING, 'UTC')).toBe('8 days late');
  });
});

describe('dates in German', () => {
  beforeEach(async () => void (await loadDateLocale('de-DE')));

  it('falls back from de-DE to de and keeps the code for FullCalendar', () => {
    expect(dateLocaleCode()).toBe('de-DE');
  });

  it('puts the day first with German names and a 24-hour clock', () => {
    expect(formatDate('2026-04-01')).toBe('Mi. 1. Apr. 2026');
    expect(formatDate('2026-04-01', { weekday: false, year: false })).toBe('1. Apr.');
    expect(formatTime(MEETING, 'Europe/Berlin')).toBe('20:30');
    expect(formatDue({ allDay: false, at: MEETING }, 'Europe/Berlin')).toBe('Mi. 1. Apr. 2026, 20:30');
  });
});

describe('dates in en-GB', () => {
  beforeEach(async () => void (await loadDateLocale('en-GB')));

  it('puts the day first and uses a 24-hour clock', () => {
    expect(formatDate('2026-04-01')).toBe('Wed 1 Apr 2026');
    expect(formatDate('2026-04-01', { year: false })).toBe('Wed 1 Apr');
    expect(formatTime(MEETING, 'Europe/London')).toBe('19:30');
    expect(formatDue({ allDay: true, date: '2026-04-01' }, 'Europe/London')).toBe('Wed 1 Apr 2026 (all day)');
  });

  it('falls back to en-US for a locale it does not know', async () => {
    expect(await loadDateLocale('xx-YY')).toBe('en-US');
    expect(formatTime(MEETING, 'America/New_York')).toBe('2:30 PM');
  });
});

describe('datetime-local inputs', () => {
  it('read and write wall-clock times in the rep’s zone', () => {
    expect(toLocalInput(MEETING, 'Europe/Berlin')).toBe('2026-04-01T20:30');
    expect(fromLocalInput('2026-04-01T20:30', 'Europe/Berlin')).toBe(MEETING);
    expect(fromLocalInput('2026-04-01', 'Europe/Berlin')).toBeNull();
  });
});
