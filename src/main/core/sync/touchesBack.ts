// Reading the touch calendar back, only to notice what happened to Touchplan's own objects there: a touch moved
// on the phone comes back as a reschedule (touchMoves.ts), one moved on both sides keeps Touchplan's time and
// asks. An object deleted on the server is written again at the next push (touches are Touchplan's records: a
// deletion on the phone does not finish one). Nothing in this calendar ever becomes a meeting.
import { sameDue } from '../../../shared/domain/time';
import type { SyncQuestion } from '../../../shared/syncSchema';
import type { HttpFetch } from '../ports';
import type { ServiceContext } from '../services/context';
import type { Transaction } from '../store/store';
import type { AccountWork } from './accountState';
import { changesOf, readObjects } from './caldav';
import { askConflict, takeCalendarMove } from './touchMoves';
import { dueOfObject, touchHash, touchIdOfPath } from './touchIcs';

/**
 * Reads what changed in the touch calendar and returns the changes to apply with the next save (null if none).
 * `work.touchCalendar` and `work.pushed` are updated.
 */
export async function readTouchCalendar(
  ctx: ServiceContext,
  fetch: HttpFetch,
  work: AccountWork,
  calendarUrl: string,
  supportsSync: boolean,
): Promise<((tx: Transaction, questions: SyncQuestion[]) => void) | null> {
  const byPath = new Map(Object.entries(work.pushed).map(([id, p]) => [p.href, id] as const));
  const etags = new Map(Object.values(work.pushed).flatMap((p) => (p.etag ? [[p.href, p.etag] as const] : [])));
  const changes = await changesOf(fetch, calendarUrl, { ...work.touchCalendar, etags }, supportsSync);
  if (!changes) return null;
  if (changes.syncToken !== work.touchCalendar.syncToken || changes.ctag !== work.touchCalendar.ctag || changes.changed.size > 0 || changes.deleted.length > 0) work.dirty = true;
  work.touchCalendar = { syncToken: changes.syncToken, ctag: changes.ctag };
  for (const path of changes.deleted) {
    const id = byPath.get(path);
    if (id) delete work.pushed[id]; // written again by the next push
  }
  const paths = [...changes.changed.keys()].filter((path) => byPath.has(path) || touchIdOfPath(path) !== null);
  if (paths.length === 0) return null;
  const objects = await readObjects(fetch, calendarUrl, paths);
  const timeZone = ctx.store.state.settings.timeZone;
  const moves: { id: string; due: ReturnType<typeof dueOfObject> & object }[] = [];
  for (const [path, object] of objects) {
    const id = byPath.get(path) ?? touchIdOfPath(path);
    const touch = id ? ctx.store.state.touches.get(id) : undefined;
    const due = dueOfObject(object.data, timeZone);
    if (!id || !touch || !due) continue;
    const pushed = work.pushed[id];
    if (!pushed) {
      // Written by another data folder of the rep (the same touch id): adopted, and written over at the next push.
      work.pushed[id] = { href: path, etag: object.etag, hash: '', due };
      continue;
    }
    work.pushed[id] = { ...pushed, etag: object.etag };
    if (!sameDue(due, pushed.due)) moves.push({ id, due });
  }
  if (moves.length === 0) return null;
  return (tx, questions) => {
    const state = ctx.store.state;
    for (const { id, due } of moves) {
      const touch = state.touches.get(id);
      const pushed = work.pushed[id];
      if (!touch || !pushed || touch.status !== 'planned') continue;
      if (sameDue(touch.due, pushed.due)) {
        // Not moved in Touchplan since it was written: the phone's move is a reschedule.
        const unchanged = touchHash(touch, state) === pushed.hash;
        const moved = takeCalendarMove(ctx, tx, touch, due, questions);
        work.pushed[id] = { ...pushed, due, hash: unchanged ? touchHash(moved, state) : pushed.hash };
      } else {
        askConflict(ctx, touch, due, questions);
      }
    }
  };
}
