// The touches the Today list and the tray can need, read from the store's touch index instead of the whole
// history: every planned touch, the touches of meetings around today (their readiness), and, when drifting
// deals are wanted, every touch of the active deals (their drift check).
import { isActiveDeal } from '../../../shared/domain/drifting';
import { addCalendarDays, todayLocalDate } from '../../../shared/domain/time';
import type { Touch } from '../../../shared/schema';
import type { Store } from '../store/store';

export function todayTouches(store: Store, nowMs: number, options: { activeDeals: boolean }): Touch[] {
  const { state, touchIndex } = store;
  const picked = new Map(touchIndex.planned);
  const add = (touches: ReadonlyMap<string, Touch>) => {
    for (const [id, touch] of touches) picked.set(id, touch);
  };
  // A meeting is "today" in the rep's zone; its UTC date is within a day of the local one.
  const today = todayLocalDate(nowMs, state.settings);
  const from = addCalendarDays(today, -1);
  const to = addCalendarDays(today, 2);
  for (const meeting of state.meetings.values()) {
    const date = meeting.start.slice(0, 10);
    if (date >= from && date < to) add(touchIndex.ofMeeting(meeting.id));
  }
  if (options.activeDeals) {
    for (const deal of state.deals.values()) if (isActiveDeal(deal)) add(touchIndex.ofDeal(deal.id));
  }
  return [...picked.values()];
}
