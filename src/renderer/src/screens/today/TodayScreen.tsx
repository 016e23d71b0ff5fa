// Today, the start screen: overdue touches first, then today's in time order, then today's meetings with their
// readiness and "your ask", then drifting deals. Done / Snooze / Skip / Open on every touch; the touch list is a
// roving-tabindex list: ArrowUp/ArrowDown move, D done, S snooze, Enter open.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SnoozePreset, TodayMeetingItem, TodayTouchItem, TodayViewDto } from '../../../../shared/contract/touchActions';
import { ACTION_LABELS, CHANNEL_LABELS } from '../../../../shared/domain/lint';
import { call, useEvent, useQuery } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FormError, useAction, useFormAction, useToast } from '../../components/Toasts';
import { CalendarQuestions } from '../sync/CalendarQuestions';
import { dueDate, formatDate, formatDateTime, formatLongDate, formatTime, lateness } from '../../dates';
import { hrefOf, navigate, useRoute } from '../../router';
import { ReadinessBadge } from '../plan/bits';

/** How many overdue touches Today shows at first, and how many more each "Show more" adds. */
const OVERDUE_PAGE = 50;

const SNOOZE_OPTIONS: { preset: SnoozePreset; label: string }[] = [
  { preset: 'hour', label: '1 hour' },
  { preset: 'tomorrow', label: 'Tomorrow' },
  { preset: 'nextBusinessDay', label: 'Next business day' },
];


/** "9:30 AM", "All day", "Mon, Mar 9", "Mon, Mar 9, 2:00 PM" (in the OS locale). */
function dueLabel(item: TodayTouchItem, view: TodayViewDto): string {
  const due = item.touch.due;
  if (due.allDay) return due.date === view.date ? 'All day' : formatDate(due.date, { year: false });
  return dueDate(due, view.timeZone) === view.date ? formatTime(due.at, view.timeZone) : formatDateTime(due.at, view.timeZone, { year: false });
}

function openTouch(item: TodayTouchItem): void {
  navigate(item.touch.dealId ? { screen: 'deal', id: item.touch.dealId } : { screen: 'prospect', id: item.touch.prospectId });
}

type Pending = { kind: 'done' | 'skip'; item: TodayTouchItem } | null;

