// Stored records always pass their schema: the fast checker only vouches for what zod returns unchanged,
// the demo/bench generator makes schema-valid records, and a put of an invalid record changes nothing.
import { afterAll, expect, test } from 'vitest';
import { generateDataset, TEN_YEAR_CAREER } from '../../../src/main/core/demo/generateDataset';
import { compileChecker, isUuid, ZOD_UUID_SOURCE } from '../../../src/main/core/store/recordCheck';
import { recordSchemas, type CollectionName } from '../../../src/shared/schema';
import { openStore, prospect, removeTempFolders, T0, tempFolder, touch } from './helpers';

afterAll(removeTempFolders);
const data = generateDataset(TEN_YEAR_CAREER, T0, 42);
const COLLECTIONS = ['prospects', 'deals', 'meetings', 'touches'] as const;

test('the ten-year generator makes schema-valid records, and few planned touches in the past', () => {
  for (const collection of COLLECTIONS) {
    for (const record of data[collection]) expect(recordSchemas[collection].safeParse(record).success).toBe(true);
  }
  const due = (t: (typeof data.touches)[number]) => Date.parse(t.due.allDay ? t.due.date : t.due.at);
  const plannedPast = data.touches.filter((t) => t.status === 'planned' && due(t) < T0 - 86_400_000);
  expect(plannedPast.length).toBeLessThan(200);
});

/** Small random edits of a valid record: wrong types, missing and extra keys, padded strings, bad formats. */
function mutate(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.length && random() < 0.5 ? value.map((v) => (random() < 0.3 ? mutate(v, random) : v)) : [...value, 'x'];
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key = keys[Math.floor(random() * keys.length)] as string;
    const pick = random();
    if (pick < 0.15) delete copy[key];
    else if (pick < 0.25) copy.extra = 1;
    else copy[key] = mutate(copy[key], random);
    return copy;
  }
  const choices: unknown[] = [null, undefined, 42, -1, 1.5, '', ' padded ', 'x'.repeat(2_001), true, '2026-02-30', '2026-11-22T10:00:00Z', 'not-a-uuid', '00000000-0000-0000-0000-000000000000'];
  if (typeof value === 'string') choices.push(`${value} `, value.toUpperCase(), value.slice(1));
  return choices[Math.floor(random() * choices.length)];
}

test('the fast checker never vouches for a value zod would reject or change', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  let vouched = 0;
  for (const collection of COLLECTIONS as readonly CollectionName[]) {
    const check = compileChecker(recordSchemas[collection]);
    expect(check).not.toBeNull();
    const samples = (data[collection as (typeof COLLECTIONS)[number]] as unknown[]).slice(0, 300);
    for (const sample of samples) {
      expect(check?.(sample)).toBe(true);
      for (let i = 0; i < 20; i++) {
        const mutated = mutate(sample, random);
        if (!check?.(mutated)) continue;
        vouched += 1;
        const parsed = recordSchemas[collection].safeParse(mutated);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(mutated);
      }
    }
  }
  expect(vouched).toBeGreaterThan(0);
});

test('isUuid accepts exactly what zod’s uuid pattern accepts', () => {
  const pattern = new RegExp(ZOD_UUID_SOURCE);
  const base = data.prospects[0]?.id as string;
  const cases = [base, base.toUpperCase(), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '', base.slice(1)];
  for (let i = 0; i < 36; i++) for (const c of ['0', '9', 'g', '-', 'A', 'F', '8', 'c', 'é']) cases.push(base.slice(0, i) + c + base.slice(i + 1));
  for (const value of cases) expect(isUuid(value), value).toBe(pattern.test(value));
});

test('a put of a record that fails its schema throws and changes nothing', async () => {
  const store = await openStore(await tempFolder());
  const good = prospect('Fine Co');
  await expect(store.transact((tx) => {
    tx.put('prospects', good);
    tx.put('touches', { ...touch(), value: '' });
  })).rejects.toThrow(/Value is required/);
  expect(store.state.prospects.size).toBe(0);
  await store.transact((tx) => tx.put('prospects', { ...good, company: '  Padded Co  ' }));
  expect(store.state.prospects.get(good.id)?.company).toBe('Padded Co'); // stored as zod's canonical output
  await store.close();
});
