// Shared helpers of the interop tests: a real store in a temp folder, a fixed clock, the interop service over
// it (the same service dispatch calls), records to seed, and the fixtures.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInteropService } from '../../../src/main/core/interop/service';
import type { Clock } from '../../../src/main/core/ports';
import { createServiceContext, type ServiceContext } from '../../../src/main/core/services/context';
import { Store } from '../../../src/main/core/store/store';
import { builtInTemplates } from '../../../src/shared/domain/builtInTemplates';
import {
  dealSchema,
  meetingSchema,
  prospectSchema,
  settingsSchema,
  touchSchema,
  type Deal,
  type Meeting,
  type Prospect,
  type Touch,
} from '../../../src/shared/schema';

/** Monday 2 March 2026, 09:00 in Berlin. */
export const NOW = Date.parse('2026-03-02T08:00:00.000Z');
export const TZ = 'Europe/Berlin';

export const fixedClock = (ms = NOW): Clock => ({ now: () => ms, setTimeout: () => null, clearTimeout: () => undefined });

export function fixture(path: string): Promise<string> {
  return readFile(join(import.meta.dirname, '../../fixtures', path), 'utf8');
}

export interface Harness {
  dataDir: string;
  store: Store;
  ctx: ServiceContext;
  interop: ReturnType<typeof createInteropService>;
  close(): Promise<void>;
  /** The data files as they are on disk (to prove nothing changed). */
  files(): Promise<Record<string, string>>;
}

export async function openHarness(options: { timeZone?: string; clock?: Clock } = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'touchplan-interop-'));
  const clock = options.clock ?? fixedClock();
  const store = await Store.open({
    dataDir,
    clock,
    initial: () => ({ settings: settingsSchema.parse({ timeZone: options.timeZone ?? TZ }), templates: builtInTemplates() }),
  });
  const ctx = createServiceContext(store, clock);
  return {
    dataDir,
    store,
    ctx,
    interop: createInteropService(ctx),
    async close() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
    async files() {
      await store.flushed();
      const out: Record<string, string> = {};
      for (const name of (await readdir(dataDir)).sort()) if (name.endsWith('.json')) out[name] = await readFile(join(dataDir, name), 'utf8');
      return out;
    },
  };
}

const stamp = new Date(NOW - 86_400_000).toISOString();
const base = () => ({ id: randomUUID(), createdAt: stamp, updatedAt: stamp });

export function prospect(fields: Partial<Prospect> & { company: string }): Prospect {
  return prospectSchema.parse({ ...base(), ...fields });
}
export function deal(fields: Partial<Deal> & { prospectId: string; title: string }): Deal {
  return dealSchema.parse({ ...base(), ...fields });
}
export function meeting(fields: Partial<Meeting> & { title: string; start: string; end: string }): Meeting {
  return meetingSchema.parse({ dealId: null, ...base(), ...fields });
}
export function touch(fields: Partial<Touch> & Pick<Touch, 'prospectId' | 'due'>): Touch {
  return touchSchema.parse({ channel: 'email', action: 'recap', title: 'Recap and next steps', value: 'A written summary of the agreed next step', ...base(), ...fields });
}

export async function seed(store: Store, records: { prospects?: Prospect[]; deals?: Deal[]; meetings?: Meeting[]; touches?: Touch[] }) {
  await store.transact((tx) => {
    for (const p of records.prospects ?? []) tx.put('prospects', p);
    for (const d of records.deals ?? []) tx.put('deals', d);
    for (const m of records.meetings ?? []) tx.put('meetings', m);
    for (const t of records.touches ?? []) tx.put('touches', t);
  });
}
