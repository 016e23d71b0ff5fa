// Secondary indexes of the touches, kept in step with every change (and its rollback) by the store, so the
// hot queries (Today, the tray, the Deals screen, a meeting's sequence) read the few touches they need
// instead of the 60,000 of a ten-year history.
import type { Touch } from '../../../shared/schema';

const EMPTY: ReadonlyMap<string, Touch> = new Map();

export class TouchIndex {
  /** Touches still planned (status 'planned'): the only ones that can be due, overdue or moved. */
  readonly planned = new Map<string, Touch>();
  private readonly meetings = new Map<string, Map<string, Touch>>();
  private readonly deals = new Map<string, Map<string, Touch>>();

  static of(touches: Iterable<Touch>): TouchIndex {
    const index = new TouchIndex();
    for (const touch of touches) index.add(touch);
    return index;
  }

  /** Every touch of a meeting's sequence, whatever its status. */
  ofMeeting(meetingId: string): ReadonlyMap<string, Touch> {
    return this.meetings.get(meetingId) ?? EMPTY;
  }

  /** Every touch of a deal, whatever its status. */
  ofDeal(dealId: string): ReadonlyMap<string, Touch> {
    return this.deals.get(dealId) ?? EMPTY;
  }

  add(touch: Touch): void {
    if (touch.status === 'planned') this.planned.set(touch.id, touch);
    if (touch.meetingId !== null) bucket(this.meetings, touch.meetingId).set(touch.id, touch);
    if (touch.dealId !== null) bucket(this.deals, touch.dealId).set(touch.id, touch);
  }

  delete(touch: Touch): void {
    this.planned.delete(touch.id);
    if (touch.meetingId !== null) unbucket(this.meetings, touch.meetingId, touch.id);
    if (touch.dealId !== null) unbucket(this.deals, touch.dealId, touch.id);
  }
}

function bucket(map: Map<string, Map<string, Touch>>, key: string): Map<string, Touch> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

function unbucket(map: Map<string, Map<string, Touch>>, key: string, id: string): void {
  const inner = map.get(key);
  if (!inner) return;
  inner.delete(id);
  if (inner.size === 0) map.delete(key);
}
