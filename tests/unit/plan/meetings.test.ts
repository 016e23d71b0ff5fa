import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GUIDED, IMMEDIATE, openWorld, prospectAndDeal, type PlanWorld } from './helpers';
import type { Deal, Meeting, Prospect, Touch } from '../../../src/shared/schema';

let world: PlanWorld;
let deal: Deal;
let prospect: Prospect;
let meeting: Meeting;
const MEETING = { start: '2026-03-27T09:00:00.000Z', end: '2026-03-27T10:00:00.000Z' };

beforeEach(async () => {
  world = await openWorld('2026-03-20T09:00:00.000Z');
  ({ deal, prospect } = await prospectAndDeal(world));
  meeting = await world.call('meetings.create', {
    dealId: deal.id,
    title: 'Discovery call',
    ...MEETING,
    location: 'https://meet.example/abc',
    attendeeIds: [prospect.contacts[0]!.id],
    callPlan: { idealOutcome: 'A paid pilot', callToAction: 'Sign the pilot order' },
  });
});
afterEach(() => world.close());

describe('meetings', () => {
  it('creates with a call plan, updates part of it, lists with readiness', async () => {
    expect(meeting.callPlan).toMatchObject({ idealOutcome: 'A paid pilot', discoveryQuestions: [], carriedCommitments: [] });
    const updated = await world.call('meetings.update', {
      id: meeting.id,
      patch: { title: 'Discovery', callPlan: { discoveryQuestions: ['Who signs?', 'By when?'], objections: ['Too expensive'] } },
    });
    expect(updated.callPlan).toMatchObject({ idealOutcome: 'A paid pilot', discoveryQuestions: ['Who signs?', 'By when?'], objections: ['Too expensive'] });
    const list = await world.call('meetings.list', { dealId: deal.id });
    expect(list).toHaveLength(1);
    expect(list[0]?.readiness).toEqual({ ready: false, missing: ['Plan a first touch within one business day of the meeting'], stage: 'upcoming' });
    // One touch the next business day (Monday) makes it ready.
    await world.call('touches.create', {
      dealId: deal.id,
      meetingId: meeting.id,
      due: { allDay: true, date: '2026-03-30' },
      channel: 'email',
      action: 'recap',
      title: 'Recap',
      value: 'The agreed next steps in writing',
    });
    expect((await world.call('meetings.list', { from: '2026-03-27T00:00:00.000Z', to: '2026-03-28T00:00:00.000Z' }))[0]?.readiness.ready).toBe(true);
    expect(await world.call('meetings.list', { from: '2026-03-28T00:00:00.000Z' })).toEqual([]);
  });

  it('moving a meeting to another deal moves its sequence with it, and survives a restart', async () => {
    const touches = await world.call('sequences.apply', { meetingId: meeting.id, templateId: IMMEDIATE.id });
    expect(touches.length).toBeGreaterThan(0);
    const other = await prospectAndDeal(world, 'Quarry Foods');
    await world.call('meetings.update', { id: meeting.id, patch: { dealId: other.deal.id, attendeeIds: [] } });
    await world.restart();
    const moved = await world.call('touches.list', { meetingId: meeting.id });
    expect(moved.map((t) => [t.dealId, t.prospectId])).toEqual(touches.map(() => [other.deal.id, other.prospect.id]));
    expect((await world.call('touches.list', { dealId: deal.id })).filter((t) => t.meetingId === meeting.id)).toEqual([]);
  });

  it('normalizes an instant given with an offset to UTC, and refuses years no rep means', async () => {
    const created = await world.call('meetings.create', { dealId: deal.id, title: 'Offset', start: '2026-03-27T11:00:00+02:00', end: '2026-03-27T12:00:00+02:00' });
    expect([created.start, created.end]).toEqual(['2026-03-27T09:00:00.000Z', '2026-03-27T10:00:00.000Z']);
    for (const start of ['0000-01-01T00:30:00+01:00', '9999-12-31T23:00:00-02:00']) {
      const error = await world.fail('meetings.create', { dealId: deal.id, title: 'Edge', start, end: '2026-03-27T10:00:00.000Z' });
      expect(error).toMatchObject({ code: 'invalid-request', message: expect.stringContaining('The year must be between 1900 and 2199') });
    }
    // Every screen still answers.
    await world.call('today.view', {});
    await world.call('deals.timeline', { id: deal.id });
  });

  it('refuses an end before the start and attendees who are not contacts of the prospect', async () => {
    const base = { dealId: deal.id, title: 'Bad' };
    expect((await world.fail('meetings.create', { ...base, start: MEETING.end, end: MEETING.start })).message).toContain('end after it starts');
    const other = await prospectAndDeal(world, 'Quarry Foods');
    const error = await world.fail('meetings.create', { ...base, ...MEETING, attendeeIds: [other.prospect.contacts[0]!.id] });
    expect(error.message).toContain('contacts of Brightwater Logistics');
    expect((await world.fail('meetings.update', { id: meeting.id, patch: { end: '2026-03-27T08:00:00.000Z' } })).code).toBe('invalid-request');
  });

  it('deletes a meeting with its planned touches and keeps the finished ones in the deal history', async () => {
    const touches = await world.call('sequences.apply', { meetingId: meeting.id, templateId: IMMEDIATE.id });
    await world.edit((store) =>
      store.transact((tx) => tx.put('touches', { ...touches[0]!, status: 'done', completedAt: '2026-03-27T12:00:00.000Z' })),
    );
    await world.call('meetings.delete', { id: meeting.id });
    expect(await world.fail('meetings.get', { id: meeting.id })).toMatchObject({ code: 'not-found' });
    expect(await world.call('touches.list', { dealId: deal.id })).toMatchObject([{ id: touches[0]!.id, status: 'done', meetingId: null }]);
  });
});

