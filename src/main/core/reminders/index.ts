// Reminders: what is due when, the digest, the tray model and the scheduler that ties them to the clock.
export { scanDue, CATCH_UP_WINDOW_MS, type DueItem, type DueScan } from './due';
export { buildTrayModel, trayTooltip, TRAY_MAX_TOUCHES } from './trayModel';
export { ReminderScheduler, timerDelay, MAX_TICK_MS, LATE_TOLERANCE_MS, type ShownNotification } from './scheduler';
export * from './keys';
export * from './compose';
