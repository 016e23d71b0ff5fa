// A clock that end-to-end tests drive: time stands still until the test moves it.
//  - advance(ms): time passes as if the computer were awake; every timer due on the way fires at its instant.
//  - set(ms): the wall clock jumps (sleep, a clock change): no timer fires on the way (the host then calls
//    core.resume(), as Electron does on the OS's resume event).
// Enabled in the browser host with TOUCHPLAN_TEST_CLOCK=<ISO instant> (see README, "The browser host").
import type { Clock } from '../core/ports';

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

export class DrivenClock implements Clock {
  private seq = 0;
  private readonly timers = new Map<number, Timer>();

  constructor(private t: number) {}

  now(): number {
    return this.t;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), seq: id, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('Time only moves forward by a positive number of ms.');
    const end = this.t + ms;
    for (;;) {
      let next: [number, Timer] | null = null;
      for (const entry of this.timers) {
        const timer = entry[1];
        if (timer.at > end) continue;
        if (next === null || timer.at < next[1].at || (timer.at === next[1].at && timer.seq < next[1].seq)) next = entry;
      }
      if (next === null) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      try {
        next[1].callback();
      } catch (error) {
        console.error('Touchplan test clock: a timer failed', error);
      }
    }
    this.t = end;
  }

  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('Expected an instant.');
    this.t = ms;
  }
}
