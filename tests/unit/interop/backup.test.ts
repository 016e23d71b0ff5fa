import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core';
import { deal, fixedClock, meeting, openHarness, prospect, seed, touch, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

async function seedSome() {
  const northwind = prospect({ company: 'Northwind Traders' });
  const rollout = deal({ prospectId: northwind.id, title: 'Fleet tracking rollout' });
  const kickoff = meeting({ dealId: rollout.id, title: 'Kick-off', start: '2026-03-04T13:00:00.000Z', end: '2026-03-04T14:00:00.000Z' });
  const recap = touch({ prospectId: northwind.id, dealId: rollout.id, meetingId: kickoff.id, due: { allDay: true, date: '2026-03-05' } });
  await seed(h.store, { prospects: [northwind], deals: [rollout], meetings: [kickoff], touches: [recap] });
  return { northwind, rollout, kickoff, recap };
}

describe('full backup and restore', () => {
  it('exports the whole dataset as versioned JSON and restores it, replacing what is there', async () => {
    const s = await seedSome();
    const exported = h.interop.backupExport();
    expect(exported.fileName).toBe('touchplan-backup-2026-03-02-08-00.json');
    expect(exported.counts).toMatchObject({ prospects: 1, deals: 1, meetings: 1, touches: 1 });
    const json = JSON.parse(exported.text);
    expect(json).toMatchObject({ format: 'touchplan-backup', formatVersion: 1, data: { schemaVersion: 1 } });

    // Change things after the export: a new prospect, an edited deal, a removed touch.
    const extra = prospect({ company: 'Contoso Pharma' });
    await seed(h.store, { prospects: [extra], deals: [{ ...s.rollout, title: 'Renamed' }] });
    await h.store.transact((tx) => tx.remove('touches', s.recap.id));
    await h.store.transact((tx) => tx.setSettings({ ...h.store.state.settings, workdayStart: '07:00' }));

    const result = await h.interop.backupRestore({ text: exported.text });
    expect(result.counts).toEqual(exported.counts);
    expect(result.backupName).toMatch(/before-import/);
    expect(h.store.state.prospects.has(extra.id)).toBe(false);
    expect(h.store.state.deals.get(s.rollout.id)?.title).toBe('Fleet tracking rollout');
    expect(h.store.state.touches.get(s.recap.id)).toEqual(s.recap);
    expect(h.store.state.settings.workdayStart).toBe('09:00');

    // The data as it was just before the restore is in the store's backups.
    const backups = await h.store.listBackups();
    expect(backups.find((b) => b.name === result.backupName)?.label).toBe('before-import');
  });

  it('validates first: a damaged, foreign or inconsistent file changes nothing', async () => {
    await seedSome();
    const good = JSON.parse(h.interop.backupExport().text);
    const before = await h.files();
    const backupsBefore = (await h.store.listBackups()).length;

    await expect(h.interop.backupRestore({ text: '{"format":"touchplan-backup", "data": [' })).rejects.toThrow(/not valid JSON.*Nothing was changed/);
    await expect(h.interop.backupRestore({ text: '{"hello":"world"}' })).rejects.toThrow(/not a Touchplan backup/);
    const badValue = structuredClone(good);
    badValue.data.touches[0].value = '';
    await expect(h.interop.backupRestore({ text: JSON.stringify(badValue) })).rejects.toThrow(/data\.touches\.0\.value: Value is required/);
    const dangling = structuredClone(good);
    dangling.data.prospects = [];
    await expect(h.interop.backupRestore({ text: JSON.stringify(dangling) })).rejects.toThrow(/belongs to a prospect not in the file/);
    const future = structuredClone(good);
    future.data.schemaVersion = 99;
    await expect(h.interop.backupRestore({ text: JSON.stringify(future) })).rejects.toThrow(/newer version/);

    expect(await h.files()).toEqual(before);
    expect((await h.store.listBackups()).length).toBe(backupsBefore);
  });
});

describe('interop through dispatch', () => {
  let core: Core;
  afterEach(async () => {
    await core?.close();
  });

  it('answers a broken calendar file with a clear invalid-request error', async () => {
    await h.store.close();
    core = await createCore({ dataDir: h.dataDir, host: 'browser', version: 'test', clock: fixedClock() });
    const result = await core.dispatch('interop.ics.preview', { text: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/incomplete .*Nothing was imported/) },
    });
    const csv = await core.dispatch('interop.csv.preview', { text: 'Company Name,Email\nAcme,a@acme.example\n' });
    expect(csv).toMatchObject({ ok: true, value: { rowCount: 1, suggestedMapping: { company: 'Company Name', email: 'Email' } } });
  });
});
