// What every service gets: the store, the clock and a way to make ids.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../ports';
import type { Store } from '../store/store';

export interface ServiceContext {
  store: Store;
  clock: Clock;
  newId: () => string;
  /** The current instant as an ISO string. */
  nowIso: () => string;
}

export function createServiceContext(store: Store, clock: Clock): ServiceContext {
  return { store, clock, newId: randomUUID, nowIso: () => new Date(clock.now()).toISOString() };
}

/** The fields every stored record carries, stamped for a new record. */
export function newRecordFields(ctx: ServiceContext) {
  const now = ctx.nowIso();
  return { id: ctx.newId(), createdAt: now, updatedAt: now };
}
