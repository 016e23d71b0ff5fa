// Which of its two files a prospect or a deal sits in (see shards.ts). In play, and so loaded at open, when the
// working day can meet it, or a record loaded at open points at it: a deal that is open, changed in the recent
// quarters, or has a planned touch, a touch or a meeting of the recent quarters; a prospect changed in the recent
// quarters, with a deal in play, a planned touch or a touch of the recent quarters. Otherwise it rests in the
// history file. The store calls
// rebalance() for the records a save touched (and for everything in memory at open); a record in the wrong file
// costs only time, never data: at open anything in memory that points at a resting record loads its file.
import { isActiveDeal } from '../../../shared/domain/drifting';
import type { CollectionName, Deal, Touch } from '../../../shared/schema';
import { CLOSED_DEALS, DORMANT_PROSPECTS } from './shards';
import type { ShardIndex, StoreState } from './state';
import type { TouchIndex } from './touchIndex';

export interface PlacementScope {
  state: StoreState;
  touchIndex: TouchIndex;
  index: ShardIndex;
  /** The first instant of the quarters loaded at open (shards.historyCut). */
  recentSince: string;
}

/** Moves the given deals and prospects (and the prospects of those deals) to the file they belong in. */
export function rebalance(scope: PlacementScope, dealIds: Iterable<string>, prospectIds: Iterable<string>): Set<string> {
  const { state, touchIndex, index } = scope;
  const changed = new Set<string>();
  const cutMs = Date.parse(scope.recentSince);
  const recent = (instant: string) => Date.parse(instant) >= cutMs;
  // The touches loaded at open: planned ones, and finished ones of the recent quarters.
  const touchAtOpen = (touch: Touch) => touch.status === 'planned' || recent(touch.due.allDay ? `${touch.due.date}T23:59:59Z` : touch.due.at);
  const dealsMet = lazy(() => new Set([...state.meetings.values()].filter((meeting) => recent(meeting.start)).map((meeting) => meeting.dealId)));
  const dealInPlay = (deal: Deal) => {
    if (isActiveDeal(deal) || recent(deal.updatedAt) || dealsMet().has(deal.id)) return true;
    for (const touch of touchIndex.ofDeal(deal.id).values()) if (touchAtOpen(touch)) return true;
    return false;
  };
  const prospects = new Set(prospectIds);
  for (const id of dealIds) {
    const deal = state.deals.get(id);
    if (!deal) continue;
    prospects.add(deal.prospectId);
    for (const shard of index.move('deals', id, dealInPlay(deal) ? 'deals' : CLOSED_DEALS)) changed.add(shard);
  }
  const prospectsInPlay = lazy(() => {
    const ids = new Set<string>();
    for (const touch of state.touches.values()) if (touchAtOpen(touch)) ids.add(touch.prospectId);
    for (const deal of state.deals.values()) if (index.locate('deals', deal.id) === 'deals') ids.add(deal.prospectId);
    return ids;
  });
  for (const id of prospects) {
    const prospect = state.prospects.get(id);
    if (!prospect) continue;
    const inPlay = recent(prospect.updatedAt) || prospectsInPlay().has(id);
    for (const shard of index.move('prospects', id, inPlay ? 'prospects' : DORMANT_PROSPECTS)) changed.add(shard);
  }
  return changed;
}

/** True when a record in memory points at a prospect or deal that is not (it may rest in a history file). */
export function pointsAtMissing(state: StoreState): boolean {
  for (const deal of state.deals.values()) if (!state.prospects.has(deal.prospectId)) return true;
  for (const meeting of state.meetings.values()) if (meeting.dealId !== null && !state.deals.has(meeting.dealId)) return true;
  for (const touch of state.touches.values()) {
    if (!state.prospects.has(touch.prospectId) || (touch.dealId !== null && !state.deals.has(touch.dealId))) return true;
  }
  return false;
}

/** False when a change cannot move a prospect or deal between its files: a touch or meeting edited in place. */
export function placementMayChange(collection: CollectionName, before: unknown, after: unknown): boolean {
  if (!before || !after || (collection !== 'touches' && collection !== 'meetings')) return true;
  const [a, b] = [before, after] as Record<string, unknown>[];
  const same = (key: string) => JSON.stringify(a?.[key]) === JSON.stringify(b?.[key]);
  return !(same('prospectId') && same('dealId') && same('status') && same('due') && same('start'));
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
