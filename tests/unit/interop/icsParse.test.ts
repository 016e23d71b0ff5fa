import { describe, expect, it } from 'vitest';
import { IcsError, parseIcs, type IcsOccurrence } from '../../../src/main/core/interop/icsParse';
import { instantMsAt, localDateOf, localTimeOf } from '../../../src/shared/domain/time';
import { fixture, TZ } from './helpers';

const window = (days = 90, timeZone = TZ) => ({
  timeZone,
  windowStartMs: instantMsAt('2026-03-02', '00:00', timeZone),
  windowEndMs: instantMsAt('2026-03-02', '00:00', timeZone) + days * 86_400_000,
});
const byTitle = (list: IcsOccurrence[], title: string) => list.filter((o) => o.title.startsWith(title));
const OUTLOOK_SERIES = '040000008200E00074C5B7101A82E00800000000D0B3F3A1C2A4DC01000000000000000010000000A1C3E5F7092B4D6F8193A5C7E9F1B3D5';

describe('parseIcs: an Outlook export (Windows zone names with DST rules, folded lines)', async () => {
  const text = await fixture('ics/outlook.ics');
  const { occurrences } = parseIcs(text, window());

  it('expands the weekly series over the window without the EXDATE and with the moved occurrence', () => {
    const series = occurrences.filter((o) => o.uid === OUTLOOK_SERIES && o.inWindow);
    // 12 Tuesdays from 3 March, minus 17 March (EXDATE); 24 March moved to Thursday 26 March.
    expect(series).toHaveLength(11);
    expect(series.map((o) => localDateOf(o.start, TZ))).toEqual([
      '2026-03-03', '2026-03-10', '2026-03-26', '2026-03-31', '2026-04-07', '2026-04-14', '2026-04-21', '2026-04-28',
      '2026-05-05', '2026-05-12', '2026-05-19',
    ]);
    expect(series.some((o) => localDateOf(o.start, TZ) === '2026-03-17')).toBe(false);
  });

  it('shows every occurrence at the wall-clock time Outlook shows, across the DST change of 29 March', () => {
    const series = occurrences.filter((o) => o.uid === OUTLOOK_SERIES && !o.title.includes('vor Ort'));
    for (const o of series) expect(localTimeOf(o.start, TZ)).toBe('10:00');
    expect(series[0]?.start).toBe('2026-03-03T09:00:00.000Z'); // CET, UTC+1
    expect(series.find((o) => o.start.startsWith('2026-03-31'))?.start).toBe('2026-03-31T08:00:00.000Z'); // CEST, UTC+2
  });

  it('applies the RECURRENCE-ID override: new time, title and location, keyed by the original instant', () => {
    const moved = occurrences.find((o) => o.title.includes('vor Ort')) as IcsOccurrence;
    expect(moved.start).toBe('2026-03-26T13:00:00.000Z');
    expect(moved.end).toBe('2026-03-26T14:00:00.000Z');
    expect(moved.location).toBe('Brauhaus München, Sendlinger Straße 12');
    expect(moved.recurrenceId).toBe('2026-03-24T09:00:00.000Z');
    expect(moved.key).toBe(`${OUTLOOK_SERIES}#2026-03-24T09:00:00.000Z`);
  });

  it('unfolds long lines (UIDs, descriptions, attendees) and keeps non-ASCII names', () => {
    const first = occurrences.find((o) => o.uid === OUTLOOK_SERIES) as IcsOccurrence;
    expect(first.uid).toHaveLength(112);
    expect(first.title).toBe('Wöchentlicher Abgleich – Brauhaus München');
    expect(first.description).toContain('Lieferkette, Kühlkette und die offenen Fragen');
    expect(first.attendees).toEqual([
      { name: 'Jürgen Weiß', email: 'juergen.weiss@brauhaus-muenchen.example' },
      { name: 'Zoë Lefèvre', email: 'zoe.lefevre@brauhaus-muenchen.example' },
    ]);
    expect(first.organizer).toEqual({ name: 'Lena Fischer', email: 'lena.fischer@touchplan-sales.example' });
  });

  it('converts another VTIMEZONE (Eastern Standard Time) before and after the US DST change of 8 March', () => {
    expect(byTitle(occurrences, 'Discovery call')[0]?.start).toBe('2026-03-05T14:00:00.000Z'); // 09:00 EST
    expect(byTitle(occurrences, 'Technical deep dive')[0]?.start).toBe('2026-03-12T13:00:00.000Z'); // 09:00 EDT
  });

  it('reads an all-day event as local midnight to midnight in the rep’s time zone', () => {
    const fair = byTitle(occurrences, 'Fachmesse')[0] as IcsOccurrence;
    expect(fair.allDay).toBe(true);
    expect(fair.start).toBe('2026-03-19T23:00:00.000Z');
    expect(fair.end).toBe('2026-03-20T23:00:00.000Z');
  });

  it('flags past and cancelled events', () => {
    expect(byTitle(occurrences, 'Erstgespräch')[0]?.inWindow).toBe(false);
    expect(byTitle(occurrences, 'Abgesagt')[0]?.cancelled).toBe(true);
  });
});

