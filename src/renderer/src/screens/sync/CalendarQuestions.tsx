// Today: what a move on the rep's calendar server left to decide. A meeting (or a touch) moved there is moved
// here too, but its follow-ups never shift silently: this card asks, as a drag on the Calendar does.
import { useCallback, useEffect, useState } from 'react';
import type { SyncQuestion, TouchDue } from '../../../../shared/contract/calendarSync';
import { call, useEvent } from '../../api/client';

const when = (value: string | TouchDue) =>
  typeof value === 'string'
    ? new Date(value).toLocaleString()
    : value.allDay
      ? new Date(`${value.date}T12:00:00`).toLocaleDateString()
      : new Date(value.at).toLocaleString();

function sentence(q: SyncQuestion): { text: string; apply: string; keep: string } {
  switch (q.kind) {
    case 'meeting-moved':
      return { text: `Moved on your calendar: ${q.title}, now ${when(q.to)} — move its follow-ups?`, apply: 'Move follow-ups', keep: 'Leave them' };
    case 'touch-moved':
      return { text: `Moved on your calendar: ${q.title}, now ${when(q.to)} — move the later touches too?`, apply: 'Move later touches', keep: 'Leave them' };
    case 'touch-conflict':
      return { text: `Moved on your calendar to ${when(q.calendarDue)} while you moved it here: ${q.title} — take the calendar's time?`, apply: "Take the calendar's time", keep: 'Keep mine' };
  }
}

export function CalendarQuestions() {
  const [questions, setQuestions] = useState<SyncQuestion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => void call('calendarSync.status', {}).then((s) => setQuestions(s.questions), () => undefined), []);
  useEffect(reload, [reload]);
  useEvent('data.changed', reload);
  if (questions.length === 0) return null;
  const answer = async (questionId: string, value: 'apply' | 'keep') => {
    setError(null);
    try {
      await call('calendarSync.answer', { questionId, answer: value });
    } catch (e) {
      setError((e as Error).message);
    }
    reload();
  };
  return (
    <section className="panel" aria-labelledby="calendar-questions-title">
      <h2 id="calendar-questions-title">From your calendar</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {questions.map((q) => {
          const s = sentence(q);
          return (
            <li key={q.id}>
              {s.text}{' '}
              <button type="button" onClick={() => void answer(q.id, 'apply')}>
                {s.apply}
              </button>{' '}
              <button type="button" className="secondary" onClick={() => void answer(q.id, 'keep')}>
                {s.keep}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
