// Drifting deals: an active deal with no next touch, or whose first touch after a meeting is late.
import { ACTIVE_DEAL_STAGES, type Deal, type Meeting, type Settings, type Touch } from '../schema';
import { addBusinessDays } from './businessDays';
import {
  type InstantInput,
  type LocalDate,
  instantKey,
  instantMsAt,
  localDateOf,
  localTimeOf,
  toIsoInstant,
  todayLocalDate,
} from './time';

export type DriftReason = 'no-next-touch' | 'late-first-touch';

export interface DealDrift {
  reason: DriftReason;
  message: string;
}

type DriftTouch = Pick<Touch, 'dealId' | 'meetingId' | 'due' | 'status'>;
/** cancelledAt is optional so callers holding only the times can still ask; a cancelled meeting needs no follow-up. */
type DriftMeeting = Pick<Meeting, 'id' | 'dealId' | 'title' | 'start' | 'end'> & { cancelledAt?: string | null };

/** True if the deal is still being worked: an active stage and not archived. */
export function isActiveDeal(deal: Pick<Deal, 'stage' | 'archived'>): boolean {
  return !deal.archived && ACTIVE_DEAL_STAGES.includes(deal.stage);
}

/** What every drift check of one moment shares (computed once for a whole Today list). */
export class DriftClock {
  readonly nowKey: string;
  readonly today: LocalDate;
  private readonly allDayKeys = new Map<string, string>();

  constructor(
    now: InstantInput,
    readonly settings: Settings,
  ) {
    this.nowKey = instantKey(now);
    this.today = todayLocalDate(now, settings);
  }

  /** Overdue: a timed due before now, an all-day due before today. */
  isOverdue(due: Touch['due']): boolean {
    return due.allDay ? due.date < this.today : instantKey(due.at) < this.nowKey;
  }

  /** A string ordering dues; an all-day due sorts at the start of the working day of its date. */
  sortKey(due: Touch['due']): string {
    if (!due.allDay) return instantKey(due.at);
    let key = this.allDayKeys.get(due.date);
    if (key === undefined) {
      key = toIsoInstant(instantMsAt(due.date, this.settings.workdayStart, this.settings.timeZone));
      this.allDayKeys.set(due.date, key);
    }
    return key;
  }
}

/**
 * The drift check of one deal, fed one touch at a time (so the Today list checks every deal in a
 * single pass over all touches). Use dealDrift() for a single deal.
 */
export class DealDriftScan {
  private readonly meeting: DriftMeeting | null = null;
  private readonly meetingEndKey: string = '';
  private readonly meetingEndDate: LocalDate = '';
  private hasNextTouch = false;
  private first: { touch: DriftTouch; key: string } | null = null;

  constructor(
    readonly deal: Pick<Deal, 'id' | 'stage' | 'archived'>,
    meetingsOfDeal: readonly DriftMeeting[],
    private readonly clock: DriftClock,
  ) {
    let latestStartKey = '';
    for (const m of meetingsOfDeal) {
      if (m.dealId !== deal.id || m.cancelledAt) continue;
      const endKey = instantKey(m.end);
      if (endKey > clock.nowKey) continue;
      const startKey = instantKey(m.start);
      if (this.meeting === null || startKey > latestStartKey) {
        this.meeting = m;
        this.meetingEndKey = endKey;
        latestStartKey = startKey;
      }
    }
    if (this.meeting) this.meetingEndDate = localDateOf(this.meeting.end, clock.settings.timeZone);
  }

  add(touch: DriftTouch): void {
    if (touch.dealId !== this.deal.id) return;
    if (touch.status === 'planned' && !this.hasNextTouch && !this.clock.isOverdue(touch.due)) {
      this.hasNextTouch = true;
    }
    const m = this.meeting;
    if (!m || touch.status === 'skipped') return;
    const followsMeeting =
      touch.meetingId === m.id ||
      (touch.due.allDay ? touch.due.date >= this.meetingEndDate : instantKey(touch.due.at) >= this.meetingEndKey);
    if (!followsMeeting) return;
    const key = this.clock.sortKey(touch.due);
    if (this.first === null || key < this.first.key) this.first = { touch, key };
  }

  result(): DealDrift | null {
    if (!isActiveDeal(this.deal)) return null;
    const { settings } = this.clock;
    const m = this.meeting;
    if (m) {
      const meetingDate = localDateOf(m.start, settings.timeZone);
      const first = this.first?.touch;
      if (first && first.status === 'planned' && this.clock.isOverdue(first.due)) {
        const due = first.due.allDay
          ? first.due.date
          : `${localDateOf(first.due.at, settings.timeZone)} ${localTimeOf(first.due.at, settings.timeZone)}`;
        return {
          reason: 'late-first-touch',
          message: `The first follow-up after "${m.title}" (${meetingDate}) was due ${due} and is not done yet.`,
        };
      }
      if (!first && this.clock.today > addBusinessDays(meetingDate, 1, settings)) {
        return {
          reason: 'late-first-touch',
          message: `Nobody followed up "${m.title}" (${meetingDate}): every meeting gets a first touch within one business day. Plan one today.`,
        };
      }
    }
    if (!this.hasNextTouch) {
      return {
        reason: 'no-next-touch',
        message: 'No next touch is planned: plan the next milestone action so the deal keeps moving.',
      };
    }
    return null;
  }
}

/**
 * Why an active deal is drifting, or null. 'late-first-touch' (checked first, as the more specific):
 * the first follow-up of the latest past meeting (the earliest non-skipped touch of that meeting or
 * of the deal after the meeting's end) is planned and overdue, or there is none and more than one
 * business day has passed since the meeting. 'no-next-touch': no planned touch is due now or later
 * (overdue touches do not count). Won, lost and archived deals never drift.
 */
export function dealDrift(
  deal: Pick<Deal, 'id' | 'stage' | 'archived'>,
  touchesOfDeal: readonly DriftTouch[],
  meetingsOfDeal: readonly DriftMeeting[],
  now: InstantInput,
  settings: Settings,
): DealDrift | null {
  if (!isActiveDeal(deal)) return null;
  const scan = new DealDriftScan(deal, meetingsOfDeal, new DriftClock(now, settings));
  for (const t of touchesOfDeal) scan.add(t);
  return scan.result();
}
