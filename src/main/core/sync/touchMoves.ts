// A touch moved on the calendar (the phone): it comes back as a reschedule of that touch, and the later touches
// of its sequence get the same question as a drag ("move later touches too?"), asked on Today. When the touch
// was moved in Touchplan too, Touchplan's time stays and the calendar's time is kept as a question.
import { shiftTouches } from '../../../shared/domain/sequence';
import { sameDue } from '../../../shared/domain/time';
import { touchSchema, type Touch, type TouchDue } from '../../../shared/schema';
import type { SyncQuestion } from '../../../shared/syncSchema';
import type { ServiceContext } from '../services/context';
import type { Transaction } from '../store/store';

/** The later touches of `touch`'s sequence that a move from `from` to `to` would shift ('later' mode). */
export function laterShifts(ctx: ServiceContext, touch: Touch, from: TouchDue, to: TouchDue) {
  if (!touch.meetingId) return [];
  const sequence = [...ctx.store.touchIndex.ofMeeting(touch.meetingId).values()].map((t) => (t.id === touch.id ? { ...t, due: from } : t));
  return shiftTouches(sequence, touch.id, to, 'later', ctx.store.state.settings).filter((shift) => shift.id !== touch.id);
}

/** Reschedules the touch to the calendar's time; asks about its later touches. Returns the stored touch. */
export function takeCalendarMove(ctx: ServiceContext, tx: Transaction, touch: Touch, calendarDue: TouchDue, questions: SyncQuestion[]): Touch {
  const now = ctx.nowIso();
  const moved = touchSchema.parse({ ...touch, due: calendarDue, updatedAt: now });
  tx.put('touches', moved);
  const open = questions.findIndex((q) => q.kind === 'touch-moved' && q.touchId === touch.id);
  const from = open >= 0 ? (questions[open] as Extract<SyncQuestion, { kind: 'touch-moved' }>).from : touch.due;
  if (open >= 0) questions.splice(open, 1);
  if (!sameDue(from, calendarDue) && laterShifts(ctx, moved, from, calendarDue).length > 0) {
    questions.push({ kind: 'touch-moved', id: ctx.newId(), touchId: touch.id, title: touch.title, from, to: calendarDue, askedAt: now });
  }
  return moved;
}

/** Both sides moved the touch: Touchplan's time is written; the calendar's is offered on Today. */
export function askConflict(ctx: ServiceContext, touch: Touch, calendarDue: TouchDue, questions: SyncQuestion[]): void {
  const open = questions.findIndex((q) => q.kind === 'touch-conflict' && q.touchId === touch.id);
  if (open >= 0) questions.splice(open, 1);
  if (sameDue(calendarDue, touch.due)) return;
  questions.push({ kind: 'touch-conflict', id: ctx.newId(), touchId: touch.id, title: touch.title, calendarDue, askedAt: ctx.nowIso() });
}
