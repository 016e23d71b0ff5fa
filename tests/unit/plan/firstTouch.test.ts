// One prospect and its first deal get one first touch: the deal takes over the prospect's planned first touch.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openWorld, prospectAndDeal, type PlanWorld } from './helpers';

let world: PlanWorld;
beforeEach(async () => {
  world = await openWorld('2026-03-20T09:00:00.000Z');
  await world.call('settings.update', { patch: { autoFirstTouch: true } });
});
afterEach(() => world.close());

it('a new prospect and then its deal share one first touch, which belongs to the deal', async () => {
  const { prospect, deal } = await prospectAndDeal(world);
  const touches = await world.call('touches.list', { prospectId: prospect.id });
  expect(touches).toHaveLength(1);
  expect(touches[0]).toMatchObject({ dealId: deal.id, status: 'planned' });
  // A second deal of the same prospect gets its own first touch.
  const second = await world.call('deals.create', { prospectId: prospect.id, title: 'Second depot' });
  expect((await world.call('touches.list', { dealId: second.id })).length).toBe(1);
  expect(await world.call('touches.list', { prospectId: prospect.id })).toHaveLength(2);
});
