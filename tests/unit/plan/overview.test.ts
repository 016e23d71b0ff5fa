import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GUIDED, openWorld, prospectAndDeal, type PlanWorld } from './helpers';

let world: PlanWorld;
beforeEach(async () => {
  world = await openWorld('2026-03-20T09:00:00.000Z');
});
afterEach(() => world.close());

const touch = (dealId: string, date: string, title: string, meetingId?: string) => ({
  dealId,
  meetingId,
  due: { allDay: true as const, date },
  channel: 'email' as const,
  action: 'deliver' as const,
  title,
  value: 'Something they asked for',
});

describe('deals.overview', () => {
  it('gives every active deal its next touch, drift and next meeting with readiness', async () => {
    const a = await prospectAndDeal(world, 'Alpha Foods');
    const b = await prospectAndDeal(world, 'Beta Energy');
    const c = await prospectAndDeal(world, 'Gamma Labs');
    // A: a next touch and a meeting next week with a plan -> not drifting.
    await world.call('touches.create', touch(a.deal.id, '2026-03-25', 'Send the ROI model'));
    await world.call('touches.create', touch(a.deal.id, '2026-03-23', 'Send the case study'));
    const meetingA = await world.call('meetings.create', {
      dealId: a.deal.id,
      title: 'Demo',
      start: '2026-03-26T09:00:00.000Z',
      end: '2026-03-26T10:00:00.000Z',
      callPlan: { idealOutcome: 'Pilot', callToAction: 'Sign' },
    });
    await world.call('sequences.apply', { meetingId: meetingA.id, templateId: GUIDED.id });
    // B: only an overdue touch -> no next touch.
    await world.call('touches.create', touch(b.deal.id, '2026-03-18', 'Old touch'));
    // C: a meeting two days ago and nobody followed up -> late first touch.
    await world.call('meetings.create', { dealId: c.deal.id, title: 'Intro call', start: '2026-03-17T09:00:00.000Z', end: '2026-03-17T10:00:00.000Z' });
    // A won deal is left out.
    const won = await prospectAndDeal(world, 'Delta Retail');
    await world.call('deals.setStage', { id: won.deal.id, stage: 'won' });

    const rows = await world.call('deals.overview', {});
    expect(rows.map((r) => [r.prospect.company, r.drift?.reason ?? null])).toEqual([
      ['Beta Energy', 'no-next-touch'],
      ['Gamma Labs', 'late-first-touch'],
      ['Alpha Foods', null],
    ]);
    const alpha = rows[2]!;
    expect(alpha.nextTouch?.title).toBe('Send the case study');
    expect(alpha.nextMeeting).toMatchObject({ id: meetingA.id, title: 'Demo', readiness: { ready: true, missing: [] } });
    expect(rows[0]?.nextTouch?.title).toBe('Old touch'); // overdue, still the next thing to do
    expect(rows[1]?.drift?.message).toContain('Intro call');
    expect(rows[1]?.nextMeeting).toBeNull();
    expect((await world.call('deals.overview', { includeClosed: true })).map((r) => r.prospect.company)).toContain('Delta Retail');
    // A deal's timeline carries the same drift.
    expect((await world.call('deals.timeline', { id: b.deal.id })).drift?.reason).toBe('no-next-touch');
    expect((await world.call('deals.timeline', { id: c.deal.id })).drift?.reason).toBe('late-first-touch');
    expect((await world.call('deals.timeline', { id: a.deal.id })).drift).toBeNull();
  });

  it('lets the search find a deal by a contact’s name or email, whatever the case', async () => {
    const { deal } = await prospectAndDeal(world, 'Brightwater Logistics');
    const quarry = await world.call('prospects.create', { company: 'Quarry Foods', contacts: [{ name: 'Priya Nair', email: 'priya.nair@quarry.example' }] });
    const quarryDeal = await world.call('deals.create', { prospectId: quarry.id, title: 'Cold chain pilot' });
    const rows = await world.call('deals.overview', {});
    const find = (needle: string) => rows.filter((r) => r.matchText.includes(needle.toLowerCase())).map((r) => r.deal.id);
    expect(find('PRIYA.NAIR@quarry')).toEqual([quarryDeal.id]);
    expect(find('priya nair')).toEqual([quarryDeal.id]);
    expect(find('Tom Berg')).toEqual([deal.id]);
    expect(find('brightwater logistics')).toEqual([deal.id]);
    expect(find('nobody@nowhere')).toEqual([]);
  });
});

describe('deals.timeline', () => {
  it('lists meetings, touches and debriefs newest first', async () => {
    const { deal } = await prospectAndDeal(world);
    const m = await world.call('meetings.create', { dealId: deal.id, title: 'Intro', start: '2026-03-23T09:00:00.000Z', end: '2026-03-23T10:00:00.000Z' });
    await world.call('touches.create', touch(deal.id, '2026-03-24', 'Recap', m.id));
    await world.call('touches.create', touch(deal.id, '2026-03-21', 'Prep'));
    world.clock.set('2026-03-23T12:00:00.000Z');
    await world.call('meetings.debrief', { id: m.id, outcome: 'fallback', theirCommitments: [{ text: 'Send their data' }] });
    const timeline = await world.call('deals.timeline', { id: deal.id });
    expect(timeline.prospect.company).toBe('Brightwater Logistics');
    expect(timeline.items.map((i) => (i.kind === 'touch' ? `touch:${i.touch.title}` : i.kind === 'meeting' ? `meeting:${i.meeting.title}` : `debrief:${i.meetingTitle}`))).toEqual([
      'touch:Recap',
      'debrief:Intro',
      'meeting:Intro',
      'touch:Prep',
    ]);
    const meetingItem = timeline.items.find((i) => i.kind === 'meeting');
    expect(meetingItem?.kind === 'meeting' && meetingItem.meeting.readiness.missing).toContain('Write the ideal outcome');
    expect(timeline.openCommitments).toMatchObject([{ text: 'Send their data', due: null, meetingTitle: 'Intro' }]);
  });
});
