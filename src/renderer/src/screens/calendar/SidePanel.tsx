// The side panel of a clicked touch or meeting: details, edit, done / snooze / skip / lock, and a date
// picker to move a touch or a meeting (the keyboard-accessible way to reschedule: the same preview -> move path
// as a drag).
import { ActionField, ChannelField } from '../../components/TouchKindFields';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CalendarEvent, CalendarMeetingEvent, CalendarTouchEvent } from '../../../../shared/contract/calendar';
import { ACTION_LABELS, CHANNEL_LABELS } from '../../../../shared/domain/lint';
import { addCalendarDays, calendarDaysBetween, instantAt, localDateOf, localTimeOf } from '../../../../shared/domain/time';
import { type Action, type Channel, type TouchDue } from '../../../../shared/schema';
import { call } from '../../api/client';
import { useAction } from '../../components/Toasts';
import { hrefOf, navigate } from '../../router';
import { LintWarning } from '../plan/bits';
import { formatAllDaySpan, formatDateTime, formatDue } from '../../dates';
import { type MeetingTarget } from './moves';
import { MeetingTimeFields, type MeetingTime } from './MeetingTimeFields';

export function SidePanel({
  event,
  timeZone,
  onClose,
  onMoveTouch,
  onMoveMeeting,
}: {
  event: CalendarEvent;
  timeZone: string;
  onClose: () => void;
  onMoveTouch: (touch: CalendarTouchEvent, due: TouchDue) => void;
  onMoveMeeting: (meeting: CalendarMeetingEvent, target: MeetingTarget) => void;
}) {
  const label = event.kind === 'touch' ? 'Touch details' : 'Meeting details';
  // The panel takes focus when it opens on an item (a click or Enter on the item), Escape closes it, and focus
  // goes back to the item it was opened from.
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const openedFrom = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !panel.current?.contains(active)) openedFrom.current = active;
    heading.current?.focus();
  }, [event.id]);
  const close = () => {
    onClose();
    if (openedFrom.current?.isConnected) openedFrom.current.focus();
  };
  return (
    <aside
      ref={panel}
      className="cal-panel"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        close();
      }}
    >
      <header className="cal-panel-header">
        <h2 ref={heading} tabIndex={-1}>
          {event.title}
        </h2>
        <button type="button" className="ghost" aria-label="Close details" onClick={close}>
          ×
        </button>
      </header>
      {event.kind === 'touch' ? (
        <TouchDetails key={event.id} touch={event} timeZone={timeZone} onMoveTouch={onMoveTouch} />
      ) : (
        <MeetingDetails key={event.id} meeting={event} timeZone={timeZone} onMove={(target) => onMoveMeeting(event, target)} />
      )}
    </aside>
  );
}

function TouchDetails({
  touch,
  timeZone,
  onMoveTouch,
}: {
  touch: CalendarTouchEvent;
  timeZone: string;
  onMoveTouch: (touch: CalendarTouchEvent, due: TouchDue) => void;
}) {
  const act = useAction();
  const [editing, setEditing] = useState(false);
  const [skipping, setSkipping] = useState(false);
  const planned = touch.status === 'planned';
  return (
    <div className="cal-panel-body">
      <p className="cal-panel-badges">
        <span className={`cal-chip cal-action-${touch.action}`}>{ACTION_LABELS[touch.action]}</span>
        {touch.status !== 'planned' && <span className="badge badge-ok">{touch.status === 'done' ? 'Done' : 'Skipped'}</span>}
        {touch.overdue && <span className="badge badge-danger">Overdue</span>}
        {touch.locked && <span className="badge badge-warning">Locked</span>}
      </p>
      <dl className="cal-facts">
        <dt>Due</dt>
        <dd>{formatDue(touch.due, timeZone)}</dd>
        <dt>Prospect</dt>
        <dd>{touch.prospectCompany}</dd>
        {touch.dealId && touch.dealTitle && (
          <>
            <dt>Deal</dt>
            <dd>
              <a href={hrefOf({ screen: 'deal', id: touch.dealId })}>{touch.dealTitle}</a>
            </dd>
          </>
        )}
        <dt>Channel</dt>
        <dd>{CHANNEL_LABELS[touch.channel]}</dd>
        <dt>Value</dt>
        <dd>{touch.value}</dd>
      </dl>

      {planned && (
        <div className="cal-panel-actions" role="group" aria-label="Touch actions">
          <button type="button" onClick={() => void act(() => call('touches.complete', { id: touch.id }))}>
            Mark done
          </button>
          <button type="button" className="secondary" onClick={() => void act(() => call('touches.setLocked', { id: touch.id, locked: !touch.locked }))}>
            {touch.locked ? 'Unlock' : 'Lock'}
          </button>
          <button type="button" className="secondary" onClick={() => setSkipping((s) => !s)} aria-expanded={skipping}>
            Skip…
          </button>
          <button type="button" className="secondary" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
            Edit
          </button>
        </div>
      )}
      {planned && (
        <div className="cal-panel-actions" role="group" aria-label="Snooze">
          <span className="muted">Snooze:</span>
          <button type="button" className="secondary" onClick={() => void act(() => call('touches.snooze', { id: touch.id, preset: 'hour' }))}>
            1 hour
          </button>
          <button type="button" className="secondary" onClick={() => void act(() => call('touches.snooze', { id: touch.id, preset: 'tomorrow' }))}>
            Tomorrow
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => void act(() => call('touches.snooze', { id: touch.id, preset: 'nextBusinessDay' }))}
          >
            Next business day
          </button>
        </div>
      )}
      {skipping && <SkipForm touchId={touch.id} onDone={() => setSkipping(false)} />}
      {editing && <TouchEditForm touch={touch} onDone={() => setEditing(false)} />}
      {planned && <MoveForm key={JSON.stringify(touch.due)} touch={touch} timeZone={timeZone} onMove={(due) => onMoveTouch(touch, due)} />}
    </div>
  );
}

