// "Follow up with everyone, immediately": a new prospect or deal gets a first touch due within one
// business day, unless the rep turned this off in Settings.
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
  const draft = firstTouchDraft(ctx.clock.now(), settings);
  tx.put('touches', touchSchema.parse({ ...newRecordFields(ctx), ...draft, prospectId: target.prospectId, dealId: target.dealId, meetingId: null }));
}
