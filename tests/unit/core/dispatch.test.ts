import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core';
import type { Prospect } from '../../../src/shared/schema';

let dataDir: string;
let core: Core;

async function snapshotFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(dataDir)) if (name.endsWith('.json')) files[name] = await readFile(join(dataDir, name), 'utf8');
  return files;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'touchplan-dispatch-'));
  core = await createCore({ dataDir, host: 'browser', version: 'test' });
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('creates, reads, lists and updates prospects through the real store', async () => {
    const created = await core.dispatch('prospects.create', { company: 'Northwind', contacts: [{ name: 'Ana', email: 'ana@northwind.example' }] });
    expect(created.ok).toBe(true);
    const prospect = (created as { value: Prospect }).value;
    expect(prospect.contacts[0]?.id).toMatch(/^[0-9a-f-]{36}$/);

    const updated = await core.dispatch('prospects.update', { id: prospect.id, patch: { website: 'https://northwind.example' } });
    expect(updated).toMatchObject({ ok: true, value: { company: 'Northwind', website: 'https://northwind.example' } });
    expect(await core.dispatch('prospects.list', { query: 'ana@' })).toMatchObject({ ok: true, value: [{ id: prospect.id }] });
    expect(await core.dispatch('prospects.list', { query: 'nobody' })).toEqual({ ok: true, value: [] });

    await core.close();
    core = await createCore({ dataDir, host: 'browser', version: 'test' });
    expect(await core.dispatch('prospects.get', { id: prospect.id })).toMatchObject({ ok: true, value: { website: 'https://northwind.example' } });
  });

  it('answers an unknown channel with a clear error', async () => {
    expect(await core.dispatch('prospects.destroyAll', {})).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'There is no channel "prospects.destroyAll".' },
    });
  });

  it('refuses in plain words, names each field, and echoes nothing long back', async () => {
    const holiday = await core.dispatch('settings.update', { patch: { nonWorkingDates: ['25/12/2026'] } });
    expect(holiday).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/^Holidays, item 1: /), fields: { 'patch.nonWorkingDates.0': expect.any(String) } },
    });
    const huge = 'x'.repeat(10_000_000);
    for (const [channel, payload] of [[huge, {}], ['settings.update', { patch: { timeZone: huge } }], ['prospects.create', { company: huge }]] as const) {
      const result = await core.dispatch(channel, payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message.length, channel.slice(0, 20)).toBeLessThan(300);
    }
    const limits = await core.dispatch('settings.update', { patch: { nonWorkingDates: Array.from({ length: 1_001 }, () => '2026-12-25') } });
    expect(limits).toMatchObject({ ok: false, error: { message: 'Holidays: At most 1000 holidays' } });
  });

  it('answers an invalid payload with what is wrong, and changes nothing', async () => {
    const before = await snapshotFiles();
    const result = await core.dispatch('prospects.create', { company: '   ', contacts: [{ name: 'X', email: 'nope' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toContain('Company is required');
    expect(result.error.message).toContain('valid email');
    expect(await snapshotFiles()).toEqual(before);
  });

  it('answers a missing record with not-found, and changes nothing', async () => {
    const before = await snapshotFiles();
    const id = '7b0c2a3e-1d2f-4a5b-8c6d-7e8f9a0b1c2d';
    expect(await core.dispatch('deals.create', { prospectId: id, title: 'Pilot' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: `Prospect ${id} does not exist.` },
    });
    expect(await core.dispatch('prospects.get', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await snapshotFiles()).toEqual(before);
  });

  it('validates settings as a whole: a working day that ends before it starts is refused', async () => {
    const result = await core.dispatch('settings.update', { patch: { workdayStart: '18:00', workdayEnd: '09:00' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { workdayStart: '09:00' } });
    expect(await core.dispatch('settings.update', { patch: { workingDays: [7, 1, 2, 3, 4] } })).toMatchObject({
      ok: true,
      value: { workingDays: [7, 1, 2, 3, 4], workdayStart: '09:00' },
    });
  });

  it('pushes a data.changed event after a change is durable', async () => {
    const events: unknown[] = [];
    core.onEvent((event, payload) => events.push({ event, payload }));
    await core.dispatch('prospects.create', { company: 'Globex' });
    expect(events).toContainEqual({ event: 'data.changed', payload: { collections: expect.arrayContaining(['prospects']) } });
  });
});

describe('patches', () => {
  it('leave the fields they do not name as they are (zod defaults must not reset them)', async () => {
    const created = await core.dispatch('prospects.create', { company: 'Initech', notes: 'Met at the fair', contacts: [{ name: 'Bill' }] });
    const { id } = (created as { value: Prospect }).value;
    expect(await core.dispatch('prospects.update', { id, patch: { company: 'Initech Ltd' } })).toMatchObject({
      ok: true,
      value: { company: 'Initech Ltd', notes: 'Met at the fair', contacts: [{ name: 'Bill' }] },
    });
    await core.dispatch('settings.update', { patch: { digestTime: '07:45', autoFirstTouch: false } });
    expect(await core.dispatch('settings.update', { patch: { meetingLeadMinutes: 5 } })).toMatchObject({
      ok: true,
      value: { digestTime: '07:45', autoFirstTouch: false, meetingLeadMinutes: 5 },
    });
  });
});
