// The reminder scheduler: one timer, armed for min(next due − now, 60 s), that re-reads the wall clock at every
// tick, so sleep, resume and clock changes heal themselves. It rescans on start, on resume and on every
// committed data change; shows each reminder once (its key is persisted when shown, so a restart never repeats
// one); folds what was missed (sleep, a closed app, a pause, quiet hours) into ONE summary; keeps quiet outside
// working hours unless the rep allows it; and keeps the tray model current.
import { todayData } from '../services/todayData';
import type { Events, StoreNotice } from '../../../shared/api';
import type { NotificationRequest, TrayModel } from '../../../shared/hostModels';
import { isWithinWorkingHours, isWorkingDay } from '../../../shared/domain/businessDays';
import { addCalendarDays, instantMsAt } from '../../../shared/domain/time';
import { todayView, type TodayView } from '../../../shared/domain/today';
import type { BadgePort, Clock, Notifier, TrayPort } from '../ports';
import type { Store } from '../store/store';
import {
  batchNotification,
  catchUpNotification,
  digestNotification,
  itemNotification,
  todayCounts,
  type Names,
} from './compose';
import { scanDue } from './due';
import { digestKey, staleKeys, summaryKey } from './keys';
import { buildTrayModel } from './trayModel';

/** The longest the timer ever waits: the wall clock is re-read at least this often. */
export const MAX_TICK_MS = 60_000;
/** setTimeout's limit: a longer delay would overflow and fire at once. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
/** A reminder shown more than this after its time counts as missed (it goes into the catch-up summary). */
export const LATE_TOLERANCE_MS = 2 * 60_000;
/** More reminders than this at one moment become one notification. */
export const MAX_INDIVIDUAL = 3;
/** Keys about instants older than this are forgotten. */
export const KEY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const RECORDED = 50;

export type ShownNotification = NotificationRequest & { shownAt: string };

export interface SchedulerDeps {
  store: Store;
  clock: Clock;
  notifier?: Notifier;
  tray?: TrayPort;
  /** The dock / taskbar badge: the number of overdue touches. */
  badge?: BadgePort;
  /** Pushes an event to the renderer ('notice' when the OS cannot show a notification). */
  emit: <E extends keyof Events>(event: E, payload: Events[E]) => void;
  onError?: (error: unknown) => void;
}

/** A delay for clock.setTimeout: never negative, never more than MAX_TICK_MS (far below 2^31 − 1). */
export function timerDelay(untilMs: number): number {
  const delay = Math.min(Math.max(Math.ceil(untilMs), 1), MAX_TICK_MS);
  return Math.min(delay, MAX_TIMER_DELAY_MS);
}

