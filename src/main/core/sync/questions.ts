// Answering the questions a move on the server raised (shown on Today): move the follow-ups of a moved
// meeting, the later touches of a touch moved on the phone, or take the calendar's time after a conflict.
import { shiftForMeetingMove } from '../../../shared/domain/sequence';
import { touchSchema } from '../../../shared/schema';
import { notFound } from '../errors';
import type { ServiceContext } from '../services/context';
import { laterShifts } from './touchMoves';

export async function answerQuestion(ctx: ServiceContext, questionId: string, answer: 'apply' | 'keep'): Promise<null> {
  const { store } = ctx;
  if (!store.state.calendarSync.questions.some((q) => q.id === questionId)) throw notFound('Question', questionId);
  await store.transact((tx) => {
    const state = store.state.calendarSync;
    const question = state.questions.find((q) => q.id === questionId);
    if (!question) return;
    tx.setCalendarSync({ ...state, questions: state.questions.filter((q) => q.id !== questionId) });
    if (answer === 'keep') return;
    const now = ctx.nowIso();
    const settings = store.state.settings;
    if (question.kind === 'meeting-moved') {
      const touches = [...store.touchIndex.ofMeeting(question.meetingId).values()];
      for (const shift of shiftForMeetingMove(question.from, question.to, touches, settings)) {
        const touch = store.state.touches.get(shift.id);
        if (touch) tx.put('touches', touchSchema.parse({ ...touch, due: shift.after, updatedAt: now }));
      }
      return;
    }
    const touch = store.state.touches.get(question.touchId);
    if (!touch || touch.status !== 'planned') return;
    if (question.kind === 'touch-conflict') {
      tx.put('touches', touchSchema.parse({ ...touch, due: question.calendarDue, updatedAt: now }));
      return;
    }
    for (const shift of laterShifts(ctx, touch, question.from, question.to)) {
      const later = store.state.touches.get(shift.id);
      if (later) tx.put('touches', touchSchema.parse({ ...later, due: shift.after, updatedAt: now }));
    }
  });
  return null;
}