describe('parseIcs: a Google Calendar export (IANA VTIMEZONEs, UTC times, multi-day all-day events)', async () => {
  const text = await fixture('ics/google.ics');
  const { occurrences, calendarName } = parseIcs(text, window());

  it('reads the calendar name and the weekly series with EXDATE and a moved occurrence in another zone', () => {
    expect(calendarName).toBe('lena.fischer@touchplan-sales.example');
    const series = occurrences.filter((o) => o.uid === '7kukuqrfedlm2f9t0vn3q9bn2c@google.com');
    expect(series.map((o) => o.start)).toEqual([
      '2026-03-03T14:30:00.000Z', // 09:30 EST
      '2026-03-10T13:30:00.000Z', // 09:30 EDT
      '2026-03-24T13:30:00.000Z',
      '2026-04-01T15:00:00.000Z', // moved: 17:00 in Copenhagen (CEST)
      '2026-04-07T13:30:00.000Z',
      '2026-04-14T13:30:00.000Z',
      '2026-04-21T13:30:00.000Z',
      '2026-04-28T13:30:00.000Z',
    ]);
    const moved = series[3] as IcsOccurrence;
    expect(moved.title).toBe('Pilot check-in — Nordlys Energi (on site in Aarhus)');
    expect(moved.recurrenceId).toBe('2026-03-31T13:30:00.000Z');
    expect(moved.location).toBe('Nordlys Energi, Søren Frichs Vej 38, 8230 Åbyhøj');
  });

  it('keeps UTC times and a two-day all-day event', () => {
    expect(byTitle(occurrences, 'Quillfield')[0]?.start).toBe('2026-03-18T17:00:00.000Z');
    const summit = byTitle(occurrences, 'Nordic Energy Summit')[0] as IcsOccurrence;
    expect([summit.allDay, summit.start, summit.end]).toEqual([true, '2026-04-01T22:00:00.000Z', '2026-04-03T22:00:00.000Z']);
  });
});