function SkipForm({ touchId, onDone }: { touchId: string; onDone: () => void }) {
  const act = useAction();
  const [reason, setReason] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await act(() => call('touches.skip', { id: touchId, reason }))) onDone();
  };
  return (
    <form className="form cal-panel-form" onSubmit={submit} aria-label="Skip this touch">
      <label>
        Why skip it?
        <input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <div className="form-actions">
        <button type="submit">Skip touch</button>
      </div>
    </form>
  );
}

function TouchEditForm({ touch, onDone }: { touch: CalendarTouchEvent; onDone: () => void }) {
  const act = useAction();
  const [title, setTitle] = useState(touch.title);
  const [value, setValue] = useState(touch.value);
  const [channel, setChannel] = useState<Channel>(touch.channel);
  const [action, setAction] = useState<Action>(touch.action);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await act(() => call('touches.update', { id: touch.id, patch: { title, value, channel, action } }))) onDone();
  };
  return (
    <form className="form cal-panel-form" onSubmit={submit} aria-label="Edit touch">
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label>
        Value for the prospect
        <textarea value={value} onChange={(e) => setValue(e.target.value)} rows={3} required />
      </label>
      <LintWarning title={title} value={value} />
      <div className="form-row">
        <ChannelField value={channel} onChange={setChannel} />
        <ActionField value={action} onChange={setAction} />
      </div>
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
        <button type="submit">Save touch</button>
      </div>
    </form>
  );
}

function MoveForm({ touch, timeZone, onMove }: { touch: CalendarTouchEvent; timeZone: string; onMove: (due: TouchDue) => void }) {
  const due = touch.due;
  const [date, setDate] = useState(due.allDay ? due.date : localDateOf(due.at, timeZone));
  const [time, setTime] = useState(due.allDay ? '' : localTimeOf(due.at, timeZone));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!date) return;
    onMove(time ? { allDay: false, at: instantAt(date, time, timeZone) } : { allDay: true, date });
  };
  return (
    <form className="form cal-panel-form" onSubmit={submit} aria-label="Move touch">
      <h3>Move to</h3>
      <div className="form-row">
        <label>
          New date
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </label>
        <label>
          New time
          <input type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </label>
      </div>
      <p className="muted cal-hint">Leave the time empty for an all-day touch.</p>
      <div className="form-actions">
        <button type="submit">Move</button>
      </div>
    </form>
  );
}

/** Moving an all-day meeting by keyboard: a new first day, the same number of days. */
function AllDayMoveForm({ meeting, onMove }: { meeting: CalendarMeetingEvent; onMove: (target: MeetingTarget) => void }) {
  const [date, setDate] = useState(meeting.start);
  const days = Math.max(1, calendarDaysBetween(meeting.start, meeting.end));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (date) onMove({ allDay: { startDate: date, endDate: addCalendarDays(date, days) } });
  };
  return (
    <form className="form cal-panel-form" onSubmit={submit} aria-label="Move meeting">
      <h3>Move to</h3>
      <label>
        New first day
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
      </label>
      <p className="muted cal-hint">It stays all day{days > 1 ? `, over ${days} days` : ''}.</p>
      <div className="form-actions">
        <button type="submit">Move meeting</button>
      </div>
    </form>
  );
}

