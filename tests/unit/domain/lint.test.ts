import { describe, it, expect } from 'vitest';
import { ACTIONS, CHANNELS, DEAL_STAGES } from '../../../src/shared/schema';
import {
  ACTION_LABELS,
  CHANNEL_LABELS,
  MILESTONE_ACTIONS,
  STAGE_LABELS,
  lintTouchText,
} from '../../../src/shared/domain/lint';

describe('lintTouchText', () => {
  it.each([
    ['Just checking in', 'Just checking in'],
    ['Just check-in', 'Just check-in'],
    ['just... checking   in!', 'just... checking   in'],
    ['Quick check in about the PoC', 'check in'],
    ['checkin', 'checkin'],
    ['TOUCHING   BASE!!', 'TOUCHING   BASE'],
    ['Touch base with Anna', 'Touch base'],
    ['Hi Anna, wanted to touch base', 'wanted to touch base'],
    ['Following up to see if you had a chance to read it', 'Following up to see'],
    ['Just following up on my last email', 'Just following up'],
    ['I wanted to follow up on our call', 'wanted to follow up'],
    ['Any updates?', 'Any updates'],
    ['any update', 'any update'],
    ['Any update on the contract', 'Any update'],
    ['Circling back on this', 'Circling back'],
    ['Bumping this to the top of your inbox', 'Bumping this'],
  ])('warns about %j', (text, phrase) => {
    const warning = lintTouchText(text);
    expect(warning?.phrase).toBe(phrase);
    expect(warning?.message).toMatch(/no value/);
    expect(warning?.message).toMatch(/Guide, don't chase/);
    expect(warning?.suggestions).toEqual(MILESTONE_ACTIONS);
  });

  it.each([
    'Checkpoint review',
    'Send the recap and agreed next steps',
    'Check inventory figures with their ops lead',
    'Send any updates to the pricing sheet',
    'Touchpoint baseline report',
    'Database migration plan for the pilot',
    'Custom demo of the approval workflow',
    '',
  ])('does not warn about %j', (text) => {
    expect(lintTouchText(text)).toBeNull();
  });

  it('suggests only milestone actions', () => {
    const suggestions = lintTouchText('just checking in')!.suggestions;
    expect(suggestions).toContain('recap');
    expect(suggestions).toContain('business-justification');
    expect(suggestions).not.toContain('call');
    expect(suggestions).not.toContain('other');
  });
});

describe('labels', () => {
  it('label every action, channel and stage', () => {
    for (const a of ACTIONS) expect(ACTION_LABELS[a]).toBeTruthy();
    for (const c of CHANNELS) expect(CHANNEL_LABELS[c]).toBeTruthy();
    for (const s of DEAL_STAGES) expect(STAGE_LABELS[s]).toBeTruthy();
    expect(ACTION_LABELS['reference-meeting']).toBe('Reference-account meeting');
    expect(CHANNEL_LABELS.video).toBe('Video call');
  });
});
