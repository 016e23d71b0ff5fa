// The questions a move may ask: which touches move, and whether to move anyway despite a warning.
import { useState } from 'react';
import type { CalendarChange, MovePreview } from '../../../../shared/contract/calendar';
import { Dialog } from '../../components/Dialog';

export interface TouchMoveQuestion {
  touchTitle: string;
  target: string;
  preview: MovePreview;
  /** Ask "this one" or "this and the later ones" (settings.shiftDefault is 'ask' and later touches exist). */
  askShift: boolean;
  /** The mode used when no choice is asked. */
  defaultMode: 'this' | 'later';
}

export function TouchMoveDialog({
  question,
  onConfirm,
  onCancel,
}: {
  question: TouchMoveQuestion;
  onConfirm: (mode: 'this' | 'later', remember: boolean) => void;
  onCancel: () => void;
}) {
  const [remember, setRemember] = useState(false);
  const { preview, askShift } = question;
  const warned = preview.warnings.length > 0;
  const later = preview.laterCount;
  return (
    <Dialog title={warned ? 'Move this touch anyway?' : 'Move the later touches too?'} onClose={onCancel}>
      <div className="cal-move-dialog">
        <p>
          Move “{question.touchTitle}” to <strong>{question.target}</strong>.
        </p>
        {warned && (
          <ul className="cal-warnings" aria-label="Warnings">
            {preview.warnings.map((w) => (
              <li key={w.code} className="cal-warning">
                <span aria-hidden="true">⚠</span> {w.message}
              </li>
            ))}
          </ul>
        )}
        {askShift && (
          <>
            <p>
              {later} later planned touch{later === 1 ? '' : 'es'} of this sequence {later === 1 ? 'follows' : 'follow'} it. Locked, done and
              skipped touches never move.
            </p>
            <label className="check">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember my choice
            </label>
          </>
        )}
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
          {askShift ? (
            <>
              <button type="button" className="secondary" onClick={() => onConfirm('this', remember)}>
                Move this one
              </button>
              <button type="button" onClick={() => onConfirm('later', remember)}>
                Move this and the later ones (keeping their spacing)
              </button>
            </>
          ) : (
            <button type="button" onClick={() => onConfirm(question.defaultMode, false)}>
              Move anyway
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

export interface MeetingMoveQuestion {
  meetingTitle: string;
  target: string;
  changes: CalendarChange[];
}

export function MeetingMoveDialog({
  question,
  onConfirm,
  onCancel,
}: {
  question: MeetingMoveQuestion;
  onConfirm: (moveTouches: boolean) => void;
  onCancel: () => void;
}) {
  const [moveTouches, setMoveTouches] = useState(true);
  const followUps = question.changes.filter((c) => c.kind === 'touch');
  return (
    <Dialog title="Move this meeting?" onClose={onCancel}>
      <div className="cal-move-dialog">
        <p>
          Move “{question.meetingTitle}” to <strong>{question.target}</strong>.
        </p>
        <label className="check">
          <input type="checkbox" checked={moveTouches} onChange={(e) => setMoveTouches(e.target.checked)} /> Move its planned follow-ups too
        </label>
        <p className="muted">
          {followUps.length} planned follow-up{followUps.length === 1 ? '' : 's'} would move by the same number of business days:{' '}
          {followUps.map((c) => `“${c.title}”`).join(', ')}. Locked ones stay.
        </p>
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" onClick={() => onConfirm(moveTouches)}>
            Move meeting
          </button>
        </div>
      </div>
    </Dialog>
  );
}
