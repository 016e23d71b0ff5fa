// A fake clock and a scheduler over a real store in a temp folder, for the reminder tests.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../src/main/core/ports';
import { ReminderScheduler } from '../../../src/main/core/reminders/scheduler';
import { Store } from '../../../src/main/core/store/store';
import type { NotificationRequest, TrayModel } from '../../../src/shared/hostModels';
import { type Deal, type Meeting, type Prospect, type Settings, type Touch, settingsSchema } from '../../../src/shared/schema';

/** Time moves only when the test says: advance() fires due timers in order; jump() moves it without firing any. */
export class FakeClock implements Clock {
  private seq = 0;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  /** Every delay ever passed to setTimeout. */
  readonly delays: number[] = [];

  constructor(private t: number) {}

  now(): number {
    return this.t;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    this.delays.push(ms);
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Lets time pass: every timer due on the way fires at its own instant. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; callback: () => void }] | null = null;
      for (const entry of this.timers) if (entry[1].at <= end && (next === null || entry[1].at < next[1].at)) next = entry;
      if (next === null) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      next[1].callback();
    }
    this.t = end;
  }

  advanceTo(iso: string): void {
    this.advance(Date.parse(iso) - this.t);
  }

  /** The wall clock jumps (sleep, a clock change): no timer fires on the way. */
  jump(ms: number): void {
    this.t += ms;
  }
}

export interface Seed {
  settings?: Partial<Settings>;
  prospects?: Prospect[];
  deals?: Deal[];
  meetings?: Meeting[];
  touches?: Touch[];
}

export interface Shown extends NotificationRequest {
  at: string;
}

export interface Harness {
  store: Store;
  scheduler: ReminderScheduler;
  shown: Shown[];
  trays: TrayModel[];
  /** Every overdue count shown on the badge, in order. */
  badges: number[];
  events: [string, unknown][];
  close(): Promise<void>;
}

export const tempDir = () => mkdtemp(join(tmpdir(), 'touchplan-reminders-'));

export async function openHarness(dataDir: string, clock: FakeClock, seed: Seed = {}, options: { supported?: boolean } = {}): Promise<Harness> {
  const store = await Store.open({
    dataDir,
    clock,
    initial: () => ({ settings: settingsSchema.parse({ timeZone: 'UTC' }), templates: [] }),
  });
  if (seed.settings || seed.prospects || seed.deals || seed.meetings || seed.touches) {
    await store.transact((tx) => {
      if (seed.settings) tx.setSettings(settingsSchema.parse({ ...store.state.settings, ...seed.settings }));
      for (const p of seed.prospects ?? []) tx.put('prospects', p);
      for (const d of seed.deals ?? []) tx.put('deals', d);
      for (const m of seed.meetings ?? []) tx.put('meetings', m);
      for (const t of seed.touches ?? []) tx.put('touches', t);
    });
  }
  const shown: Shown[] = [];
  const trays: TrayModel[] = [];
  const badges: number[] = [];
  const events: [string, unknown][] = [];
  const scheduler = new ReminderScheduler({
    store,
    clock,
    notifier: { isSupported: () => options.supported ?? true, show: (n) => shown.push({ ...n, at: new Date(clock.now()).toISOString() }) },
    tray: { render: (model) => trays.push(model) },
    badge: { showOverdueCount: (count) => badges.push(count) },
    emit: (event, payload) => events.push([event, payload]),
    onError: (error) => {
      throw error;
    },
  });
  scheduler.start();
  return {
    store,
    scheduler,
    shown,
    trays,
    badges,
    events,
    async close() {
      scheduler.stop();
      await store.flushed();
      await store.close();
    },
  };
}
