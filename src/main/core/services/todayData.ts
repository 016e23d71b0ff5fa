// What the Today list and the tray read, taken from the store's touch index instead of the whole history:
// every planned touch; the meetings around today with all their touches (their readiness); and, when drifting
// deals are wanted, the meetings and touches of the active deals (their drift check).
import { isActiveDeal } from '../../../shared/domain/drifting';
import { addCalendarDays, todayLocalDate } from '../../../shared/domain/time';
import type { TodayData } from '../../../shared/domain/today';
import type { Meeting, Touch } from '../../../shared/schema';
import type { Store } from '../store/store';

export function todayData(store: Store, nowMs: number, options: { activeDeals: boolean }): TodayData {
  const { state, touchIndex } = store;
  const touches = new Map(touchIndex.planned);
  const meetings: Meeting[] = [];
  const add = (of: ReadonlyMap<string, Touch>) => {
    for (const [id, touch] of of) touches.set(id, touch);
  };
  const activeDeals = new Set<string>();
  if (options.activeDeals) {
    for (const deal of state.deals.values()) {
      if (!isActiveDeal(deal)) continue;
      activeDeals.add(deal.id);
      add(touchIndex.ofDeal(deal.id));
    }
  }
  // A meeting is "today" in the rep's zone; its UTC date is within a day of the local one.
  const today = todayLocalDate(nowMs, state.settings);
  const from = addCalendarDays(today, -1);
  const to = addCalendarDays(today, 2);
  for (const meeting of state.meetings.values()) {
    // ISO strings compare like their dates: start >= 'YYYY-MM-DD' is "on or after that UTC date".
    const aroundToday = meeting.start >= from && meeting.start < to;
    if (aroundToday) add(touchIndex.ofMeeting(meeting.id));
    if (aroundToday || (meeting.dealId !== null && activeDeals.has(meeting.dealId))) meetings.push(meeting);
  }
  // Only the deals and prospects these touches and meetings name (Today shows their names).
  const dealIds = new Set(activeDeals);
  const prospectIds = new Set<string>();
  for (const touch of touches.values()) {
    if (touch.dealId !== null) dealIds.add(touch.dealId);
    prospectIds.add(touch.prospectId);
  }
  for (const meeting of meetings) if (meeting.dealId !== null) dealIds.add(meeting.dealId);
  const deals = pick(state.deals, dealIds);
  for (const deal of deals) prospectIds.add(deal.prospectId);
  return { touches: [...touches.values()], meetings, deals, prospects: pick(state.prospects, prospectIds) };
}

function pick<T>(records: ReadonlyMap<string, T>, ids: Iterable<string>): T[] {
  const picked: T[] = [];
  for (const id of ids) {
    const record = records.get(id);
    if (record !== undefined) picked.push(record);
  }
  return picked;
}
