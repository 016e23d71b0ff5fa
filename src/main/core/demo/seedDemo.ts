// --demo: fills an empty data folder with a small, living dataset so a newcomer sees the app at work.
import type { ServiceContext } from '../services/context';
import { DEMO_SIZE, generateDataset } from './generateDataset';
import { putDataset } from './putDataset';

export async function seedDemoData(ctx: ServiceContext): Promise<boolean> {
  const { state } = ctx.store;
  if (state.prospects.size > 0 || state.deals.size > 0) return false;
  const data = generateDataset(DEMO_SIZE, ctx.clock.now(), 7);
  await putDataset(ctx.store, data);
  return true;
}