export function TodayScreen() {
  const route = useRoute();
  const highlight = route.screen === 'today' ? route.touchId : undefined;
  // Main decides what is due today; coming back to the window asks again, so "late" follows the clock without polling.
  const { data: view, error, loading, reload } = useQuery('today.view', {}, { refetchOnWindowFocus: true });
  // A long backlog shows its oldest first, a page at a time: rendering hundreds of rows would hold up the start screen.
  const [overdueShown, setOverdueShown] = useState(OVERDUE_PAGE);
  const overdue = useMemo(() => view?.overdue.slice(0, overdueShown) ?? [], [view, overdueShown]);
  const touches = useMemo(() => (view ? [...overdue, ...view.today] : []), [view, overdue]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [snoozeFor, setSnoozeFor] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [announcement, setAnnouncement] = useState('');
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const registerRow = useCallback((id: string, element: HTMLLIElement | null) => {
    if (element) rowRefs.current.set(id, element);
    else rowRefs.current.delete(id);
  }, []);
  const focusAfterRender = useRef<string | null>(null);
  const action = useAction();
  const toast = useToast();

  const selectedIndex = Math.max(0, touches.findIndex((t) => t.touch.id === selectedId));
  const selected = touches[selectedIndex] ?? null;

  // Highlight what the tray or a notification asked to open (#/today/<touchId>).
  useEffect(() => {
    if (!highlight || !view) return;
    const row = rowRefs.current.get(highlight);
    if (row) {
      setSelectedId(highlight);
      row.scrollIntoView?.({ block: 'center' });
      row.focus();
    } else {
      // Not on today's list: open its deal instead.
      void call('touches.get', { id: highlight }).then(
        (touch) => navigate(touch.dealId ? { screen: 'deal', id: touch.dealId } : { screen: 'prospect', id: touch.prospectId }),
        () => undefined,
      );
    }
  }, [highlight, view]);

  useEffect(() => {
    const id = focusAfterRender.current;
    if (!id) return;
    focusAfterRender.current = null;
    rowRefs.current.get(id)?.focus();
  });

  const select = useCallback(
    (index: number) => {
      const item = touches[index];
      if (!item) return;
      setSelectedId(item.touch.id);
      focusAfterRender.current = item.touch.id;
      setAnnouncement(`${item.touch.title}, ${item.overdue ? 'overdue, ' : ''}${index + 1} of ${touches.length}`);
    },
    [touches],
  );

  /** After a touch leaves the list, select its neighbour so the keyboard keeps its place. */
  const selectNeighbour = (id: string) => {
    const index = touches.findIndex((t) => t.touch.id === id);
    const next = touches[index + 1] ?? touches[index - 1];
    if (next) {
      setSelectedId(next.touch.id);
      focusAfterRender.current = next.touch.id;
    }
  };

  const snooze = async (item: TodayTouchItem, preset: SnoozePreset) => {
    setSnoozeFor(null);
    const label = SNOOZE_OPTIONS.find((o) => o.preset === preset)?.label.toLowerCase() ?? preset;
    const ok = await action(() => call('touches.snooze', { id: item.touch.id, preset }));
    if (ok) {
      selectNeighbour(item.touch.id);
      setAnnouncement(`Snoozed ${item.touch.title} to ${label}`);
      toast({ kind: 'info', message: `Snoozed “${item.touch.title}” (${label}).` });
    }
  };

  /** D done, S snooze, K skip: on the selected row. */
  const rowShortcuts: Record<string, (item: TodayTouchItem) => void> = {
    d: (item) => setPending({ kind: 'done', item }),
    s: (item) => setSnoozeFor(item.touch.id),
    k: (item) => setPending({ kind: 'skip', item }),
  };

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const onRow = event.target instanceof HTMLLIElement;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        select(Math.min(touches.length - 1, selectedIndex + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        select(Math.max(0, selectedIndex - 1));
        break;
      case 'Home':
        event.preventDefault();
        select(0);
        break;
      case 'End':
        event.preventDefault();
        select(touches.length - 1);
        break;
      case 'Enter':
        if (selected && onRow) {
          event.preventDefault();
          openTouch(selected);
        }
        break;
      default: {
        const act = rowShortcuts[event.key.toLowerCase()];
        if (selected && act) {
          event.preventDefault();
          act(selected);
        }
      }
    }
  };

  if (!view) {
    return (
      <section className="screen today" aria-labelledby="today-title">
        <header className="screen-header">
          <h1 id="today-title">Today</h1>
        </header>
        {loading ? <p className="muted">Loading today…</p> : <p className="form-error" role="alert">{error}</p>}
      </section>
    );
  }

  const allDone = touches.length === 0;
  const { counts } = view;

  return (
    <section className="screen today" aria-labelledby="today-title">
      <header className="today-hero">
        <div>
          <p className="today-date">{formatLongDate(view.date)}</p>
          <h1 id="today-title">Today</h1>
        </div>
        <dl className="today-stats" aria-label="Today at a glance">
          <div className={counts.overdue > 0 ? 'today-stat today-stat-danger' : 'today-stat'}>
            <dt>Overdue</dt>
            <dd>{counts.overdue}</dd>
          </div>
          <div className="today-stat">
            <dt>To do today</dt>
            <dd>{view.today.length}</dd>
          </div>
          <div className={counts.meetingsWithoutPlan > 0 ? 'today-stat today-stat-warning' : 'today-stat'}>
            <dt>Meetings</dt>
            <dd>{counts.meetings}</dd>
          </div>
          <div className={view.drifting.length > 0 ? 'today-stat today-stat-warning' : 'today-stat'}>
            <dt>Drifting deals</dt>
            <dd>{view.drifting.length}</dd>
          </div>
        </dl>
      </header>
      <CalendarQuestions />
      {view.pausedUntil && (
        <p className="today-paused" role="status">
          Notifications are paused until {formatTime(view.pausedUntil, view.timeZone)}.{' '}
          <button type="button" className="link-button" onClick={() => void action(() => call('notifications.pause', { minutes: 0 }).then(reload))}>
            Resume now
          </button>
        </p>
      )}

      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>

      {allDone ? (
        <div className="today-alldone" role="status">
          <span className="today-alldone-mark" aria-hidden="true">
            ✓
          </span>
          <div>
            <h2>All done for today</h2>
            <p>No touch is overdue and nothing else is due today. Plan the next step of a deal, or prepare tomorrow&apos;s meetings.</p>
          </div>
        </div>
      ) : (
        <div className="today-touches" onKeyDown={onListKey}>
          <p className="today-keys muted" id="today-keys">
            <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>D</kbd> done · <kbd>S</kbd> snooze · <kbd>K</kbd> skip · <kbd>Enter</kbd> open
          </p>
          {view.overdue.length > 0 && (
            <TouchGroup
              title="Overdue"
              titleId="today-overdue"
              items={overdue}
              total={view.overdue.length}
              view={view}
              selectedId={selected?.touch.id ?? null}
              highlight={highlight}
              registerRow={registerRow}
              snoozeFor={snoozeFor}
              onSelect={(id) => setSelectedId(id)}
              onDone={(item) => setPending({ kind: 'done', item })}
              onSkip={(item) => setPending({ kind: 'skip', item })}
              onSnoozeMenu={setSnoozeFor}
              onSnooze={snooze}
            />
          )}
          {view.overdue.length > overdue.length && (
            <p className="today-more">
              <button type="button" className="secondary" onClick={() => setOverdueShown((n) => n + OVERDUE_PAGE)}>
                Show {Math.min(OVERDUE_PAGE, view.overdue.length - overdue.length)} more overdue ({view.overdue.length - overdue.length} not shown)
              </button>
            </p>
          )}
          {view.today.length > 0 && (
            <TouchGroup
              title="Due today"
              titleId="today-due"
              items={view.today}
              view={view}
              selectedId={selected?.touch.id ?? null}
              highlight={highlight}
              registerRow={registerRow}
              snoozeFor={snoozeFor}
              onSelect={(id) => setSelectedId(id)}
              onDone={(item) => setPending({ kind: 'done', item })}
              onSkip={(item) => setPending({ kind: 'skip', item })}
              onSnoozeMenu={setSnoozeFor}
              onSnooze={snooze}
            />
          )}
        </div>
      )}

      <MeetingsToday meetings={view.meetings} view={view} />
      <DriftingDeals view={view} />

      {pending?.kind === 'done' && (
        <DoneDialog
          item={pending.item}
          onClose={() => {
            focusAfterRender.current = pending.item.touch.id;
            setPending(null);
          }}
          onDone={() => {
            const item = pending.item;
            selectNeighbour(item.touch.id);
            setPending(null);
            setAnnouncement(`Marked ${item.touch.title} done`);
            toast({
              kind: 'info',
              message: `Done: “${item.touch.title}”.`,
              action: { label: 'Undo', run: () => void action(() => call('touches.reopen', { id: item.touch.id })) },
            });
          }}
        />
      )}
      {pending?.kind === 'skip' && (
        <SkipDialog
          item={pending.item}
          onClose={() => {
            focusAfterRender.current = pending.item.touch.id;
            setPending(null);
          }}
          onSkipped={() => {
            const item = pending.item;
            selectNeighbour(item.touch.id);
            setPending(null);
            setAnnouncement(`Skipped ${item.touch.title}`);
            toast({
              kind: 'info',
              message: `Skipped: “${item.touch.title}”.`,
              action: { label: 'Undo', run: () => void action(() => call('touches.reopen', { id: item.touch.id })) },
            });
          }}
        />
      )}
    </section>
  );
}

interface TouchGroupProps {
  title: string;
  titleId: string;
  items: TodayTouchItem[];
  /** How many the group has in all (items may be the first page of them). */
  total?: number;
  view: TodayViewDto;
  selectedId: string | null;
  highlight: string | undefined;
  registerRow: (id: string, element: HTMLLIElement | null) => void;
  snoozeFor: string | null;
  onSelect: (id: string) => void;
  onDone: (item: TodayTouchItem) => void;
  onSkip: (item: TodayTouchItem) => void;
  onSnoozeMenu: (id: string | null) => void;
  onSnooze: (item: TodayTouchItem, preset: SnoozePreset) => void;
}

function TouchGroup(props: TouchGroupProps) {
  const { title, titleId, items, total = items.length } = props;
  return (
    <section className="today-group" aria-labelledby={titleId}>
      <h2 id={titleId} className={title === 'Overdue' ? 'today-group-title today-group-overdue' : 'today-group-title'}>
        {title} <span className="today-count">{total}</span>
      </h2>
      <ul className="today-list" aria-labelledby={titleId} aria-describedby="today-keys">
        {items.map((item) => (
          <TouchRow key={item.touch.id} item={item} {...props} />
        ))}
      </ul>
    </section>
  );
}

function TouchRow({ item, view, selectedId, highlight, registerRow, snoozeFor, onSelect, onDone, onSkip, onSnoozeMenu, onSnooze }: TouchGroupProps & { item: TodayTouchItem }) {
  const { touch } = item;
  const selected = selectedId === touch.id;
  const tab = selected ? 0 : -1;
  const where = [item.prospectName, item.dealTitle].filter(Boolean).join(' — ');
  const classes = ['today-row'];
  if (item.overdue) classes.push('today-row-overdue');
  if (selected) classes.push('today-row-selected');
  if (highlight === touch.id) classes.push('today-row-highlight');
  return (
    <li
      ref={(element) => registerRow(touch.id, element)}
      className={classes.join(' ')}
      tabIndex={tab}
      aria-label={`${touch.title}${where ? `, ${where}` : ''}, ${item.overdue ? `overdue, ${lateness(item.touch.due, view.now, view.timeZone)}` : `due ${dueLabel(item, view)}`}`}
      aria-current={selected ? 'true' : undefined}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onSelect(touch.id);
      }}
      onClick={() => onSelect(touch.id)}
    >
      <div className="today-when">
        <span className="today-time">{dueLabel(item, view)}</span>
        {item.overdue && <span className="today-late">{lateness(item.touch.due, view.now, view.timeZone)}</span>}
      </div>
      <div className="today-what">
        <p className="today-title">
          {touch.title}
          {touch.locked && (
            <span className="badge badge-warning today-lock" title="Locked: does not shift with its sequence">
              Locked
            </span>
          )}
        </p>
        <p className="today-meta">
          <span className="today-channel">{CHANNEL_LABELS[touch.channel]}</span>
          <span>{ACTION_LABELS[touch.action]}</span>
          {where && <span className="today-where">{where}</span>}
        </p>
        <p className="today-value">{touch.value}</p>
      </div>
      <div className="today-actions">
        <button type="button" tabIndex={tab} onClick={() => onDone(item)} aria-label={`Done: ${touch.title}`}>
          Done
        </button>
        <div className="today-snooze">
          <button
            type="button"
            className="secondary"
            tabIndex={tab}
            aria-haspopup="menu"
            aria-expanded={snoozeFor === touch.id}
            aria-label={`Snooze: ${touch.title}`}
            onClick={() => onSnoozeMenu(snoozeFor === touch.id ? null : touch.id)}
          >
            Snooze ▾
          </button>
          {snoozeFor === touch.id && <SnoozeMenu title={touch.title} onPick={(preset) => onSnooze(item, preset)} onClose={() => onSnoozeMenu(null)} />}
        </div>
        <button type="button" className="secondary" tabIndex={tab} onClick={() => onSkip(item)} aria-label={`Skip: ${touch.title}`}>
          Skip
        </button>
        <button type="button" className="secondary" tabIndex={tab} onClick={() => openTouch(item)} aria-label={`Open: ${touch.title}`}>
          Open
        </button>
      </div>
    </li>
  );
}

