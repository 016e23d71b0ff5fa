// Shared helpers of the store tests: temp folders, a fake clock, records, and opening a store.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../src/main/core/ports';
import type { FsLayer } from '../../../src/main/core/store/fsLayer';
import type { Migrations } from '../../../src/main/core/store/migrations';
import { Store } from '../../../src/main/core/store/store';
import { settingsSchema, type Prospect, type Touch } from '../../../src/shared/schema';

export const T0 = Date.parse('2026-11-22T10:00:00.000Z');

export class FakeClock implements Clock {
  private timers: { at: number; callback: () => void; handle: number }[] = [];
  private next = 1;
  constructor(public ms = T0) {}
  now = () => this.ms;
  setTimeout = (callback: () => void, ms: number) => {
    const handle = this.next++;
    this.timers.push({ at: this.ms + ms, callback, handle });
    return handle;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((timer) => timer.handle !== handle);
  };
  /** Moves time forward, firing every timer that comes due on the way, in order. */
  advance(ms: number): void {
    const end = this.ms + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.ms = due.at;
      due.callback();
    }
    this.ms = end;
  }
}

const made: string[] = [];
export async function tempFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'touchplan-store-'));
  made.push(dir);
  return dir;
}
export async function removeTempFolders(): Promise<void> {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
}

export function openStore(dataDir: string, options: { clock?: Clock; fs?: FsLayer; migrations?: Migrations } = {}): Promise<Store> {
  return Store.open({
    dataDir,
    clock: options.clock ?? new FakeClock(),
    fs: options.fs,
    migrations: options.migrations,
    initial: () => ({ settings: settingsSchema.parse({ timeZone: 'Europe/Paris' }), templates: [] }),
  });
}

export const iso = (ms: number) => new Date(ms).toISOString();

export function prospect(company = 'Northwind Logistics', id: string = randomUUID()): Prospect {
  return { id, createdAt: iso(T0), updatedAt: iso(T0), company, website: '', notes: '', contacts: [], archived: false };
}

export function touch(fields: Partial<Touch> = {}): Touch {
  return {
    id: randomUUID(),
    createdAt: iso(T0),
    updatedAt: iso(T0),
    prospectId: randomUUID(),
    dealId: null,
    meetingId: null,
    due: { allDay: true, date: '2026-11-23' },
    channel: 'email',
    action: 'recap',
    title: 'Recap and next steps',
    value: 'A written summary of their goals and the agreed next step',
    status: 'planned',
    locked: false,
    completedAt: null,
    outcomeNote: '',
    skipReason: '',
    ...fields,
  };
}

/** The data files of a folder (name -> bytes), leaving out backups, the lock and temp files. */
export async function dataFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) {
    if (/^touchplan\..*json$/.test(name)) files.set(name, await readFile(join(dir, name)));
  }
  return files;
}

/** A plain snapshot of a store's memory, for comparing with what a reopen reads. */
export function snapshot(store: Store): Record<string, unknown> {
  const { state } = store;
  const sorted = <T extends { id: string }>(map: Map<string, T>) => [...map.values()].sort((a, b) => a.id.localeCompare(b.id));
  return {
    settings: state.settings,
    prospects: sorted(state.prospects),
    deals: sorted(state.deals),
    meetings: sorted(state.meetings),
    touches: sorted(state.touches),
    templates: sorted(state.templates),
    notifiedKeys: [...state.notifiedKeys].sort(),
  };
}
