// The Today list: overdue touches, today's touches, today's meetings (with readiness), drifting deals.
// Linear in the data: one pass over each collection, string comparisons of canonical instants and
// dates, and sorting only of the small lists it returns.
import type { Deal, Meeting, Prospect, Settings, Touch } from '../schema';
import { DealDriftScan, DriftClock, type DealDrift, isActiveDeal } from './drifting';
import { type MeetingReadiness, meetingReadiness } from './readiness';
import { type InstantInput, type LocalDate, addCalendarDays, instantKey, instantMs, instantMsAt, toIsoInstant } from './time';

export interface TodayData {
  touches: readonly Touch[];
  meetings: readonly Meeting[];
  deals: readonly Deal[];
  prospects: readonly Prospect[];
}

export interface TodayTouch {
  touch: Touch;
  deal: Deal | null;
  prospect: Prospect | null;
}

export interface TodayMeeting {
  meeting: Meeting;
  readiness: MeetingReadiness;
  deal: Deal | null;
  prospect: Prospect | null;
}

export interface DriftingDeal {
  deal: Deal;
  prospect: Prospect | null;
  drift: DealDrift;
}

export interface TodayView {
  /** Today's local date in settings.timeZone. */
  date: LocalDate;
  /** Planned touches due before now (all-day ones: dated before today), oldest first. */
  overdue: TodayTouch[];
  /** Planned touches due from now to the end of today: all-day ones first, then by time. */
  today: TodayTouch[];
  /** Meetings starting today, by start time. */
  meetings: TodayMeeting[];
  /** Active deals that are drifting, by deal title. */
  drifting: DriftingDeal[];
}

const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }): number =>
  a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The Today list at `now`. */
export function todayView(data: TodayData, now: InstantInput, settings: Settings): TodayView {
  const clock = new DriftClock(now, settings);
  const { today, nowKey } = clock;
  const dayStartKey = toIsoInstant(instantMsAt(today, '00:00', settings.timeZone));
  const dayEndKey = toIsoInstant(instantMsAt(addCalendarDays(today, 1), '00:00', settings.timeZone));

  const prospects = new Map<string, Prospect>();
  for (const p of data.prospects) prospects.set(p.id, p);
  const deals = new Map<string, Deal>();
  for (const d of data.deals) deals.set(d.id, d);
  const context = (
    dealId: string | null,
    prospectId?: string,
  ): { deal: Deal | null; prospect: Prospect | null } => {
    const deal = dealId === null ? null : (deals.get(dealId) ?? null);
    const pid = prospectId ?? deal?.prospectId;
    return { deal, prospect: pid === undefined ? null : (prospects.get(pid) ?? null) };
  };

  // Meetings: today's ones, and the meetings of every active deal for its drift check.
  const meetingsToday: { meeting: Meeting; key: string; touches: Touch[] }[] = [];
  const todayMeetingTouches = new Map<string, Touch[]>();
  const activeMeetings = new Map<string, Meeting[]>();
  for (const d of data.deals) if (isActiveDeal(d)) activeMeetings.set(d.id, []);
  for (const m of data.meetings) {
    const key = instantKey(m.start);
    if (key >= dayStartKey && key < dayEndKey) {
      const touches: Touch[] = [];
      todayMeetingTouches.set(m.id, touches);
      meetingsToday.push({ meeting: m, key, touches });
    }
    if (m.dealId !== null) activeMeetings.get(m.dealId)?.push(m);
  }
  const scans = new Map<string, DealDriftScan>();
  for (const d of data.deals) {
    const meetings = activeMeetings.get(d.id);
    if (meetings) scans.set(d.id, new DealDriftScan(d, meetings, clock));
  }

  // Touches: one pass.
  const hasMeetingsToday = meetingsToday.length > 0;
  const overdue: { touch: Touch; key: string }[] = [];
  const dueToday: { touch: Touch; key: string }[] = [];
  for (const t of data.touches) {
    if (t.dealId !== null) scans.get(t.dealId)?.add(t);
    if (hasMeetingsToday && t.meetingId !== null) todayMeetingTouches.get(t.meetingId)?.push(t);
    if (t.status !== 'planned') continue;
    const due = t.due;
    if (due.allDay) {
      if (due.date < today) overdue.push({ touch: t, key: '' });
      else if (due.date === today) dueToday.push({ touch: t, key: '' });
    } else {
      const key = instantKey(due.at);
      if (key < nowKey) overdue.push({ touch: t, key });
      else if (key < dayEndKey) dueToday.push({ touch: t, key });
    }
  }

  for (const o of overdue) if (o.key === '') o.key = clock.sortKey(o.touch.due);
  const byKey = (a: { touch: Touch; key: string }, b: { touch: Touch; key: string }): number =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : byTitle(a.touch, b.touch);
  overdue.sort(byKey);
  // All-day ones (key '') sort before every timed one.
  dueToday.sort(byKey);

  meetingsToday.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : byTitle(a.meeting, b.meeting)));

  const drifting: DriftingDeal[] = [];
  for (const scan of scans.values()) {
    const drift = scan.result();
    if (!drift) continue;
    const deal = deals.get(scan.deal.id)!;
    drifting.push({ deal, prospect: prospects.get(deal.prospectId) ?? null, drift });
  }
  drifting.sort((a, b) => byTitle(a.deal, b.deal));

  return {
    date: today,
    overdue: overdue.map((o) => ({ touch: o.touch, ...context(o.touch.dealId, o.touch.prospectId) })),
    today: dueToday.map((o) => ({ touch: o.touch, ...context(o.touch.dealId, o.touch.prospectId) })),
    meetings: meetingsToday.map(({ meeting, touches }) => ({
      meeting,
      readiness: meetingReadiness(meeting, touches, settings, instantMs(now)),
      ...context(meeting.dealId),
    })),
    drifting,
  };
}
