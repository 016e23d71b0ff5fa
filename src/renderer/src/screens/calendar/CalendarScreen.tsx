// The calendar: meetings and touches of the visible range (asked from main for that range only), filters,
// drag and drop of touches and meetings (main previews, warns, shifts and saves), undo, new meetings and a
// side panel for the clicked item.
import FullCalendar, { type CalendarRef, type DateSelectInfo, type EventClickInfo, type EventDisplayInfo, type EventDropInfo, type EventInput, type EventResizeDoneInfo, type EventSourceFuncInfo } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CalendarEvent, CalendarMeetingEvent, CalendarTouchEvent } from '../../../../shared/contract/calendar';
import { ACTION_LABELS } from '../../../../shared/domain/lint';
import { ACTIONS, type Action, type Settings, type TouchDue } from '../../../../shared/schema';
import { addCalendarDays, calendarDaysBetween } from '../../../../shared/domain/time';
import { call, useEvent, useQuery } from '../../api/client';
import { useToast } from '../../components/Toasts';
import { navigate, useRoute } from '../../router';
import { dateLocaleCode, formatDue, todayIn } from '../../dates';
import { describeMove, formatMeetingTarget, type MeetingTarget } from './moves';
import { recordMove, useMoveHistory } from './moveHistory';
import { MeetingMoveDialog, TouchMoveDialog, type MeetingMoveQuestion, type TouchMoveQuestion } from './MoveDialogs';
import { NewMeetingDialog, type MeetingSlot } from './NewMeetingDialog';
import { SidePanel } from './SidePanel';

/** Short action names for the calendar's small event boxes (the full label is in the tooltip and the panel). */
export const ACTION_SHORT: Record<Action, string> = {
  recap: 'Recap',
  deliver: 'Deliver',
  'custom-demo': 'Custom demo',
  'proof-of-concept': 'Proof of concept',
  'reference-meeting': 'Reference',
  'executive-visit': 'Executive visit',
  'peer-meeting': 'Peer meeting',
  'joint-content': 'Joint content',
  'business-justification': 'Business case',
  call: 'Call',
  other: 'Touch',
};

export const ACTION_COLORS: Record<Action, string> = {
  recap: '#2f5bea',
  deliver: '#0e7c86',
  'custom-demo': '#7b3fd1',
  'proof-of-concept': '#b4421c',
  'reference-meeting': '#1f7a4d',
  'executive-visit': '#a31d5b',
  'peer-meeting': '#5b6b00',
  'joint-content': '#8a5a00',
  'business-justification': '#3d4f7a',
  call: '#496176',
  other: '#667085',
};
/** Meetings are dark in the light theme and slate in the dark one (styles.css). */
const MEETING_COLOR = 'var(--meeting)';


interface Filters {
  dealId: string;
  actions: Action[];
  showDone: boolean;
}

type PendingTouchMove = { kind: 'touch'; touch: CalendarTouchEvent; due: TouchDue; question: TouchMoveQuestion; revert?: () => void };
type PendingMeetingMove = { kind: 'meeting'; meeting: CalendarMeetingEvent; target: MeetingTarget; question: MeetingMoveQuestion; revert?: () => void };

function toInput(event: CalendarEvent): EventInput {
  if (event.kind === 'meeting') {
    return {
      id: event.id,
      title: event.title,
      start: event.start,
      end: event.end,
      allDay: event.allDay,
      color: MEETING_COLOR,
      durationEditable: true,
      startEditable: true,
      extendedProps: { data: event, order: 0 },
    };
  }
  const planned = event.status === 'planned';
  return {
    id: event.id,
    title: `${ACTION_SHORT[event.action]} · ${event.prospectCompany}`,
    start: event.start,
    allDay: event.allDay,
    color: ACTION_COLORS[event.action],
    startEditable: planned,
    durationEditable: false,
    extendedProps: { data: event, order: 0 },
  };
}

/**
 * Where a dropped or resized meeting now is: its dates when it sits in the all-day row (an all-day meeting keeps its
 * length when FullCalendar gives no end), else its start and end. Null for a timed drop without an end.
 */