describe('meetings.debrief', () => {
  it('records the debrief, turns our commitments into deliver touches and replaces exactly the remaining planned, unlocked touches', async () => {
    const guided = await world.call('sequences.apply', { meetingId: meeting.id, templateId: GUIDED.id });
    const [recap, demo, poc] = guided as [Touch, Touch, Touch];
    // Before the meeting: the recap was done, the proof of concept is locked, an extra touch is overdue.
    await world.edit((store) => store.transact((tx) => tx.put('touches', { ...recap, status: 'done', completedAt: '2026-03-27T11:00:00.000Z' })));
    await world.call('touches.setLocked', { id: poc.id, locked: true });
    const overdue = await world.call('touches.create', {
      dealId: deal.id,
      meetingId: meeting.id,
      due: { allDay: true, date: '2026-03-26' },
      channel: 'phone',
      action: 'call',
      title: 'Confirm the agenda',
      value: 'An agenda that covers their questions',
    });
    // Another meeting's touch must not move.
    const other = await world.call('meetings.create', { dealId: deal.id, title: 'Follow-up', start: '2026-04-10T09:00:00.000Z', end: '2026-04-10T10:00:00.000Z' });
    const otherTouches = await world.call('sequences.apply', { meetingId: other.id, templateId: IMMEDIATE.id });

    world.clock.set('2026-03-27T15:00:00.000Z'); // Friday afternoon, after the meeting
    const result = await world.call('meetings.debrief', {
      id: meeting.id,
      outcome: 'none',
      ourCommitments: [{ text: 'Send the security whitepaper', due: '2026-03-31' }, { text: 'Share pricing' }],
      theirCommitments: [{ text: 'Send the fleet size per depot', due: '2026-04-02' }],
      notes: 'They are not ready for a pilot.',
      adapt: { mode: 'replace', templateId: IMMEDIATE.id },
    });
    expect(result.meeting.debrief).toMatchObject({ outcome: 'none', notes: 'They are not ready for a pilot.', recordedAt: '2026-03-27T15:00:00.000Z' });
    const replacedIds = guided.slice(3).map((t) => t.id).concat(demo.id);
    expect(result.removed.sort()).toEqual(replacedIds.sort());
    expect(result.created.map((t) => [t.action, t.title, t.due])).toEqual([
      ['deliver', 'Deliver: Send the security whitepaper', { allDay: true, date: '2026-03-31' }],
      ['deliver', 'Deliver: Share pricing', { allDay: true, date: '2026-03-30' }], // one business day after the debrief
      ['recap', IMMEDIATE.steps[0]!.title, { allDay: true, date: '2026-03-27' }],
      // The template's generic deliver step is left out: our commitments have their own.
      ['business-justification', IMMEDIATE.steps[2]!.title, { allDay: false, at: '2026-04-03T09:00:00.000Z' }],
    ]);
    expect(IMMEDIATE.steps[1]!.action).toBe('deliver');

    await world.restart();
    const after = await world.call('touches.list', { meetingId: meeting.id });
    expect(after.map((t) => t.id).sort()).toEqual([recap.id, poc.id, overdue.id, ...result.created.map((t) => t.id)].sort());
    expect(await world.call('touches.list', { meetingId: other.id })).toEqual(otherTouches);
    // Their commitments are carried into the next call plan and shown as open on the deal.
    const next = await world.call('meetings.create', { dealId: deal.id, title: 'Pilot scoping', start: '2026-04-14T09:00:00.000Z', end: '2026-04-14T10:00:00.000Z' });
    expect(next.callPlan.carriedCommitments).toEqual(['Send the fleet size per depot (due 2026-04-02)']);
    expect((await world.call('meetings.get', { id: next.id })).carriedCommitments).toMatchObject([{ text: 'Send the fleet size per depot', meetingId: meeting.id }]);
    expect((await world.call('deals.timeline', { id: deal.id })).openCommitments).toMatchObject([{ text: 'Send the fleet size per depot', due: '2026-04-02' }]);
  });

  it('keeps the sequence with adapt keep, and changes nothing when the template is unknown', async () => {
    const guided = await world.call('sequences.apply', { meetingId: meeting.id, templateId: GUIDED.id });
    const before = await world.call('meetings.get', { id: meeting.id });
    const error = await world.fail('meetings.debrief', {
      id: meeting.id,
      outcome: 'fallback',
      ourCommitments: [{ text: 'Send the deck', due: '2026-03-30' }],
      adapt: { mode: 'replace', templateId: '7b0c2a3e-1d2f-4a5b-8c6d-7e8f9a0b1c2d' },
    });
    expect(error.code).toBe('not-found');
    expect(await world.call('meetings.get', { id: meeting.id })).toEqual(before);

    const kept = await world.call('meetings.debrief', { id: meeting.id, outcome: 'ideal', adapt: { mode: 'keep' } });
    expect(kept).toMatchObject({ created: [], removed: [], meeting: { debrief: { outcome: 'ideal' } } });
    expect((await world.call('touches.list', { meetingId: meeting.id })).map((t) => t.id)).toEqual(guided.map((t) => t.id));
  });
});

describe('meetings.brief', () => {
  it('renders a self-contained one-page brief with the call plan and the dated sequence', async () => {
    await world.call('meetings.update', {
      id: meeting.id,
      patch: { callPlan: { fallbackOutcome: 'A data-sharing call <b>next week</b>', discoveryQuestions: ['Who signs?'], objections: ['Too expensive'] } },
    });
    await world.call('sequences.apply', { meetingId: meeting.id, templateId: GUIDED.id });
    const { html, fileName } = await world.call('meetings.brief', { id: meeting.id });
    expect(fileName).toBe('brief-2026-03-27-brightwater-logistics-discovery-call.html');
    expect(html).toMatch(/^<!doctype html>/);
    for (const text of ['Discovery call', 'Brightwater Logistics', 'A paid pilot', 'Sign the pilot order', 'Who signs?', 'Too expensive', 'Lena Fischer', 'Custom demo on their own use case', 'Wed 1 Apr 2026 10:00', 'Ready:', '@media print']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('A data-sharing call &lt;b&gt;next week&lt;/b&gt;');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });
});
