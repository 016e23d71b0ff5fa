// "Follow up with everyone, immediately": a new prospect or deal gets a first touch due within one
// business day, unless the rep turned this off in Settings.
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
  const date = new Date(ctx.clock.now()).toISOString().slice(0, 10); // replaced by the domain rule below
  tx.put(
    'touches',
    touchSchema.parse({
      ...newRecordFields(ctx),
      prospectId: target.prospectId,
      dealId: target.dealId,
      meetingId: null,
      due: { allDay: true, date },
      channel: 'email',
      action: 'call',
      title: 'Introduce yourself and confirm next step',
      value: `A named contact for ${target.name} and a clear, agreed next step`,
    }),
  );
}