export class ReminderScheduler {
  private timer: unknown = null;
  private stopped = true;
  private pausedUntil: number | null = null;
  private lastTrayJson = '';
  private lastTray: TrayModel | null = null;
  private lastBadge: number | null = null;
  private lastMessage: string | null = null;
  private readonly shown: ShownNotification[] = [];
  private prunedOn = '';
  private unsubscribe: (() => void) | null = null;
  /** When the next tick is due (epoch ms), for tests and diagnostics. */
  nextTickAt: number | null = null;

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.deps.store.onCommitted((changed) => {
      // Our own key writes change nothing that is due.
      if ([...changed].some((part) => part !== 'notifiedKeys' && part !== 'calendarSync')) this.rescan();
    });
    this.rescan();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
    this.nextTickAt = null;
  }

  /** Pause notifications for `minutes` (0 resumes them). Returns when the pause ends (epoch ms), or null. */
  pause(minutes: number): number | null {
    this.pausedUntil = minutes > 0 ? this.deps.clock.now() + minutes * 60_000 : null;
    this.rescan();
    return this.pausedUntil;
  }

  get pausedUntilMs(): number | null {
    return this.pausedUntil;
  }

  /** What the host's developer panel shows: every notification shown (newest first) and the tray. */
  panel(): { notifications: ShownNotification[]; tray: TrayModel | null } {
    return { notifications: [...this.shown], tray: this.lastTray };
  }

  /**
   * The touches and meetings of the Today list now, as the tray and the digest need them. Drifting deals are
   * left out (no deals are passed): neither the tray nor the digest shows them, and checking every active
   * deal is most of todayView's cost at ten years of data. Touches still name their prospect.
   */
  view(now = this.deps.clock.now()): TodayView {
    const { state } = this.deps.store;
    return todayView(todayData(this.deps.store, now, { activeDeals: false }), now, state.settings);
  }

  /** Re-read the clock and the data: notify what is due, update the tray, re-arm the timer. */
  rescan(): void {
    if (this.stopped) return;
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
    let wakeAt: number;
    try {
      wakeAt = this.check();
    } catch (error) {
      this.deps.onError?.(error);
      wakeAt = this.deps.clock.now() + MAX_TICK_MS;
    }
    const now = this.deps.clock.now();
    const delay = timerDelay(wakeAt - now);
    this.nextTickAt = now + delay;
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      this.rescan();
    }, delay);
  }

  /** One tick. Returns the next instant worth waking up for. */
  private check(): number {
    const { store, clock } = this.deps;
    const now = clock.now();
    const settings = store.state.settings;
    if (this.pausedUntil !== null && this.pausedUntil <= now) this.pausedUntil = null;
    const view = this.view(now);
    const counts = todayCounts(view);
    const scan = scanDue({ touches: store.touchIndex.planned.values(), meetings: store.state.meetings.values() }, settings, now, store.state.notifiedKeys);
    const names: Names = { prospects: store.state.prospects, deals: store.state.deals };

    const today = view.date;
    const digestAt = instantMsAt(today, settings.digestTime, settings.timeZone);
    const workdayEndAt = instantMsAt(today, settings.workdayEnd, settings.timeZone);
    const todaysDigestKey = digestKey(today, instantMsAt(today, '00:00', settings.timeZone));
    const digestDue =
      isWorkingDay(today, settings) && now >= digestAt && now < workdayEndAt && !store.state.notifiedKeys.has(todaysDigestKey);

    const toShow: NotificationRequest[] = [];
    const keys: string[] = [];
    if (this.pausedUntil === null) {
      const quiet = !settings.notifyOutsideWorkingHours && !isWithinWorkingHours(now, settings);
      if (digestDue) {
        // The digest is the rep's own morning time, so it is not held by quiet hours; it swallows what was missed.
        keys.push(todaysDigestKey, ...scan.pending.map((item) => item.key));
        if (counts.touches > 0 || counts.meetings > 0 || scan.pending.length > 0) {
          toShow.push(digestNotification(todaysDigestKey, counts, scan.pending, names, settings));
        }
      } else if (!quiet && scan.pending.length > 0) {
        const missed = scan.pending.some((item) => now - item.fireAt > LATE_TOLERANCE_MS);
        keys.push(...scan.pending.map((item) => item.key));
        if (missed) {
          const key = summaryKey('catchup', now);
          keys.push(key);
          toShow.push(catchUpNotification(key, scan.pending, counts, names, settings));
        } else if (scan.pending.length > MAX_INDIVIDUAL) {
          const key = summaryKey('batch', now);
          keys.push(key);
          toShow.push(batchNotification(key, scan.pending, names, settings));
        } else {
          for (const item of scan.pending) toShow.push(itemNotification(item, names, settings));
        }
      }
    }
    if (keys.length > 0 || this.prunedOn !== today) this.persistKeys(keys, now, today);
    for (const notification of toShow) this.show(notification, now);

    this.renderTray(buildTrayModel(view, settings, { pausedUntil: this.pausedUntil, message: this.lastMessage }));
    this.renderBadge(counts.overdue);

    const candidates = [
      scan.nextFireAt,
      scan.nextOverdueAt,
      digestAt > now ? digestAt : null,
      this.pausedUntil,
      instantMsAt(addCalendarDays(today, 1), '00:00', settings.timeZone),
    ].filter((v): v is number => v !== null && v > now);
    return candidates.length > 0 ? Math.min(...candidates) : now + MAX_TICK_MS;
  }

  /** Adds the keys to memory now (so the next tick sees them) and makes them durable; forgets old keys. */
  private persistKeys(keys: string[], now: number, today: string): void {
    const { store } = this.deps;
    const prune = this.prunedOn !== today;
    this.prunedOn = today;
    const stale = prune ? staleKeys(store.state.notifiedKeys, now - KEY_RETENTION_MS) : [];
    if (keys.length === 0 && stale.length === 0) return;
    store
      .transact((tx) => {
        // The store has no "remove key" operation: stale keys are dropped from the set inside the transaction,
        // and addNotifiedKeys (even of nothing) marks the file that holds them as changed.
        for (const key of stale) store.state.notifiedKeys.delete(key);
        tx.addNotifiedKeys(keys);
      })
      .catch((error: unknown) => this.deps.onError?.(error));
  }

  private show(notification: NotificationRequest, now: number): void {
    const shownAt = new Date(now).toISOString();
    this.shown.unshift({ ...notification, shownAt });
    if (this.shown.length > RECORDED) this.shown.length = RECORDED;
    const { notifier } = this.deps;
    if (notifier && notifier.isSupported()) {
      try {
        notifier.show(notification);
      } catch (error) {
        this.deps.onError?.(error);
      }
      return;
    }
    // No notification service: an in-app banner and the tray carry the message.
    const message = `${notification.title} — ${notification.body.split('\n')[0] ?? ''}`;
    this.lastMessage = notification.title;
    const notice: StoreNotice = { id: `reminder:${notification.key}`, level: 'info', message };
    const notices = this.deps.store.notices;
    const older = notices.filter((n) => n.id.startsWith('reminder:'));
    for (const old of older.slice(0, Math.max(0, older.length - 2))) notices.splice(notices.indexOf(old), 1);
    notices.push(notice);
    this.deps.emit('notice', notice);
  }

  private renderBadge(overdue: number): void {
    if (overdue === this.lastBadge) return;
    this.lastBadge = overdue;
    try {
      this.deps.badge?.showOverdueCount(overdue);
    } catch (error) {
      this.deps.onError?.(error);
    }
  }

  private renderTray(model: TrayModel): void {
    const json = JSON.stringify(model);
    if (json === this.lastTrayJson) return;
    this.lastTrayJson = json;
    this.lastTray = model;
    try {
      this.deps.tray?.render(model);
    } catch (error) {
      this.deps.onError?.(error);
    }
  }
}

