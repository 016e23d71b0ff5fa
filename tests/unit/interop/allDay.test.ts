// All-day events are dates end to end: imported as the file's dates, unmoved by a time-zone change, shown in
// the calendar's all-day row, moved as dates, and exported as DTSTART;VALUE=DATE — through dispatch, on a
// real store.
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarMeetingEvent } from '../../../src/shared/contract/calendar';
import type { Meeting } from '../../../src/shared/schema';
import { openWorld, type PlanWorld } from '../plan/helpers';
import { fixture } from './helpers';

let world: PlanWorld;
beforeEach(async () => {
  world = await openWorld('2026-03-02T08:00:00.000Z', 'Europe/Berlin');
});
afterEach(async () => {
  await world.close();
});

const WORKSHOP = '3F1E7C2A-5B7D-4C55-9B3E-ALLDAY-ONE';
const FAIR = '3F1E7C2A-5B7D-4C55-9B3E-ALLDAY-CONFERENCE';

async function importAllDay(): Promise<Map<string, Meeting>> {
  await world.call('interop.ics.import', { text: await fixture('ics/apple-allday.ics'), windowDays: 90, links: [] });
  const meetings = await world.call('meetings.list', {});
  return new Map(meetings.map((m) => [m.externalUid ?? '', m]));
}

describe('all-day events are dates', () => {
  it('are imported with the dates of the file, the preview saying so', async () => {
    const preview = await world.call('interop.ics.preview', { text: await fixture('ics/apple-allday.ics'), fileName: 'work.ics', windowDays: 90 });
    const fair = preview.events.find((e) => e.uid === FAIR);
    expect(fair).toMatchObject({ allDay: true, dates: { startDate: '2026-03-16', endDate: '2026-03-19' } });

    const byUid = await importAllDay();
    expect(byUid.get(WORKSHOP)?.allDay).toEqual({ startDate: '2026-03-05', endDate: '2026-03-06' });
    expect(byUid.get(FAIR)?.allDay).toEqual({ startDate: '2026-03-16', endDate: '2026-03-19' });
    // Midnight to midnight in Berlin (UTC+1 in March).
    expect([byUid.get(FAIR)?.start, byUid.get(FAIR)?.end]).toEqual(['2026-03-15T23:00:00.000Z', '2026-03-18T23:00:00.000Z']);
    // The weekly all-day series: 2, 9 and 23 March (16 March is excluded), each one day.
    const weekly = [...byUid.values()].filter((m) => m.title === 'Pipeline review day').map((m) => m.allDay?.startDate).sort();
    expect(weekly).toEqual(['2026-03-02', '2026-03-09', '2026-03-23']);
  });

  it('keep their dates when the rep changes time zone; their instants follow the new zone', async () => {
    await importAllDay();
    await world.call('settings.update', { patch: { timeZone: 'America/Chicago' } });
    await world.restart();
    const fair = (await world.call('meetings.list', {})).find((m) => m.externalUid === FAIR);
    expect(fair?.allDay).toEqual({ startDate: '2026-03-16', endDate: '2026-03-19' });
    expect([fair?.start, fair?.end]).toEqual(['2026-03-16T05:00:00.000Z', '2026-03-19T05:00:00.000Z']);
  });

  it('are all-day events of the calendar, with their dates, and move as dates', async () => {
    const byUid = await importAllDay();
    const events = await world.call('calendar.range', { from: '2026-03-15T00:00:00.000Z', to: '2026-03-22T00:00:00.000Z' });
    const fair = events.find((e): e is CalendarMeetingEvent => e.kind === 'meeting' && e.id === byUid.get(FAIR)?.id);
    expect(fair).toMatchObject({ allDay: true, start: '2026-03-16', end: '2026-03-19', cancelled: false });
    // The month view counts an all-day meeting on its first date.
    const month = await world.call('calendar.monthRange', { from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z', maxPerDay: 4 });
    expect(month.events.filter((e) => e.kind === 'meeting' && e.allDay).map((e) => e.start).sort()).toEqual([
      '2026-03-02', '2026-03-05', '2026-03-09', '2026-03-16', '2026-03-23',
    ]);

    const moved = await world.call('calendar.moveMeeting', { meetingId: fair!.id, allDay: { startDate: '2026-03-23', endDate: '2026-03-26' } });
    expect(moved.changes[0]).toMatchObject({ kind: 'meeting', after: { allDay: { startDate: '2026-03-23', endDate: '2026-03-26' } } });
    const after = (await world.call('meetings.get', { id: fair!.id })).meeting;
    expect(after.allDay).toEqual({ startDate: '2026-03-23', endDate: '2026-03-26' });
    expect(after.start).toBe('2026-03-22T23:00:00.000Z');

    // Dropped on a time of the week view, it becomes a timed meeting.
    await world.call('calendar.moveMeeting', { meetingId: fair!.id, start: '2026-03-24T09:00:00.000Z', end: '2026-03-24T10:00:00.000Z' });
    expect((await world.call('meetings.get', { id: fair!.id })).meeting).toMatchObject({ allDay: null, start: '2026-03-24T09:00:00.000Z' });
  });

  it('can be created and edited as all-day meetings', async () => {
    const prospect = await world.call('prospects.create', { company: 'Quarry Foods', contacts: [] });
    const deal = await world.call('deals.create', { prospectId: prospect.id, title: 'Quarry rollout' });
    const created = await world.call('meetings.create', { dealId: deal.id, title: 'Site visit', allDay: { startDate: '2026-03-10', endDate: '2026-03-11' } });
    expect(created).toMatchObject({ allDay: { startDate: '2026-03-10', endDate: '2026-03-11' }, start: '2026-03-09T23:00:00.000Z' });
    // A title change keeps it all-day.
    const renamed = await world.call('meetings.update', { id: created.id, patch: { title: 'Site visit, Leeds' } });
    expect(renamed.allDay).toEqual({ startDate: '2026-03-10', endDate: '2026-03-11' });
    const refused = await world.fail('meetings.create', { dealId: deal.id, title: 'Backwards', allDay: { startDate: '2026-03-10', endDate: '2026-03-10' } });
    expect(refused.message).toContain('ends after the day it starts');
  });

  it('are exported as DATE values, read back as the same dates by ical.js and by the importer', async () => {
    const byUid = await importAllDay();
    const exported = await world.call('interop.ics.export', {});
    const root = new ICAL.Component(ICAL.parse(exported.text) as unknown[]);
    const fairId = byUid.get(FAIR)?.id;
    const vevent = root.getAllSubcomponents('vevent').find((v) => String(v.getFirstPropertyValue('uid')).startsWith(fairId ?? '-'));
    const start = vevent?.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = vevent?.getFirstPropertyValue('dtend') as ICAL.Time;
    expect([start.isDate, start.toString(), end.isDate, end.toString()]).toEqual([true, '2026-03-16', true, '2026-03-19']);
    expect(exported.text).toContain('DTSTART;VALUE=DATE:20260316');

    // Re-imported in another zone, the dates are still the dates.
    await world.call('settings.update', { patch: { timeZone: 'Asia/Tokyo' } });
    await world.call('interop.ics.import', { text: exported.text, windowDays: 90, links: [] });
    expect((await world.call('meetings.get', { id: fairId! })).meeting.allDay).toEqual({ startDate: '2026-03-16', endDate: '2026-03-19' });
  });
});
