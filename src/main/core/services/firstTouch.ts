// "Follow up with everyone, immediately": a new prospect or deal gets a first touch due within one
// business day, unless the rep turned this off in Settings. A deal of a prospect whose first touch is still
// planned takes that touch over instead of getting a second one.
import { firstTouchDraft } from '../../../shared/domain/firstTouch';
import { touchSchema } from '../../../shared/schema';
import type { Transaction } from '../store/store';
import { newRecordFields, type ServiceContext } from './context';

export function createFirstTouch(
  ctx: ServiceContext,
  tx: Transaction,
  target: { prospectId: string; dealId: string | null; name: string },
): void {
  const settings = ctx.store.state.settings;
  if (!settings.autoFirstTouch) return;
  if (target.dealId !== null) {
    // The prospect's own first touch, still planned, becomes the deal's: one pair, one first touch.
    const prospectTouches = [...ctx.store.touchIndex.planned.values()].filter(
      (touch) => touch.prospectId === target.prospectId && touch.dealId === null && touch.meetingId === null,
    );
    for (const touch of prospectTouches) tx.put('touches', { ...touch, dealId: target.dealId, updatedAt: ctx.nowIso() });
    if (prospectTouches.length > 0) return;
  }
  const draft = firstTouchDraft(ctx.clock.now(), settings);
  tx.put('touches', touchSchema.parse({ ...newRecordFields(ctx), ...draft, prospectId: target.prospectId, dealId: target.dealId, meetingId: null }));
}
