// What the rep does with a touch from Today or the tray: done (with an outcome note), skip (with a reason),
// snooze (it stays planned), reopen. Plus the Today lists and the reminder controls (pause, developer panel).
import { todayData } from './todayData';
import type { HostPanel, SnoozePreset, TodayViewDto } from '../../../shared/contract/touchActions';
import { touchSchema, type Touch } from '../../../shared/schema';
import { snoozedDue } from '../../../shared/domain/snooze';
import { todayView as computeTodayView, type TodayTouch } from '../../../shared/domain/today';
import { conflict, notFound } from '../errors';
import { todayCounts } from '../reminders/compose';
import type { ServiceContext } from './context';

/** The reminder controls the scheduler provides once core has built it. */
export interface ReminderControls {
  pause(minutes: number): number | null;
  pausedUntil(): number | null;
  panel(): HostPanel;
}

export function createTouchActionService(ctx: ServiceContext) {
  const { store } = ctx;
  let reminders: ReminderControls | null = null;

  const get = (id: string): Touch => {
    const touch = store.state.touches.get(id);
    if (!touch) throw notFound('Touch', id);
    return touch;
  };
  /** Changes a touch in one transaction, re-reading it inside so concurrent changes are never lost. */
  const change = (id: string, next: (touch: Touch) => Partial<Touch>) =>
    store.transact((tx) => {
      const touch = get(id);
      const updated = touchSchema.parse({ ...touch, ...next(touch), updatedAt: ctx.nowIso() });
      tx.put('touches', updated);
      return updated;
    });
  const mustBePlanned = (touch: Touch, what: string) => {
    if (touch.status !== 'planned') throw conflict(`This touch is already ${touch.status}; reopen it before you ${what} it.`);
  };

  const item = (entry: TodayTouch, overdue: boolean) => ({
    touch: entry.touch,
    prospectName: entry.prospect?.company ?? null,
    dealTitle: entry.deal?.title ?? null,
    overdue,
  });

  return {
    connect(controls: ReminderControls) {
      reminders = controls;
    },
    complete: (id: string, note?: string) =>
      change(id, (touch) => {
        mustBePlanned(touch, 'complete');
        return { status: 'done', completedAt: ctx.nowIso(), outcomeNote: note?.trim() ? note.trim() : touch.outcomeNote };
      }),
    skip: (id: string, reason: string) =>
      change(id, (touch) => {
        mustBePlanned(touch, 'skip');
        return { status: 'skipped', completedAt: ctx.nowIso(), skipReason: reason.trim() };
      }),
    snooze: (id: string, preset: SnoozePreset) =>
      change(id, (touch) => {
        mustBePlanned(touch, 'snooze');
        return { due: snoozedDue(touch.due, preset, ctx.clock.now(), store.state.settings) };
      }),
    reopen: (id: string) =>
      change(id, (touch) => {
        if (touch.status === 'planned') throw conflict('This touch is already planned.');
        return { status: 'planned', completedAt: null, skipReason: '' };
      }),
    todayView(): TodayViewDto {
      const now = ctx.clock.now();
      const { state } = store;
      const view = computeTodayView(todayData(store, now, { activeDeals: true }), now, state.settings);
      const pausedUntil = reminders?.pausedUntil() ?? null;
      return {
        date: view.date,
        now: new Date(now).toISOString(),
        timeZone: state.settings.timeZone,
        overdue: view.overdue.map((entry) => item(entry, true)),
        today: view.today.map((entry) => item(entry, false)),
        meetings: view.meetings.map((m) => ({
          meeting: m.meeting,
          prospectName: m.prospect?.company ?? null,
          dealTitle: m.deal?.title ?? null,
          readiness: m.readiness,
        })),
        drifting: view.drifting.map((d) => ({
          dealId: d.deal.id,
          dealTitle: d.deal.title,
          prospectName: d.prospect?.company ?? null,
          reason: d.drift.reason,
          message: d.drift.message,
        })),
        counts: todayCounts(view),
        pausedUntil: pausedUntil === null ? null : new Date(pausedUntil).toISOString(),
      };
    },
    pauseNotifications(minutes: number): { pausedUntil: string | null } {
      const until = reminders?.pause(minutes) ?? null;
      return { pausedUntil: until === null ? null : new Date(until).toISOString() };
    },
    hostPanel(): HostPanel {
      return reminders?.panel() ?? { notifications: [], tray: null };
    },
  };
}