describe('parseIcs: zones without a VTIMEZONE, floating times, broken files', () => {
  const wrap = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n${body}END:VCALENDAR\r\n`;

  it('reads a TZID with no VTIMEZONE as the IANA zone of that name, and floating times in the rep’s zone', () => {
    const text = wrap(
      'BEGIN:VEVENT\r\nUID:tokyo-1\r\nDTSTAMP:20260301T000000Z\r\nDTSTART;TZID=Asia/Tokyo:20260310T100000\r\nDTEND;TZID=Asia/Tokyo:20260310T110000\r\nSUMMARY:Tokyo\r\nEND:VEVENT\r\n' +
        'BEGIN:VEVENT\r\nUID:floating-1\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:20260311T150000\r\nDTEND:20260311T160000\r\nSUMMARY:Floating\r\nEND:VEVENT\r\n',
    );
    const { occurrences } = parseIcs(text, window());
    expect(occurrences.find((o) => o.uid === 'tokyo-1')?.start).toBe('2026-03-10T01:00:00.000Z');
    expect(occurrences.find((o) => o.uid === 'floating-1')?.start).toBe('2026-03-11T14:00:00.000Z');
  });

  it('expands an endless daily series only over the window', () => {
    const text = wrap('BEGIN:VEVENT\r\nUID:daily\r\nDTSTAMP:20200101T000000Z\r\nDTSTART:20200101T080000Z\r\nDTEND:20200101T081500Z\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Stand-up\r\nEND:VEVENT\r\n');
    const { occurrences } = parseIcs(text, window(10));
    expect(occurrences).toHaveLength(10);
    expect(occurrences[0]?.start).toBe('2026-03-02T08:00:00.000Z');
  });

  it('expands a long-running series starting late (fast) exactly like a full expansion from DTSTART', () => {
    const series = (rule: string) =>
      wrap(
        `BEGIN:VEVENT\r\nUID:biweekly\r\nDTSTAMP:20190101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20190101T170000\r\nDTEND;TZID=Europe/Berlin:20190101T173000\r\n${rule}\r\n` +
          'EXDATE;TZID=Europe/Berlin:20260317T170000\r\nSUMMARY:Pipeline review\r\nEND:VEVENT\r\n' +
          'BEGIN:VEVENT\r\nUID:biweekly\r\nDTSTAMP:20190101T000000Z\r\nRECURRENCE-ID;TZID=Europe/Berlin:20260402T170000\r\nDTSTART;TZID=Europe/Berlin:20260403T080000\r\nDTEND;TZID=Europe/Berlin:20260403T083000\r\nSUMMARY:Pipeline review (moved)\r\nEND:VEVENT\r\n',
      );
    const fast = parseIcs(series('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20300101T000000Z'), window()).occurrences;
    const full = parseIcs(series('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=1000'), window()).occurrences;
    const shape = (list: IcsOccurrence[]) => list.map((o) => [o.key, o.start, o.title]);
    expect(shape(fast)).toEqual(shape(full));
    expect(fast.length).toBeGreaterThan(10);
    expect(fast.some((o) => o.start.startsWith('2026-03-17'))).toBe(false);
    expect(fast.find((o) => o.title.endsWith('(moved)'))?.start).toBe('2026-04-03T06:00:00.000Z');
    for (const o of fast.filter((o) => !o.title.endsWith('(moved)'))) expect(localTimeOf(o.start, TZ)).toBe('17:00');
  });

  it('applies an override only to the series of its own UID', () => {
    const event = (uid: string, extra = '') =>
      `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260303T090000Z\r\nDTEND:20260303T093000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:${uid}\r\n${extra}END:VEVENT\r\n`;
    const text = wrap(
      event('alpha') +
        event('beta') +
        'BEGIN:VEVENT\r\nUID:alpha\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID:20260310T090000Z\r\nDTSTART:20260311T150000Z\r\nDTEND:20260311T153000Z\r\nSUMMARY:alpha moved\r\nEND:VEVENT\r\n',
    );
    const { occurrences } = parseIcs(text, window());
    expect(occurrences.filter((o) => o.uid === 'alpha').map((o) => [o.title, o.start])).toEqual([
      ['alpha', '2026-03-03T09:00:00.000Z'],
      ['alpha moved', '2026-03-11T15:00:00.000Z'],
      ['alpha', '2026-03-17T09:00:00.000Z'],
    ]);
    expect(occurrences.filter((o) => o.uid === 'beta').map((o) => o.start)).toEqual([
      '2026-03-03T09:00:00.000Z',
      '2026-03-10T09:00:00.000Z',
      '2026-03-17T09:00:00.000Z',
    ]);
  });

  it('refuses a truncated file, binary garbage, and text that is not a calendar', async () => {
    const text = await fixture('ics/outlook.ics');
    expect(() => parseIcs(text.slice(0, Math.floor(text.length / 2)), window())).toThrow(IcsError);
    expect(() => parseIcs(text.slice(0, Math.floor(text.length / 2)), window())).toThrow(/incomplete/);
    const garbage = String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 7919 + 13) % 256));
    expect(() => parseIcs(garbage, window())).toThrow(/not a calendar file/);
    expect(() => parseIcs('Subject,Start Date\nLunch,2026-03-03\n', window())).toThrow(/BEGIN:VCALENDAR/);
    expect(() => parseIcs('', window())).toThrow(/empty/);
  });
});
