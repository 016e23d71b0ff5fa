// A real core on a temp data folder with a hand-set clock, and shortcuts for the planning tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src/main/core';
import type { Clock } from '../../../src/main/core/ports';
import { Store } from '../../../src/main/core/store/store';
import { builtInTemplates } from '../../../src/shared/domain/builtInTemplates';
import type { Channel, RequestOf, ResponseOf } from '../../../src/shared/api';
import { settingsSchema, type Deal, type Prospect } from '../../../src/shared/schema';

export interface PlanWorld {
  core: Core;
  dataDir: string;
  clock: Clock & { set(iso: string): void };
  /** Calls a channel and returns its value, failing the test with the host's message otherwise. */
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Calls a channel expecting a failure; returns the error. */
  fail(channel: Channel, request: unknown): Promise<{ code: string; message: string }>;
  /** Closes the core, reopens it on the same folder (a restart). */
  restart(): Promise<void>;
  /** Writes records straight into the store (for states no channel of this area makes, e.g. a done touch). */
  edit(fn: (store: Store) => Promise<unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function openWorld(nowIso: string, timeZone = 'Europe/Berlin'): Promise<PlanWorld> {
  const dataDir = await mkdtemp(join(tmpdir(), 'touchplan-plan-'));
  let now = Date.parse(nowIso);
  const clock = {
    now: () => now,
    setTimeout: () => null,
    clearTimeout: () => undefined,
    set: (iso: string) => {
      now = Date.parse(iso);
    },
  };
  const open = () => createCore({ dataDir, host: 'browser', version: 'test', clock });
  const world: PlanWorld = {
    core: await open(),
    dataDir,
    clock,
    async call(channel, request) {
      const result = await world.core.dispatch(channel, request);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    async fail(channel, request) {
      const result = await world.core.dispatch(channel, request);
      if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`);
      return result.error;
    },
    async restart() {
      await world.core.close();
      world.core = await open();
    },
    async edit(fn) {
      await world.core.close();
      const store = await Store.open({
        dataDir,
        clock,
        initial: () => ({ settings: settingsSchema.parse({}), templates: builtInTemplates() }),
      });
      await fn(store);
      await store.close();
      world.core = await open();
    },
    async close() {
      await world.core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  await world.call('settings.update', { patch: { timeZone, autoFirstTouch: false } });
  return world;
}

export async function prospectAndDeal(world: PlanWorld, company = 'Brightwater Logistics'): Promise<{ prospect: Prospect; deal: Deal }> {
  const prospect = await world.call('prospects.create', {
    company,
    contacts: [
      { name: 'Lena Fischer', role: 'COO', email: 'lena@brightwater.example' },
      { name: 'Tom Berg', role: 'CFO' },
    ],
  });
  const deal = await world.call('deals.create', { prospectId: prospect.id, title: 'Fleet tracking rollout', value: 48_000 });
  return { prospect, deal };
}

export const GUIDED = builtInTemplates().find((t) => t.name === 'Guided decision')!;
export const IMMEDIATE = builtInTemplates().find((t) => t.name === 'Immediate follow-up')!;
export const NURTURE = builtInTemplates().find((t) => t.name === 'Long-cycle nurture')!;
