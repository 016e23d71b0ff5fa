// Undo and redo of calendar moves. Main keeps the last UNDO_LIMIT moves (and the undone ones, for redo) in
// memory, not across restarts. An undo restores every record the move changed exactly as it was before the
// move (updatedAt included); a redo puts back what the move made. Both are all or nothing: if any of those
// records was changed since (edited, done, moved again, deleted), the request is refused with a conflict that
// names it, and nothing changes; a partial undo would break the spacing the rep chose.
import type { Meeting, Touch } from '../../../shared/schema';
import { conflict } from '../errors';
import type { ServiceContext } from './context';

/** How many moves can be undone (and how many undone moves can be redone). */
export const UNDO_LIMIT = 50;

export type Restorable = { collection: 'touches'; before: Touch; after: Touch } | { collection: 'meetings'; before: Meeting; after: Meeting };

interface MoveEntry {
  records: Restorable[];
}

/** JSON with sorted keys, to compare records whatever order their keys were written in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The entry that takes the records back the other way. */
const reversed = (entry: MoveEntry): MoveEntry => ({
  records: entry.records.map((record) => ({ ...record, before: record.after, after: record.before }) as Restorable),
});

/** `changed` runs after an undo or redo changed records (the calendar drops its index). */
export function createMoveHistory(ctx: ServiceContext, changed: () => void) {
  const { store } = ctx;
  const undoLog = new Map<string, MoveEntry>();
  const redoLog = new Map<string, MoveEntry>();

  function rememberIn(log: Map<string, MoveEntry>, entry: MoveEntry): string {
    const id = ctx.newId();
    log.set(id, entry);
    while (log.size > UNDO_LIMIT) log.delete(log.keys().next().value as string);
    return id;
  }

  /** Puts every record back as it was `before`, if each is still exactly as the move left it (`after`). */
  async function putBack(entry: MoveEntry, verb: 'undo' | 'redo'): Promise<number> {
    const nothing = `Nothing was ${verb === 'undo' ? 'undone' : 'redone'}.`;
    const restored = await store.transact((tx) => {
      for (const record of entry.records) {
        const current =
          record.collection === 'touches' ? store.state.touches.get(record.after.id) : store.state.meetings.get(record.after.id);
        if (!current) throw conflict(`Can't ${verb} the move: “${record.after.title}” was deleted since. ${nothing}`);
        if (stableJson(current) !== stableJson(record.after)) {
          throw conflict(`Can't ${verb} the move: “${record.after.title}” was changed after it. ${nothing}`);
        }
      }
      for (const record of entry.records) {
        if (record.collection === 'touches') tx.put('touches', record.before);
        else tx.put('meetings', record.before);
      }
      return entry.records.length;
    });
    changed();
    return restored;
  }

  return {
    /** Keeps a move's records for undo; null when the move changed nothing. */
    remember(records: Restorable[]): string | null {
      return records.length === 0 ? null : rememberIn(undoLog, { records });
    },

    /** Restores what a move changed; answers the id that redoes it. */
    async undo(undoId: string): Promise<{ restored: number; redoId: string }> {
      const entry = undoLog.get(undoId);
      if (!entry) throw conflict(`This move can no longer be undone: only the last ${UNDO_LIMIT} moves are kept, until Touchplan restarts.`);
      const restored = await putBack(entry, 'undo');
      undoLog.delete(undoId);
      return { restored, redoId: rememberIn(redoLog, reversed(entry)) };
    },

    /** Makes an undone move again; answers the id that undoes it once more. */
    async redo(redoId: string): Promise<{ restored: number; undoId: string }> {
      const entry = redoLog.get(redoId);
      if (!entry) throw conflict('This move can no longer be redone: only moves undone since Touchplan started can be.');
      const restored = await putBack(entry, 'redo');
      redoLog.delete(redoId);
      return { restored, undoId: rememberIn(undoLog, reversed(entry)) };
    },
  };
}