function SnoozeMenu({ title, onPick, onClose }: { title: string; onPick: (preset: SnoozePreset) => void; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onDocument = (event: MouseEvent) => {
      if (ref.current && !ref.current.parentElement?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDocument);
    return () => document.removeEventListener('mousedown', onDocument);
  }, [onClose]);
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key !== 'Enter' && event.key !== ' ' && event.key !== 'Tab') {
      event.stopPropagation();
    }
  };
  return (
    <div className="today-menu" role="menu" aria-label={`Snooze ${title}`} ref={ref} onKeyDown={onKey}>
      {SNOOZE_OPTIONS.map((option) => (
        <button
          key={option.preset}
          type="button"
          role="menuitem"
          className="today-menu-item"
          onClick={(event) => {
            event.stopPropagation();
            onPick(option.preset);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

function DoneDialog({ item, onClose, onDone }: { item: TodayTouchItem; onClose: () => void; onDone: () => void }) {
  const [note, setNote] = useState('');
  const { run, error } = useFormAction();
  return (
    <Dialog title={`Done: ${item.touch.title}`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => call('touches.complete', { id: item.touch.id, note })).then((ok) => ok && onDone());
        }}
      >
        <label>
          Outcome (optional)
          <textarea
            rows={3}
            value={note}
            autoFocus
            placeholder="What happened? What did they commit to?"
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
            }}
          />
        </label>
        <FormError error={error} />
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit">Mark done</button>
        </div>
      </form>
    </Dialog>
  );
}

function SkipDialog({ item, onClose, onSkipped }: { item: TodayTouchItem; onClose: () => void; onSkipped: () => void }) {
  const [reason, setReason] = useState('');
  const { run, error } = useFormAction();
  return (
    <Dialog title={`Skip: ${item.touch.title}`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => call('touches.skip', { id: item.touch.id, reason })).then((ok) => ok && onSkipped());
        }}
      >
        <label>
          Why skip it?
          <input value={reason} required autoFocus placeholder="e.g. They asked to wait until after the board meeting" onChange={(event) => setReason(event.target.value)} />
        </label>
        <FormError error={error} />
        <div className="form-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit">Skip touch</button>
        </div>
      </form>
    </Dialog>
  );
}

