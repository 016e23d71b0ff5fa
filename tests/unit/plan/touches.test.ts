import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorld, prospectAndDeal, type PlanWorld } from './helpers';
import type { Deal } from '../../../src/shared/schema';

let world: PlanWorld;
let deal: Deal;
beforeEach(async () => {
  world = await openWorld('2026-03-20T09:00:00.000Z');
  ({ deal } = await prospectAndDeal(world));
});
afterEach(() => world.close());

const input = (dealId: string, date: string, title = 'Send the ROI model') => ({
  dealId,
  due: { allDay: true as const, date },
  channel: 'email' as const,
  action: 'deliver' as const,
  title,
  value: 'Their own numbers in the model',
});

describe('touches', () => {
  it('derives the prospect from the deal, lists by due and edits, locks and deletes', async () => {
    const late = await world.call('touches.create', input(deal.id, '2026-03-30', 'Later'));
    const early = await world.call('touches.create', { ...input(deal.id, '2026-03-24', 'Earlier'), locked: true });
    expect(early).toMatchObject({ prospectId: deal.prospectId, dealId: deal.id, meetingId: null, status: 'planned', locked: true });
    expect((await world.call('touches.list', { dealId: deal.id })).map((t) => t.title)).toEqual(['Earlier', 'Later']);

    const moved = await world.call('touches.update', { id: late.id, patch: { due: { allDay: false, at: '2026-03-23T08:00:00.000Z' }, value: 'A pilot plan' } });
    expect(moved).toMatchObject({ title: 'Later', value: 'A pilot plan', due: { allDay: false, at: '2026-03-23T08:00:00.000Z' } });
    expect((await world.call('touches.list', { prospectId: deal.prospectId })).map((t) => t.title)).toEqual(['Later', 'Earlier']);

    expect(await world.call('touches.setLocked', { id: early.id, locked: false })).toMatchObject({ locked: false });
    await world.call('touches.delete', { id: early.id });
    await world.restart();
    expect(await world.call('touches.list', { dealId: deal.id })).toEqual([moved]);
  });

  it('requires a value, and refuses a prospect or meeting that does not belong to the deal', async () => {
    expect((await world.fail('touches.create', { ...input(deal.id, '2026-03-24'), value: ' ' })).message).toContain('Value is required');
    const other = await prospectAndDeal(world, 'Quarry Foods');
    expect((await world.fail('touches.create', { ...input(deal.id, '2026-03-24'), prospectId: other.prospect.id })).code).toBe('invalid-request');
    const meeting = await world.call('meetings.create', {
      dealId: other.deal.id,
      title: 'Intro',
      start: '2026-03-24T09:00:00.000Z',
      end: '2026-03-24T10:00:00.000Z',
    });
    const error = await world.fail('touches.create', { ...input(deal.id, '2026-03-24'), meetingId: meeting.id });
    expect(error.message).toContain('belongs to another deal');
    expect(await world.call('touches.list', { dealId: deal.id })).toEqual([]);
  });
});
