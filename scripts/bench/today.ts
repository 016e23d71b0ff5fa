// Today, the tray and the reminder scheduler at the size of a ten-year career (DESIGN.md, "Scale"):
//  - today.compute.ms: the Today lists and the tray model from the in-memory data (median).
//  - reminders.rescan.ms: a full rescan after a data change (due scan, digest check, Today, tray, timer) (median).
//  - reminders.lateness.ms: on the real clock, 50 touches due one second apart; from each due instant to the
//    notify call (p95).
import { generateDataset, TEN_YEAR_CAREER } from '../../src/main/core/demo/generateDataset';
import { systemClock, type Clock } from '../../src/main/core/ports';
import { buildTrayModel } from '../../src/main/core/reminders/trayModel';
import { ReminderScheduler } from '../../src/main/core/reminders/scheduler';
import { Store } from '../../src/main/core/store/store';
import { todayView } from '../../src/shared/domain/today';
import { todayData } from '../../src/main/core/services/todayData';
import { builtInTemplates } from '../../src/shared/domain/builtInTemplates';
import { settingsSchema, touchSchema, type Touch } from '../../src/shared/schema';
import { median, percentile, type BenchContext } from './context';
import { putDataset } from '../../src/main/core/demo/putDataset';

const NOW = Date.parse('2026-11-24T10:00:00.000Z'); // a Tuesday, within the working day
const SEED = 42;
const RUNS = 40;
const LATE_TOUCHES = 50;

const frozen: Clock = { now: () => NOW, setTimeout: () => null, clearTimeout: () => undefined };
const settings = settingsSchema.parse({ timeZone: 'Europe/Berlin', notifyOutsideWorkingHours: true });

export async function run(ctx: BenchContext): Promise<Record<string, number>> {
  ctx.log('generating the ten-year dataset');
  const data = generateDataset(TEN_YEAR_CAREER, NOW, SEED);
  const store = await Store.open({ dataDir: ctx.tempDir, clock: frozen, initial: () => ({ settings, templates: builtInTemplates() }) });
  try {
    await putDataset(store, data);
    ctx.log(`${store.state.touches.size} touches, ${store.state.meetings.size} meetings`);

    // today.compute.ms: what today.view does (the touches it needs, from the store's touch index) and the tray model.
    const compute = () => {
      const view = todayView(todayData(store, NOW, { activeDeals: true }), NOW, store.state.settings);
      return buildTrayModel(view, store.state.settings);
    };
    for (let i = 0; i < 5; i++) compute();
    const computeTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      compute();
      computeTimes.push(performance.now() - start);
    }

    // reminders.rescan.ms: the scheduler over the same store, on a frozen clock (nothing is shown twice).
    const scheduler = new ReminderScheduler({
      store,
      clock: frozen,
      notifier: { isSupported: () => true, show: () => undefined },
      tray: { render: () => undefined },
      emit: () => undefined,
    });
    scheduler.start();
    await store.flushed();
    for (let i = 0; i < 5; i++) scheduler.rescan();
    const rescanTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      scheduler.rescan();
      rescanTimes.push(performance.now() - start);
    }
    scheduler.stop();

    const lateness = await measureLateness(ctx, store);
    return {
      'today.compute.ms': median(computeTimes),
      'reminders.rescan.ms': median(rescanTimes),
      'reminders.lateness.ms': lateness,
    };
  } finally {
    await store.close();
  }
}

/** Real clock: 50 touches due one second apart in the ten-year store; from each due instant to its notify call. */
async function measureLateness(ctx: BenchContext, store: Store): Promise<number> {
  const first = Math.ceil((systemClock.now() + 3_000) / 1000) * 1000;
  const template = [...store.state.touches.values()].find((t) => t.dealId !== null) as Touch;
  const dueAt = new Map<string, number>();
  await store.transact((tx) => {
    for (let i = 0; i < LATE_TOUCHES; i++) {
      const at = first + i * 1000;
      const id = `00000000-0000-4000-8000-${(0xbe0000 + i).toString(16).padStart(12, '0')}`;
      dueAt.set(id, at);
      tx.put('touches', touchSchema.parse({ ...template, id, status: 'planned', completedAt: null, due: { allDay: false, at: new Date(at).toISOString() }, title: `Bench touch ${i}` }));
    }
  });
  ctx.log(`waiting for ${LATE_TOUCHES} touches due one second apart (about ${Math.round((first + LATE_TOUCHES * 1000 - systemClock.now()) / 1000)} s)`);
  const late: number[] = [];
  await new Promise<void>((resolve) => {
    const scheduler = new ReminderScheduler({
      store,
      clock: systemClock,
      notifier: {
        isSupported: () => true,
        show: (notification) => {
          if (notification.target.kind !== 'touch') return;
          const due = dueAt.get(notification.target.id);
          if (due === undefined) return;
          late.push(systemClock.now() - due);
          if (late.length === LATE_TOUCHES) {
            scheduler.stop();
            resolve();
          }
        },
      },
      tray: { render: () => undefined },
      // Whatever the real clock says about working hours, this run must notify.
      emit: () => undefined,
    });
    scheduler.start();
  });
  return percentile(late, 95);
}
