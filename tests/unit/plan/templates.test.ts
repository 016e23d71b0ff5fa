import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GUIDED, IMMEDIATE, NURTURE, openWorld, type PlanWorld } from './helpers';

let world: PlanWorld;
beforeEach(async () => {
  world = await openWorld('2026-03-20T09:00:00.000Z');
});
afterEach(() => world.close());

const step = (offsetDays: number, title: string) => ({ offsetDays, channel: 'email' as const, action: 'deliver' as const, title, value: `Value of ${title}` });

describe('templates', () => {
  it('lists the three built-ins first, then the rep\'s own by name', async () => {
    await world.call('templates.create', { name: 'Zeta renewal', steps: [step(0, 'Recap')] });
    await world.call('templates.create', { name: 'Alpha pilot', steps: [step(1, 'Pilot plan')] });
    const list = await world.call('templates.list', {});
    expect(list.map((t) => t.name)).toEqual([IMMEDIATE.name, GUIDED.name, NURTURE.name, 'Alpha pilot', 'Zeta renewal']);
    expect(list.map((t) => t.builtIn)).toEqual([true, true, true, false, false]);
  });

  it('creates with step ids, edits and reorders steps, and keeps it after a restart', async () => {
    const created = await world.call('templates.create', {
      name: 'Pilot',
      description: 'Two steps',
      steps: [step(0, 'Recap'), { ...step(3, 'Demo'), time: '10:30', channel: 'video', action: 'custom-demo' }],
    });
    expect(created.steps.every((s) => /^[0-9a-f-]{36}$/.test(s.id))).toBe(true);
    const [a, b] = created.steps;
    const updated = await world.call('templates.update', { id: created.id, patch: { name: 'Pilot v2', steps: [b!, a!] } });
    expect(updated.steps.map((s) => s.title)).toEqual(['Demo', 'Recap']);
    expect(updated.steps[0]?.id).toBe(b?.id);
    expect(updated.description).toBe('Two steps');
    await world.restart();
    expect(await world.call('templates.get', { id: created.id })).toMatchObject({ name: 'Pilot v2', steps: [{ title: 'Demo', time: '10:30' }, { title: 'Recap' }] });
  });

  it('refuses to edit or delete a built-in with a clear conflict, and duplicates it', async () => {
    const edit = await world.fail('templates.update', { id: GUIDED.id, patch: { name: 'Mine' } });
    expect(edit).toEqual({ code: 'conflict', message: '"Guided decision" is a built-in template and cannot be edited. Duplicate it to make your own version.' });
    const del = await world.fail('templates.delete', { id: GUIDED.id });
    expect(del.code).toBe('conflict');
    expect(del.message).toContain('cannot be deleted');

    const copy = await world.call('templates.duplicate', { id: GUIDED.id });
    expect(copy).toMatchObject({ name: 'Guided decision (copy)', builtIn: false, description: GUIDED.description });
    expect(copy.steps.map((s) => s.offsetDays)).toEqual([0, 3, 8, 13, 18, 23]);
    expect(copy.steps.map((s) => s.id)).not.toContain(GUIDED.steps[0]?.id);
    await world.call('templates.update', { id: copy.id, patch: { steps: copy.steps.slice(0, 2) } });
    expect((await world.call('templates.get', { id: GUIDED.id })).steps).toHaveLength(6);
    await world.call('templates.delete', { id: copy.id });
    expect(await world.fail('templates.get', { id: copy.id })).toMatchObject({ code: 'not-found' });
  });

  it('rejects a template without steps or a step without value', async () => {
    expect((await world.fail('templates.create', { name: 'Empty', steps: [] })).message).toContain('at least one step');
    expect((await world.fail('templates.create', { name: 'X', steps: [{ ...step(0, 'A'), value: '  ' }] })).code).toBe('invalid-request');
  });
});
