import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GUIDED, openWorld, prospectAndDeal, type PlanWorld } from './helpers';
import type { Deal, Meeting } from '../../../src/shared/schema';

let world: PlanWorld;
let deal: Deal;
let meeting: Meeting;

// Friday 27 March 2026, 10:00 in Berlin (CET, +01:00); Europe moves to summer time on Sunday 29 March.
const MEETING = { start: '2026-03-27T09:00:00.000Z', end: '2026-03-27T10:00:00.000Z' };

beforeEach(async () => {
  world = await openWorld('2026-03-20T09:00:00.000Z');
  ({ deal } = await prospectAndDeal(world));
  meeting = await world.call('meetings.create', { dealId: deal.id, title: 'Discovery call', ...MEETING });
});
afterEach(() => world.close());

describe('sequences.preview', () => {
  it('plans Guided decision in business days after the meeting, keeping wall-clock times across the DST change', async () => {
    const preview = await world.call('sequences.preview', { meetingId: meeting.id, templateId: GUIDED.id });
    expect(preview.anchorDate).toBe('2026-03-27');
    expect(preview.drafts.map((d) => d.due)).toEqual([
      { allDay: true, date: '2026-03-27' },
      { allDay: false, at: '2026-04-01T08:00:00.000Z' }, // Wed 1 Apr 10:00 CEST: 3 business days
      { allDay: false, at: '2026-04-08T12:00:00.000Z' }, // Wed 8 Apr 14:00
      { allDay: false, at: '2026-04-15T09:00:00.000Z' }, // Wed 15 Apr 11:00
      { allDay: false, at: '2026-04-22T08:00:00.000Z' }, // Wed 22 Apr 10:00
      { allDay: false, at: '2026-04-29T08:00:00.000Z' }, // Wed 29 Apr 10:00
    ]);
    expect(preview.drafts.map((d) => d.action)).toEqual([
      'recap',
      'custom-demo',
      'proof-of-concept',
      'reference-meeting',
      'business-justification',
      'executive-visit',
    ]);
    expect(preview.drafts.every((d) => d.warning === null)).toBe(true);
    // A preview saves nothing.
    expect(await world.call('touches.list', { meetingId: meeting.id })).toEqual([]);
  });

  it('skips non-working dates and follows a Sunday–Thursday week', async () => {
    await world.call('settings.update', { patch: { workingDays: [7, 1, 2, 3, 4], nonWorkingDates: ['2026-03-30'] } });
    const preview = await world.call('sequences.preview', {
      meetingId: meeting.id,
      steps: [
        { offsetDays: 0, channel: 'email', action: 'recap', title: 'Recap', value: 'The agreed next steps in writing' },
        { offsetDays: 2, time: '20:00', channel: 'phone', action: 'call', title: 'Call', value: 'Answers on pricing' },
      ],
    });
    // The meeting is on a Friday, not a working day here: offsets count from Sunday 29 March;
    // Monday 30 is a non-working date, so +2 is Wednesday 1 April; 20:00 is after hours -> 17:00.
    expect(preview.anchorDate).toBe('2026-03-29');
    expect(preview.drafts.map((d) => d.due)).toEqual([
      { allDay: true, date: '2026-03-29' },
      { allDay: false, at: '2026-04-01T15:00:00.000Z' },
    ]);
  });

  it('warns on chase phrases in a title or value, and still lets them through', async () => {
    const steps = [
      { offsetDays: 1, channel: 'email' as const, action: 'other' as const, title: 'Follow up', value: 'Just checking in' },
      { offsetDays: 2, channel: 'email' as const, action: 'other' as const, title: 'Touching base', value: 'Their ROI model' },
      { offsetDays: 3, channel: 'email' as const, action: 'deliver' as const, title: 'Send the ROI model', value: 'Their numbers' },
    ];
    const preview = await world.call('sequences.preview', { meetingId: meeting.id, steps });
    expect(preview.drafts.map((d) => d.warning?.phrase ?? null)).toEqual(['Just checking in', 'Touching base', null]);
    expect(preview.drafts[0]?.warning?.suggestions).toContain('custom-demo');
    const applied = await world.call('sequences.apply', { meetingId: meeting.id, steps });
    expect(applied).toHaveLength(3);
  });

  it('refuses a request with both a template and steps, or neither', async () => {
    expect(await world.fail('sequences.preview', { meetingId: meeting.id })).toMatchObject({ code: 'invalid-request' });
    const both = await world.fail('sequences.preview', {
      meetingId: meeting.id,
      templateId: GUIDED.id,
      steps: [{ offsetDays: 0, channel: 'email', action: 'recap', title: 'R', value: 'V' }],
    });
    expect(both.message).toContain('either a templateId or steps');
  });
});

describe('sequences.apply', () => {
  it('stores the six touches in one transaction, makes the meeting ready, and survives a restart', async () => {
    let detail = await world.call('meetings.get', { id: meeting.id });
    expect(detail.readiness).toEqual({
      ready: false,
      missing: [
        'Write the ideal outcome',
        'Write the call to action',
        'Plan a first touch within one business day of the meeting',
      ],
      stage: 'upcoming',
    });
    await world.call('meetings.update', {
      id: meeting.id,
      patch: { callPlan: { idealOutcome: 'A paid pilot in two depots', callToAction: 'Sign the pilot order by Friday' } },
    });
    const touches = await world.call('sequences.apply', { meetingId: meeting.id, templateId: GUIDED.id });
    expect(touches).toHaveLength(6);
    expect(touches.every((t) => t.dealId === deal.id && t.prospectId === deal.prospectId && t.meetingId === meeting.id)).toBe(true);

    await world.restart();
    detail = await world.call('meetings.get', { id: meeting.id });
    expect(detail.readiness).toEqual({ ready: true, missing: [], stage: 'upcoming' });
    expect(detail.touches.map((t) => t.title)).toEqual(GUIDED.steps.map((s) => s.title));
    expect(detail.touches[1]?.due).toEqual({ allDay: false, at: '2026-04-01T08:00:00.000Z' });
  });

  it('with replace, swaps the remaining planned, unlocked touches and keeps locked ones', async () => {
    const first = await world.call('sequences.apply', { meetingId: meeting.id, templateId: GUIDED.id });
    await world.call('touches.setLocked', { id: first[2]!.id, locked: true });
    const second = await world.call('sequences.apply', { meetingId: meeting.id, templateId: GUIDED.id, replace: true });
    const now = await world.call('touches.list', { meetingId: meeting.id });
    expect(now.map((t) => t.id).sort()).toEqual([first[2]!.id, ...second.map((t) => t.id)].sort());
  });

  it('refuses an unknown template and changes nothing', async () => {
    const error = await world.fail('sequences.apply', { meetingId: meeting.id, templateId: '7b0c2a3e-1d2f-4a5b-8c6d-7e8f9a0b1c2d' });
    expect(error.code).toBe('not-found');
    expect(await world.call('touches.list', { meetingId: meeting.id })).toEqual([]);
  });
});
