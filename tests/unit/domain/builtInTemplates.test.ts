import { describe, it, expect } from 'vitest';
import { templateSchema } from '../../../src/shared/schema';
import { BUILT_IN_TEMPLATE_IDS, builtInTemplates } from '../../../src/shared/domain/builtInTemplates';
import { lintTouchText } from '../../../src/shared/domain/lint';
import { planSequence } from '../../../src/shared/domain/sequence';
import { settings } from './fixtures';

describe('builtInTemplates', () => {
  it('are three valid built-in templates with fixed ids', () => {
    const templates = builtInTemplates();
    expect(templates.map((t) => t.name)).toEqual(['Immediate follow-up', 'Guided decision', 'Long-cycle nurture']);
    expect(templates.map((t) => t.id)).toEqual(Object.values(BUILT_IN_TEMPLATE_IDS));
    for (const t of templates) {
      expect(templateSchema.parse(t)).toEqual(t);
      expect(t.builtIn).toBe(true);
    }
    expect(builtInTemplates()).toEqual(templates);
    const ids = templates.flatMap((t) => [t.id, ...t.steps.map((s) => s.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('have the cadence of the method', () => {
    const [immediate, guided, nurture] = builtInTemplates();
    expect(immediate!.steps.map((s) => [s.offsetDays, s.action])).toEqual([
      [0, 'recap'],
      [2, 'deliver'],
      [5, 'business-justification'],
    ]);
    expect(guided!.steps.map((s) => [s.offsetDays, s.action])).toEqual([
      [0, 'recap'],
      [3, 'custom-demo'],
      [8, 'proof-of-concept'],
      [13, 'reference-meeting'],
      [18, 'business-justification'],
      [23, 'executive-visit'],
    ]);
    expect(nurture!.steps.map((s) => [s.offsetDays, s.action])).toEqual([
      [0, 'recap'],
      [10, 'joint-content'],
      [30, 'peer-meeting'],
      [55, 'reference-meeting'],
      [85, 'executive-visit'],
    ]);
  });

  it('say what the prospect gets, never chase', () => {
    for (const t of builtInTemplates()) {
      for (const s of t.steps) {
        expect(s.value.length).toBeGreaterThan(20);
        expect(lintTouchText(s.title)).toBeNull();
        expect(lintTouchText(s.value)).toBeNull();
      }
    }
  });

  it('are fresh copies', () => {
    const first = builtInTemplates();
    first[0]!.steps[0]!.title = 'Changed';
    expect(builtInTemplates()[0]!.steps[0]!.title).toBe('Send the recap and agreed next steps');
  });

  it('plan a Guided decision sequence from a Monday meeting', () => {
    const guided = builtInTemplates()[1]!;
    const drafts = planSequence(guided.steps, { meetingStart: '2026-03-02T10:00:00Z' }, settings());
    expect(drafts.map((d) => (d.due.allDay ? d.due.date : d.due.at))).toEqual([
      '2026-03-02',
      '2026-03-05T10:00:00.000Z',
      '2026-03-12T14:00:00.000Z',
      '2026-03-19T11:00:00.000Z',
      '2026-03-26T10:00:00.000Z',
      '2026-04-02T10:00:00.000Z',
    ]);
  });
});
