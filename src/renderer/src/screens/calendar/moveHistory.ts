// Undo and redo of the calendar's moves in this window: main keeps the records and hands back an id for each
// step; the ids are kept here, newest last. The calendar's Ctrl/Cmd+Z, its Undo toasts and the application
// menu's Undo Move / Redo Move ('moves.history' events) all go through useMoveHistory.
import { useCallback } from 'react';
import { call, useEvent } from '../../api/client';
import { useToast } from '../../components/Toasts';

const LIMIT = 50;
const undoStack: string[] = [];
const redoStack: string[] = [];

const push = (stack: string[], id: string) => {
  stack.push(id);
  if (stack.length > LIMIT) stack.shift();
};
const remove = (stack: string[], id: string) => {
  const at = stack.lastIndexOf(id);
  if (at >= 0) stack.splice(at, 1);
};
const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`;

/** A new move: it can be undone, and what was undone before can no longer be redone. */
export function recordMove(undoId: string | null): void {
  if (!undoId) return;
  push(undoStack, undoId);
  redoStack.length = 0;
}

export function useMoveHistory() {
  const toast = useToast();

  const undo = useCallback(
    async (undoId: string) => {
      remove(undoStack, undoId);
      try {
        const { restored, redoId } = await call('calendar.undo', { undoId });
        push(redoStack, redoId);
        toast({ kind: 'info', message: `Move undone: ${items(restored)} restored.` });
      } catch (error) {
        toast({ kind: 'error', message: (error as Error).message });
      }
    },
    [toast],
  );

  const undoLast = useCallback(() => {
    const undoId = undoStack.at(-1);
    if (undoId) void undo(undoId);
    else toast({ kind: 'info', message: 'Nothing to undo.' });
  }, [undo, toast]);

  const redoLast = useCallback(async () => {
    const redoId = redoStack.pop();
    if (!redoId) {
      toast({ kind: 'info', message: 'Nothing to redo.' });
      return;
    }
    try {
      const { restored, undoId } = await call('calendar.redo', { redoId });
      push(undoStack, undoId);
      toast({ kind: 'info', message: `Move redone: ${items(restored)} moved again.` });
    } catch (error) {
      toast({ kind: 'error', message: (error as Error).message });
    }
  }, [toast]);

  return { undo, undoLast, redoLast };
}

/** The application menu's Undo Move / Redo Move, wherever the rep is (rendered once, in the app shell). */
export function MoveHistoryEvents() {
  const { undoLast, redoLast } = useMoveHistory();
  useEvent('moves.history', ({ action }) => (action === 'undo' ? undoLast() : void redoLast()));
  return null;
}