/** The keyboard-accessible way to reschedule a meeting: the same preview -> move path as a drag. */
function MeetingMoveForm({ meeting, timeZone, onMove }: { meeting: CalendarMeetingEvent; timeZone: string; onMove: (target: MeetingTarget) => void }) {
  const [time, setTime] = useState<MeetingTime>({
    date: localDateOf(meeting.start, timeZone),
    start: localTimeOf(meeting.start, timeZone),
    end: localTimeOf(meeting.end, timeZone),
  });
  const { date, start, end } = time;
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!date || !start || !end) return;
    if (end <= start) {
      setError('The meeting must end after it starts.');
      return;
    }
    setError(null);
    onMove({ start: instantAt(date, start, timeZone), end: instantAt(date, end, timeZone) });
  };
  return (
    <form className="form cal-panel-form" onSubmit={submit} aria-label="Move meeting">
      <h3>Move to</h3>
      <MeetingTimeFields value={time} onChange={setTime} dateLabel="New date" />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">Move meeting</button>
      </div>
    </form>
  );
}

function MeetingDetails({ meeting, timeZone, onMove }: { meeting: CalendarMeetingEvent; timeZone: string; onMove: (target: MeetingTarget) => void }) {
  const act = useAction();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(meeting.title);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await act(() => call('meetings.update', { id: meeting.id, patch: { title } }))) setEditing(false);
  };
  return (
    <div className="cal-panel-body">
      <p className="cal-panel-badges">
        {meeting.stage === 'upcoming' &&
          (meeting.ready ? <span className="badge badge-ok">Plan ready</span> : <span className="badge badge-warning">Plan not ready</span>)}
        {meeting.stage === 'debrief-due' && <span className="badge badge-warning">Debrief due</span>}
        {meeting.debriefed && <span className="badge badge-ok">Debriefed</span>}
        {meeting.cancelled && <span className="badge badge-warning">Cancelled in your calendar</span>}
      </p>
      <dl className="cal-facts">
        {meeting.allDay ? (
          <>
            <dt>When</dt>
            <dd>{formatAllDaySpan({ startDate: meeting.start, endDate: meeting.end })}</dd>
          </>
        ) : (
          <>
            <dt>Starts</dt>
            <dd>{formatDateTime(meeting.start, timeZone)}</dd>
            <dt>Ends</dt>
            <dd>{formatDateTime(meeting.end, timeZone)}</dd>
          </>
        )}
        {meeting.prospectCompany && (
          <>
            <dt>Prospect</dt>
            <dd>{meeting.prospectCompany}</dd>
          </>
        )}
        {meeting.dealId && meeting.dealTitle && (
          <>
            <dt>Deal</dt>
            <dd>
              <a href={hrefOf({ screen: 'deal', id: meeting.dealId })}>{meeting.dealTitle}</a>
            </dd>
          </>
        )}
      </dl>
      {meeting.stage === 'upcoming' && !meeting.ready && (
        <>
          <h3>Before the meeting</h3>
          <ul className="cal-missing">
            {meeting.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      <div className="cal-panel-actions" role="group" aria-label="Meeting actions">
        {meeting.dealId && (
          <button type="button" onClick={() => navigate(meeting.dealId ? { screen: 'deal', id: meeting.dealId } : { screen: 'deals' })}>
            Open the deal
          </button>
        )}
        <button type="button" className="secondary" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
          Edit title
        </button>
      </div>
      {editing && (
        <form className="form cal-panel-form" onSubmit={submit} aria-label="Edit meeting">
          <label>
            Meeting title
            <input value={title} onChange={(e) => setTitle(e.target.value)} required />
          </label>
          <div className="form-actions">
            <button type="submit">Save meeting</button>
          </div>
        </form>
      )}
      {meeting.allDay ? (
        <AllDayMoveForm key={meeting.start + meeting.end} meeting={meeting} onMove={onMove} />
      ) : (
        <MeetingMoveForm key={meeting.start + meeting.end} meeting={meeting} timeZone={timeZone} onMove={onMove} />
      )}
    </div>
  );
}
