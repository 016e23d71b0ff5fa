// Touches out: every planned touch is an object in the chosen calendar; a changed touch is written again
// (If-Match the ETag last seen), a done, skipped or deleted one is removed. What is still to send is the
// difference between the touches in the store and what was last written (`pushed`, also in the store), so a
// change made offline waits durably and goes out with the next sync, after a restart too.
//
// The conflict rule (a 412: the object changed on the server since Touchplan last saw it): Touchplan reads the
// server's copy. If its time is the one Touchplan last wrote, the change there was not a move (an alarm
// dismissed, a colour) and Touchplan's version is written over the new ETag. If it was moved there and the
// touch was not moved in Touchplan, the server's time is taken (a reschedule) and Touchplan's other changes are
// written with it. If both moved it, Touchplan's time is written and the server's time is kept as a question on
// Today ("Moved on your calendar to …: take that time?"). Either way no change is lost.
import { sameDue } from '../../../shared/domain/time';
import type { Touch } from '../../../shared/schema';
import type { HttpFetch } from '../ports';
import type { ServiceContext } from '../services/context';
import type { AccountWork } from './accountState';
import { saveWork } from './accountState';
import { deleteRemote, getObject, pathOf, putObject } from './caldav';
import { askConflict, takeCalendarMove } from './touchMoves';
import { dueOfObject, touchHash, touchIcs, touchObjectUrl } from './touchIcs';

/** Writes this many objects between two saves of the marks, so a long first push survives an interruption. */
const SAVE_EVERY = 200;
const MAX_ATTEMPTS = 3;

export interface PushResult {
  written: number;
  removed: number;
}

/** What is still to send: planned touches not written as they are, and written ones no longer planned. */
export function pendingPushes(ctx: ServiceContext, work: AccountWork): { write: Touch[]; remove: string[] } {
  const state = ctx.store.state;
  const write: Touch[] = [];
  for (const touch of ctx.store.touchIndex.planned.values()) {
    if (work.pushed[touch.id]?.hash !== touchHash(touch, state)) write.push(touch);
  }
  const remove = Object.keys(work.pushed).filter((id) => state.touches.get(id)?.status !== 'planned');
  return { write, remove };
}

export async function pushTouches(ctx: ServiceContext, fetch: HttpFetch, work: AccountWork, calendarUrl: string): Promise<PushResult> {
  const { write, remove } = pendingPushes(ctx, work);
  const result: PushResult = { written: 0, removed: 0 };
  let unsaved = 0;
  const checkpoint = async (force = false) => {
    if (unsaved === 0 || (!force && unsaved < SAVE_EVERY)) return;
    unsaved = 0;
    await saveWork(ctx, work);
  };
  try {
    for (const queued of write) {
      const touch = ctx.store.state.touches.get(queued.id);
      if (touch?.status !== 'planned') continue;
      await writeTouch(ctx, fetch, work, calendarUrl, touch);
      result.written++;
      unsaved++;
      await checkpoint();
    }
    for (const id of remove) {
      if (ctx.store.state.touches.get(id)?.status === 'planned') continue;
      await removeTouch(fetch, work, calendarUrl, id);
      result.removed++;
      unsaved++;
      await checkpoint();
    }
  } finally {
    await checkpoint(true);
  }
  return result;
}

async function writeTouch(ctx: ServiceContext, fetch: HttpFetch, work: AccountWork, calendarUrl: string, initial: Touch): Promise<void> {
  const url = work.pushed[initial.id] ? new URL(work.pushed[initial.id]!.href, calendarUrl).href : touchObjectUrl(calendarUrl, initial.id);
  let touch = initial;
  let etag = work.pushed[touch.id]?.etag ?? null;
  for (let attempt = 1; ; attempt++) {
    const answer = await putObject(fetch, url, touchIcs(touch, ctx.store.state, ctx.clock.now()), etag);
    if (answer.status !== 412) {
      work.pushed[touch.id] = { href: pathOf(url, url), etag: answer.etag ?? (await getObject(fetch, url))?.etag ?? null, hash: touchHash(touch, ctx.store.state), due: touch.due };
      return;
    }
    if (attempt >= MAX_ATTEMPTS) throw new Error(`the touch "${touch.title}" kept changing on the server`);
    // 412: the conflict rule (see the top of this file).
    const server = await getObject(fetch, url);
    etag = server?.etag ?? null;
    const calendarDue = server ? dueOfObject(server.data, ctx.store.state.settings.timeZone) : null;
    const lastWritten = work.pushed[touch.id]?.due;
    if (!server || !calendarDue || !lastWritten || sameDue(calendarDue, lastWritten) || sameDue(calendarDue, touch.due)) continue;
    if (sameDue(touch.due, lastWritten)) {
      const before = touch;
      await saveWork(ctx, work, { apply: (tx, questions) => void (touch = takeCalendarMove(ctx, tx, before, calendarDue, questions)) });
    } else {
      const mine = touch;
      await saveWork(ctx, work, { apply: (_tx, questions) => askConflict(ctx, mine, calendarDue, questions) });
    }
  }
}

async function removeTouch(fetch: HttpFetch, work: AccountWork, calendarUrl: string, id: string): Promise<void> {
  const pushed = work.pushed[id];
  if (!pushed) return;
  const url = new URL(pushed.href, calendarUrl).href;
  let etag = pushed.etag;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const answer = await deleteRemote(fetch, url, etag);
    if (answer.status !== 412) break;
    // Changed on the server since: the touch is finished in Touchplan, so it goes all the same.
    const server = await getObject(fetch, url);
    if (!server) break;
    etag = server.etag;
  }
  delete work.pushed[id];
}
