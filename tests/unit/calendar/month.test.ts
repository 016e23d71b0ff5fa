import { describe, expect, it } from 'vitest';
import { capPerDay } from '../../../src/main/core/services/calendarMonth';
import type { CalendarEvent } from '../../../src/shared/contract/calendar';

const touch = (id: string, start: string, fields: Partial<Extract<CalendarEvent, { kind: 'touch' }>> = {}): CalendarEvent =>
  ({ kind: 'touch', id, start, allDay: start.length === 10, status: 'planned', overdue: false, ...fields }) as CalendarEvent;
const meeting = (id: string, start: string): CalendarEvent => ({ kind: 'meeting', id, start, end: start }) as CalendarEvent;

describe('the month view keeps a few events a day', () => {
  it('keeps meetings, then overdue, then planned, then finished touches, and counts the rest per local day', () => {
    const events = [
      touch('done', '2026-11-24T08:00:00.000Z', { status: 'done' }),
      touch('planned-late', '2026-11-24T15:00:00.000Z'),
      touch('planned-early', '2026-11-24T09:00:00.000Z'),
      touch('overdue', '2026-11-24', { overdue: true }),
      meeting('meeting', '2026-11-24T16:00:00.000Z'),
      // 23:30 UTC is already the 25th in Berlin: another day.
      touch('next-day', '2026-11-24T23:30:00.000Z'),
    ];
    const { events: kept, more } = capPerDay(events, 3, 'Europe/Berlin');
    expect(kept.map((e) => e.id).sort()).toEqual(['meeting', 'next-day', 'overdue', 'planned-early'].sort());
    expect(more).toEqual([{ date: '2026-11-24', count: 2 }]);
  });

  it('leaves days under the cap alone', () => {
    const events = [touch('a', '2026-11-24'), touch('b', '2026-11-25')];
    expect(capPerDay(events, 1, 'UTC')).toEqual({ events, more: [] });
  });
});
