// The ports through which core services reach the outside world. Electron and the browser host each
// provide adapters; tests provide fakes. Nothing in core reads the wall clock or talks to the OS directly.
import type { NotificationRequest, TrayModel } from '../../shared/hostModels';
export type { NotificationRequest, TrayCommand, TrayMenuItem, TrayModel } from '../../shared/hostModels';


export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Notifier {
  /** False where the OS has no notification service: core then shows an in-app banner instead. */
  isSupported(): boolean;
  show(notification: NotificationRequest): void;
}

export interface TrayPort {
  render(model: TrayModel): void;
}
