// --demo: fills an empty data folder with a small, living dataset so a newcomer sees the app at work.
import type { ServiceContext } from '../services/context';
import { DEMO_SIZE, generateDataset } from './generateDataset';

export async function seedDemoData(ctx: ServiceContext): Promise<boolean> {
  const { state } = ctx.store;
  if (state.prospects.size > 0 || state.deals.size > 0) return false;
  const data = generateDataset(DEMO_SIZE, ctx.clock.now(), 7);
  await ctx.store.transact((tx) => {
    for (const prospect of data.prospects) tx.put('prospects', prospect);
    for (const deal of data.deals) tx.put('deals', deal);
    for (const meeting of data.meetings) tx.put('meetings', meeting);
    for (const touch of data.touches) tx.put('touches', touch);
  });
  return true;
}
