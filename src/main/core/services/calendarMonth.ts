// The month view at the scale of a busy career: a day holds at most `maxPerDay` events (meetings first, then
// overdue, planned and finished touches) and says how many more it has, so the renderer never has to lay out
// the 800+ events of a busy month. "+N more" opens that day.
import { localDateOf } from '../../../shared/domain/time';
import type { CalendarEvent, MonthRange } from '../../../shared/contract/calendar';

function rank(event: CalendarEvent): number {
  if (event.kind === 'meeting') return 0;
  if (event.status !== 'planned') return 3;
  return event.overdue ? 1 : 2;
}

export function capPerDay(events: CalendarEvent[], maxPerDay: number, timeZone: string): MonthRange {
  const byDay = new Map<string, CalendarEvent[]>();
  for (const event of events) {
    const day = event.allDay ? event.start : localDateOf(event.start, timeZone);
    const list = byDay.get(day);
    if (list) list.push(event);
    else byDay.set(day, [event]);
  }
  const kept: CalendarEvent[] = [];
  const more: MonthRange['more'] = [];
  for (const [date, list] of byDay) {
    if (list.length > maxPerDay) {
      list.sort((a, b) => rank(a) - rank(b) || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      more.push({ date, count: list.length - maxPerDay });
    }
    kept.push(...list.slice(0, maxPerDay));
  }
  return { events: kept, more };
}