function meetingTargetOf(
  event: { allDay: boolean; startStr: string; endStr: string; start: Date | null; end: Date | null },
  data: CalendarMeetingEvent,
): MeetingTarget | null {
  if (event.allDay) {
    const startDate = datePart(event.startStr);
    const length = data.allDay ? Math.max(1, calendarDaysBetween(data.start, data.end)) : 1;
    const endDate = event.endStr ? datePart(event.endStr) : addCalendarDays(startDate, length);
    return { allDay: { startDate, endDate: endDate > startDate ? endDate : addCalendarDays(startDate, 1) } };
  }
  if (!event.start || !event.end) return null;
  return { start: event.start.toISOString(), end: event.end.toISOString() };
}

/** The tooltip of a meeting past its planning stage; an upcoming one lists what its plan still needs. */
const MEETING_STAGE_HINT: Partial<Record<CalendarMeetingEvent['stage'], string>> = {
  cancelled: ' (cancelled in your calendar)',
  'debrief-due': ' (debrief due)',
  debriefed: ' (debriefed)',
};

const MONTH_EVENTS_PER_DAY = 3;

/** A day of the month view with more events than it shows: "+N more" opens that day. */
function moreInput({ date, count }: { date: string; count: number }): EventInput {
  return {
    id: `more-${date}`,
    title: `+${count} more`,
    start: date,
    allDay: true,
    editable: false,
    color: 'transparent',
    extendedProps: { more: { date, count }, order: 1 },
  };
}
const moreOf = (info: { event: { extendedProps: Record<string, unknown> } }) =>
  info.event.extendedProps.more as { date: string; count: number } | undefined;

const dataOf = (info: { event: { extendedProps: Record<string, unknown> } }) => info.event.extendedProps.data as CalendarEvent;
/** The selection mirror (a new time range being selected) is an event without our data. */
const maybeDataOf = (info: { event: { extendedProps: Record<string, unknown> } }) =>
  info.event.extendedProps.data as CalendarEvent | undefined;

function EventContent({ info }: { info: EventDisplayInfo }) {
  const more = moreOf(info);
  if (more) return <span className="cal-more-link">+{more.count} more</span>;
  const data = maybeDataOf(info);
  if (!data) {
    return (
      <div className="cal-ev">
        <span className="cal-ev-time">{info.timeText}</span>
        <span className="cal-ev-title">New meeting</span>
      </div>
    );
  }
  if (data.kind === 'meeting') {
    return (
      <div className="cal-ev cal-ev-meeting" title={`${data.title}${MEETING_STAGE_HINT[data.stage] ?? (data.ready ? ' (plan ready)' : ` (plan: ${data.missing.join('; ')})`)}`}>
        {info.timeText && <span className="cal-ev-time">{info.timeText}</span>}
        <span className="cal-ev-title">{data.title}</span>
        {data.cancelled && <span className="cal-sr"> (cancelled)</span>}
        {data.stage === 'upcoming' ? (
          <span className={data.ready ? 'cal-ev-ready' : 'cal-ev-unready'}>
            <span aria-hidden="true">{data.ready ? '✓' : `⚠ ${data.missing.length}`}</span>
            <span className="cal-sr">{data.ready ? ' Plan ready' : ` Plan: ${data.missing.length} to do`}</span>
          </span>
        ) : data.stage === 'debrief-due' ? (
          <span className="cal-ev-unready">Debrief due</span>
        ) : data.stage === 'debriefed' ? (
          <span className="cal-ev-ready">
            <span aria-hidden="true">✓</span>
            <span className="cal-sr"> Debriefed</span>
          </span>
        ) : null}
      </div>
    );
  }
  const tooltip = `${ACTION_LABELS[data.action]}: ${data.title} (${data.prospectCompany})${data.status === 'done' ? ', done' : data.status === 'skipped' ? ', skipped' : ''}${data.overdue ? ', overdue' : ''}${data.locked ? ', locked' : ''}`;
  return (
    <div className="cal-ev cal-ev-touch" title={tooltip}>
      {data.overdue && (
        <span className="cal-ev-overdue" aria-label="Overdue" role="img">
          !
        </span>
      )}
      {info.timeText && <span className="cal-ev-time">{info.timeText}</span>}
      <span className="cal-ev-title">{info.event.title}</span>
      {data.status === 'done' && <span className="cal-ev-status">✓ done</span>}
      {data.status === 'skipped' && <span className="cal-ev-status">skipped</span>}
      {data.locked && <span className="cal-ev-status">locked</span>}
    </div>
  );
}