function MeetingsToday({ meetings, view }: { meetings: TodayMeetingItem[]; view: TodayViewDto }) {
  if (meetings.length === 0) return null;
  return (
    <section className="today-section" aria-labelledby="today-meetings">
      <h2 id="today-meetings" className="today-group-title">
        Meetings today <span className="today-count">{meetings.length}</span>
      </h2>
      <ul className="today-meetings">
        {meetings.map(({ meeting, readiness, prospectName, dealTitle }) => {
          const plan = meeting.callPlan;
          const where = [prospectName, dealTitle].filter(Boolean).join(' — ');
          return (
            <li
              key={meeting.id}
              className="today-meeting"
              aria-label={`Meeting: ${meeting.title}`}
            >
              <div className="today-meeting-head">
                <span className="today-time">
                  {meeting.allDay ? 'All day' : `${formatTime(meeting.start, view.timeZone)}–${formatTime(meeting.end, view.timeZone)}`}
                </span>
                {meeting.cancelledAt ? <s>{meeting.title}</s> : <strong>{meeting.title}</strong>}
                <ReadinessBadge readiness={readiness} />
              </div>
              {where && <p className="today-meta">{where}</p>}
              <dl className="today-plan">
                <dt>Ideal outcome</dt>
                <dd>{plan.idealOutcome.trim() || <span className="muted">Not planned yet</span>}</dd>
                <dt>Your ask</dt>
                <dd className="today-ask">{plan.callToAction.trim() || <span className="muted">Not planned yet</span>}</dd>
              </dl>
              {readiness.stage === 'upcoming' && !readiness.ready && (
                <ul className="today-missing" aria-label="Still to do before the meeting">
                  {readiness.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
              <a className="today-link" href={hrefOf({ screen: 'meeting', id: meeting.id })} aria-label={`Open the call plan of ${meeting.title}`}>
                {readiness.stage === 'debrief-due' ? 'Debrief the meeting' : readiness.stage === 'upcoming' && !readiness.ready ? 'Finish the call plan' : 'Open the call plan'}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function DriftingDeals({ view }: { view: TodayViewDto }) {
  if (view.drifting.length === 0) return null;
  return (
    <section className="today-section" aria-labelledby="today-drifting">
      <h2 id="today-drifting" className="today-group-title">
        Drifting deals <span className="today-count">{view.drifting.length}</span>
      </h2>
      <p className="muted today-hint">Every active deal needs a next touch. Plan one to keep these moving.</p>
      <ul className="today-drifting">
        {view.drifting.map((d) => (
          <li key={d.dealId} className="today-drift">
            <div>
              <strong>{d.dealTitle}</strong>
              {d.prospectName && <span className="muted"> · {d.prospectName}</span>}
              <p className="today-drift-why">{d.message}</p>
            </div>
            <a className="today-link" href={hrefOf({ screen: 'deal', id: d.dealId })} aria-label={`Plan the next touch for ${d.dealTitle}`}>
              Plan next touch
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Opens Today when the tray or a notification asks (rendered once, in the app shell). */
export function TodayEvents() {
  useEvent('open.today', () => navigate({ screen: 'today' }));
  useEvent('open.touch', ({ touchId }) => navigate({ screen: 'today', touchId }));
  useEvent('open.meeting', ({ meetingId }) => navigate({ screen: 'meeting', id: meetingId }));
  useEvent('open.newMeeting', () => navigate({ screen: 'calendar', newMeeting: true }));
  return null;
}