/** 'YYYY-MM-DD' and 'HH:mm' of a FullCalendar date string, which is written in the calendar's time zone. */
const datePart = (s: string) => s.slice(0, 10);
const timePart = (s: string) => s.slice(11, 16);

function addHour(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return `${String(Math.min(23, (h ?? 0) + 1)).padStart(2, '0')}:${String(m ?? 0).padStart(2, '0')}`;
}

export function CalendarScreen() {
  const settingsQuery = useQuery('settings.get', {});
  const settings = settingsQuery.data;
  if (!settings) {
    return (
      <section className="screen cal-screen" aria-labelledby="calendar-title">
        <header className="screen-header">
          <h1 id="calendar-title">Calendar</h1>
        </header>
        <p className="muted">{settingsQuery.error ?? 'Loading…'}</p>
      </section>
    );
  }
  return <CalendarView settings={settings} />;
}

function CalendarView({ settings }: { settings: Settings }) {
  const toast = useToast();
  const route = useRoute();
  const calendarRef = useRef<CalendarRef>(null);
  /** data-loading on the calendar box says when the visible range's events are being fetched (tests, bench). */
  const mainRef = useRef<HTMLDivElement>(null);
  const deals = useQuery('deals.list', { includeClosed: true });
  const [filters, setFilters] = useState<Filters>({ dealId: '', actions: [], showDone: true });
  const filtersRef = useRef(filters);
  const settingsRef = useRef(settings);
  useLayoutEffect(() => {
    settingsRef.current = settings;
  }, [settings]);
  const [selected, setSelected] = useState<CalendarEvent | null>(null);
  const selectedRef = useRef<string | null>(null);
  useLayoutEffect(() => {
    selectedRef.current = selected ? selected.id : null;
  }, [selected]);
  const [pending, setPending] = useState<PendingTouchMove | PendingMeetingMove | null>(null);
  const [slot, setSlot] = useState<MeetingSlot | null>(null);
  const tz = settings.timeZone;

  const api = () => calendarRef.current?.getApi();

  // Events: only the visible range, asked from main.
  const fetchEvents = useCallback(async (info: EventSourceFuncInfo): Promise<EventInput[]> => {
    const f = filtersRef.current;
    const query = {
      from: info.start.toISOString(),
      to: info.end.toISOString(),
      dealId: f.dealId || undefined,
      actions: f.actions.length > 0 ? f.actions : undefined,
      showDone: f.showDone,
    };
    // The month view asks for a few events a day and "+N more" (a busy month holds hundreds).
    const month = calendarRef.current?.getApi().view.type === 'dayGridMonth';
    const { events, more } = month ? await call('calendar.monthRange', { ...query, maxPerDay: MONTH_EVENTS_PER_DAY }) : { events: await call('calendar.range', query), more: [] };
    const current = selectedRef.current;
    if (current) {
      const fresh = events.find((e) => e.id === current);
      if (fresh) setSelected(fresh);
    }
    return [...events.map(toInput), ...more.map(moreInput)];
  }, []);

  useEffect(() => {
    filtersRef.current = filters;
    api()?.refetchEvents();
  }, [filters]);
  useEvent('data.changed', () => api()?.refetchEvents());

  // #/calendar/YYYY-MM-DD opens that date.
  const routeDate = route.screen === 'calendar' ? route.date : undefined;
  const [initialDate] = useState(routeDate);
  useEffect(() => {
    if (routeDate) api()?.gotoDate(routeDate);
  }, [routeDate]);

  // Saving moves, with an Undo toast and Ctrl+Z (the menu's Undo Move / Redo Move: MoveHistoryEvents).
  const { undo, undoLast } = useMoveHistory();
  const saved = useCallback(
    (result: { changes: Parameters<typeof describeMove>[0]; undoId: string | null }) => {
      recordMove(result.undoId);
      const undoId = result.undoId;
      toast({
        kind: 'info',
        message: describeMove(result.changes),
        action: undoId ? { label: 'Undo', run: () => void undo(undoId) } : undefined,
      });
    },
    [toast, undo],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      undoLast();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoLast]);

  const commitTouchMove = useCallback(
    async (touch: CalendarTouchEvent, due: TouchDue, mode: 'this' | 'later', revert?: () => void) => {
      try {
        saved(await call('calendar.moveTouch', { touchId: touch.id, due, mode }));
      } catch (error) {
        revert?.();
        toast({ kind: 'error', message: (error as Error).message });
      }
    },
    [saved, toast],
  );

  /** The one path of every touch move (drag or date picker): main previews, the rep answers, main saves. */
  const requestTouchMove = useCallback(
    async (touch: CalendarTouchEvent, due: TouchDue, revert?: () => void) => {
      let preview;
      try {
        preview = await call('calendar.previewMove', { touchId: touch.id, due, mode: 'this' });
      } catch (error) {
        revert?.();
        toast({ kind: 'error', message: (error as Error).message });
        return;
      }
      const shiftDefault = settingsRef.current.shiftDefault;
      const askShift = preview.laterCount > 0 && shiftDefault === 'ask';
      const defaultMode = preview.laterCount > 0 && shiftDefault === 'later' ? 'later' : 'this';
      if (!askShift && preview.warnings.length === 0) {
        await commitTouchMove(touch, due, defaultMode, revert);
        return;
      }
      setPending({
        kind: 'touch',
        touch,
        due,
        revert,
        question: { touchTitle: touch.title, target: formatDue(due, settingsRef.current.timeZone), preview, askShift, defaultMode },
      });
    },
    [commitTouchMove, toast],
  );

  const commitMeetingMove = useCallback(
    async (meeting: CalendarMeetingEvent, target: MeetingTarget, moveTouches: boolean, revert?: () => void) => {
      try {
        saved(await call('calendar.moveMeeting', { meetingId: meeting.id, ...target, moveTouches }));
      } catch (error) {
        revert?.();
        toast({ kind: 'error', message: (error as Error).message });
      }
    },
    [saved, toast],
  );

  /** A meeting moved (dragged, or from the side panel): ask whether its follow-ups come along, if any would move. */
  const requestMeetingMove = useCallback(
    async (meeting: CalendarMeetingEvent, target: MeetingTarget, revert?: () => void) => {
      try {
        const { changes } = await call('calendar.previewMeetingMove', { meetingId: meeting.id, ...target });
        if (!changes.some((c) => c.kind === 'touch')) {
          await commitMeetingMove(meeting, target, true, revert);
          return;
        }
        setPending({
          kind: 'meeting',
          meeting,
          target,
          revert,
          question: { meetingTitle: meeting.title, target: formatMeetingTarget(target, settingsRef.current.timeZone), changes },
        });
      } catch (error) {
        revert?.();
        toast({ kind: 'error', message: (error as Error).message });
      }
    },
    [commitMeetingMove, toast],
  );

  const onEventDrop = useCallback(
    async (info: EventDropInfo) => {
      const data = dataOf(info);
      const event = info.event;
      if (data.kind === 'touch') {
        const due: TouchDue = event.allDay ? { allDay: true, date: datePart(event.startStr) } : { allDay: false, at: event.start!.toISOString() };
        await requestTouchMove(data, due, info.revert);
        return;
      }
      const target = meetingTargetOf(event, data);
      if (!target) {
        info.revert();
        toast({ kind: 'error', message: 'A timed meeting needs a start and an end time: drop it on a time in the week or day view.' });
        return;
      }
      await requestMeetingMove(data, target, info.revert);
    },
    [requestTouchMove, requestMeetingMove, toast],
  );

  const onEventResize = useCallback(
    async (info: EventResizeDoneInfo) => {
      const data = dataOf(info);
      const target = data.kind === 'meeting' ? meetingTargetOf(info.event, data) : null;
      if (data.kind !== 'meeting' || !target) {
        info.revert();
        return;
      }
      // Same start, new end: the meeting's follow-ups stay where they are.
      await commitMeetingMove(data, target, true, info.revert);
    },
    [commitMeetingMove],
  );

  // #/calendar/new (the tray's "New meeting…") opens the New meeting dialog for today at the start of the working day.
  const wantsNewMeeting = route.screen === 'calendar' && route.newMeeting === true;
  useEffect(() => {
    if (!wantsNewMeeting) return;
    const s = settingsRef.current;
    const today = todayIn(s.timeZone);
    setSlot({ date: today, start: s.workdayStart, end: addHour(s.workdayStart) });
    navigate({ screen: 'calendar' });
  }, [wantsNewMeeting]);

  const onSelect = useCallback((info: DateSelectInfo) => {
    const s = settingsRef.current;
    if (info.allDay) {
      setSlot({ date: datePart(info.startStr), start: s.workdayStart, end: addHour(s.workdayStart) });
    } else {
      const sameDay = datePart(info.startStr) === datePart(info.endStr);
      setSlot({ date: datePart(info.startStr), start: timePart(info.startStr), end: sameDay ? timePart(info.endStr) : '23:59' });
    }
    calendarRef.current?.getApi().unselect();
  }, []);

  const onEventClick = useCallback((info: EventClickInfo) => {
    info.jsEvent.preventDefault();
    const more = moreOf(info);
    if (more) {
      calendarRef.current?.getApi().changeView('timeGridDay', more.date);
      return;
    }
    setSelected(dataOf(info));
  }, []);

  const businessHours = useMemo(
    () => ({ daysOfWeek: settings.workingDays.map((d) => d % 7), startTime: settings.workdayStart, endTime: settings.workdayEnd }),
    [settings.workingDays, settings.workdayStart, settings.workdayEnd],
  );

  const closePending = (cancelled: boolean) => {
    if (cancelled) pending?.revert?.();
    setPending(null);
  };

  return (
    <section className="screen cal-screen" aria-labelledby="calendar-title">
      <header className="screen-header">
        <h1 id="calendar-title">Calendar</h1>
        <CalendarFilters filters={filters} onChange={setFilters} deals={deals.data ?? []} />
      </header>
      <div className={selected ? 'cal-layout cal-layout-panel' : 'cal-layout'}>
        <div className="cal-main" ref={mainRef} data-loading="true">
          <FullCalendar
            ref={calendarRef}
            plugins={[classicThemePlugin, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
            initialView="dayGridMonth"
            initialDate={initialDate}
            timeZone={tz}
            // The OS locale's code: FullCalendar formats its dates with it (order, names, 12/24 h) as dates.ts
            // does; its button words stay in the UI's language (English), set below.
            locale={dateLocaleCode()}
            firstDay={settings.weekStartsOn}
            headerToolbar={{ start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,timeGridDay,listWeek' }}
            todayText="Today"
            monthText="Month"
            weekTextLong="Week"
            weekTextShort="Week"
            dayText="Day"
            listText="List"
            height="100%"
            nowIndicator
            businessHours={businessHours}
            scrollTime={settings.workdayStart}
            defaultTimedEventDuration="00:30"
            eventDisplay="block"
            columnEventClass="cal-col"
            eventTimeFormat={{ hour: 'numeric', minute: '2-digit' }}
            slotHeaderFormat={{ hour: 'numeric', minute: '2-digit' }}
            dayMaxEvents
            eventOrder="order,start,-duration,allDay,title"
            editable
            selectable
            selectMirror
            events={fetchEvents}
            loading={(isLoading: boolean) => {
              const box = mainRef.current;
              if (!box) return;
              box.setAttribute('data-loading', String(isLoading));
              if (!isLoading) box.setAttribute('data-events-for', calendarRef.current?.getApi().view.title ?? '');
            }}
            eventContent={(info: EventDisplayInfo) => <EventContent info={info} />}
            eventClass={(info: EventDisplayInfo) => {
              if (moreOf(info)) return 'cal-more';
              const data = maybeDataOf(info);
              if (!data) return 'cal-mirror';
              if (data.kind === 'meeting') return `cal-meeting ${data.ready ? 'cal-ready' : 'cal-unready'}${data.cancelled ? ' cal-cancelled' : ''}`;
              return [
                'cal-touch',
                `cal-action-${data.action}`,
                data.status !== 'planned' ? 'cal-done' : '',
                data.overdue ? 'cal-overdue' : '',
                data.locked ? 'cal-locked' : '',
              ]
                .filter(Boolean)
                .join(' ');
            }}
            eventDrop={(info: EventDropInfo) => void onEventDrop(info)}
            eventResize={(info: EventResizeDoneInfo) => void onEventResize(info)}
            select={onSelect}
            eventClick={onEventClick}
          />
        </div>
        {selected && (
          <SidePanel
            event={selected}
            timeZone={tz}
            onClose={() => setSelected(null)}
            onMoveTouch={(touch, due) => void requestTouchMove(touch, due)}
            onMoveMeeting={(meeting, target) => void requestMeetingMove(meeting, target)}
          />
        )}
      </div>
      {pending?.kind === 'touch' && (
        <TouchMoveDialog
          question={pending.question}
          onCancel={() => closePending(true)}
          onConfirm={(mode, remember) => {
            const p = pending;
            closePending(false);
            if (remember) {
              void call('settings.update', { patch: { shiftDefault: mode } }).catch((error: Error) => toast({ kind: 'error', message: error.message }));
            }
            void commitTouchMove(p.touch, p.due, mode, p.revert);
          }}
        />
      )}
      {pending?.kind === 'meeting' && (
        <MeetingMoveDialog
          question={pending.question}
          onCancel={() => closePending(true)}
          onConfirm={(moveTouches) => {
            const p = pending;
            closePending(false);
            void commitMeetingMove(p.meeting, p.target, moveTouches, p.revert);
          }}
        />
      )}
      {slot && (
        <NewMeetingDialog
          slot={slot}
          timeZone={tz}
          defaultDealId={filters.dealId || undefined}
          onClose={() => setSlot(null)}
          onCreated={(meeting) => {
            setSlot(null);
            toast({ kind: 'info', message: `Meeting “${meeting.title}” created.` });
          }}
        />
      )}
    </section>
  );
}

function CalendarFilters({
  filters,
  onChange,
  deals,
}: {
  filters: Filters;
  onChange: (filters: Filters) => void;
  deals: { id: string; title: string }[];
}) {
  const toggleAction = (action: Action, on: boolean) =>
    onChange({ ...filters, actions: on ? [...filters.actions, action] : filters.actions.filter((a) => a !== action) });
  return (
    <div className="cal-filters" role="group" aria-label="Filters">
      <label className="cal-filter">
        Deal
        <select value={filters.dealId} onChange={(e) => onChange({ ...filters, dealId: e.target.value })}>
          <option value="">All deals</option>
          {deals.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <details className="cal-filter-actions">
        <summary>{filters.actions.length === 0 ? 'All actions' : `${filters.actions.length} action${filters.actions.length === 1 ? '' : 's'}`}</summary>
        <fieldset>
          <legend>Show touches with these actions</legend>
          {ACTIONS.map((a) => (
            <label key={a} className="check">
              <input type="checkbox" checked={filters.actions.includes(a)} onChange={(e) => toggleAction(a, e.target.checked)} />
              <span className="cal-swatch" style={{ background: ACTION_COLORS[a] }} aria-hidden="true" />
              {ACTION_LABELS[a]}
            </label>
          ))}
          {filters.actions.length > 0 && (
            <button type="button" className="secondary" onClick={() => onChange({ ...filters, actions: [] })}>
              Show all actions
            </button>
          )}
        </fieldset>
      </details>
      <label className="check cal-filter">
        <input type="checkbox" checked={filters.showDone} onChange={(e) => onChange({ ...filters, showDone: e.target.checked })} /> Show done
      </label>
    </div>
  );
}
