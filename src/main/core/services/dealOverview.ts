// The Deals screen's query (every deal with its next touch, drift and next meeting, in one pass over the
// touches) and a deal's timeline (meetings, touches and debriefs, newest first).
import { DealDriftScan, DriftClock, isActiveDeal } from '../../../shared/domain/drifting';
import { instantKey } from '../../../shared/domain/time';
import type { DealOverviewRow, DealTimeline, TimelineItem } from '../../../shared/contract/dealOverview';
import type { CarriedCommitment } from '../../../shared/contract/meetings';
import type { Deal, Meeting, Touch } from '../../../shared/schema';
import { notFound } from '../errors';
import type { ServiceContext } from './context';
import { getDeal, readinessOf } from './planCommon';

const byTitle = new Intl.Collator(undefined, { sensitivity: 'base' });

interface Row {
  deal: Deal;
  scan: DealDriftScan;
  nextTouch: Touch | null;
  nextKey: string;
  nextMeeting: Meeting | null;
}

export function createDealOverviewService(ctx: ServiceContext) {
  const { store } = ctx;
  return {
    overview({ includeClosed }: { includeClosed: boolean }): DealOverviewRow[] {
      const { state } = store;
      const clock = new DriftClock(ctx.clock.now(), state.settings);
      const meetingsByDeal = new Map<string, Meeting[]>();
      for (const deal of state.deals.values()) {
        if (includeClosed || isActiveDeal(deal)) meetingsByDeal.set(deal.id, []);
      }
      for (const meeting of state.meetings.values()) {
        if (meeting.dealId !== null) meetingsByDeal.get(meeting.dealId)?.push(meeting);
      }
      const rows = new Map<string, Row>();
      const nextMeetingTouches = new Map<string, Touch[]>();
      for (const [dealId, meetings] of meetingsByDeal) {
        const deal = state.deals.get(dealId) as Deal;
        let nextMeeting: Meeting | null = null;
        for (const m of meetings) {
          if (instantKey(m.end) <= clock.nowKey) continue;
          if (!nextMeeting || instantKey(m.start) < instantKey(nextMeeting.start)) nextMeeting = m;
        }
        rows.set(dealId, { deal, scan: new DealDriftScan(deal, meetings, clock), nextTouch: null, nextKey: '', nextMeeting });
      }
      // Each listed deal's own touches, from the store's index (not the whole history).
      for (const row of rows.values()) {
        for (const touch of store.touchIndex.ofDeal(row.deal.id).values()) {
          row.scan.add(touch);
          if (touch.status !== 'planned') continue;
          const key = clock.sortKey(touch.due);
          if (row.nextTouch === null || key < row.nextKey) {
            row.nextTouch = touch;
            row.nextKey = key;
          }
        }
        if (row.nextMeeting) nextMeetingTouches.set(row.nextMeeting.id, [...store.touchIndex.ofMeeting(row.nextMeeting.id).values()]);
      }
      const result: (DealOverviewRow & { key: string })[] = [];
      for (const row of rows.values()) {
        const prospect = state.prospects.get(row.deal.prospectId);
        const m = row.nextMeeting;
        result.push({
          deal: row.deal,
          prospect: { id: row.deal.prospectId, company: prospect?.company ?? '' },
          nextTouch: row.nextTouch,
          drift: row.scan.result(),
          nextMeeting: m
            ? { id: m.id, title: m.title, start: m.start, readiness: readinessOf(ctx, m, nextMeetingTouches.get(m.id) ?? []) }
            : null,
          matchText: [row.deal.title, prospect?.company ?? '', ...(prospect?.contacts ?? []).flatMap((c) => [c.name, c.email])]
            .join('\n')
            .toLowerCase(),
          key: row.nextKey || '~',
        });
      }
      // Drifting deals first, then by next touch, then by title.
      result.sort(
        (a, b) =>
          Number(b.drift !== null) - Number(a.drift !== null) ||
          (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
          byTitle.compare(a.deal.title, b.deal.title),
      );
      return result.map(({ key: _key, ...row }) => row);
    },

    timeline(id: string): DealTimeline {
      const { state } = store;
      const deal = getDeal(ctx, id);
      const prospect = state.prospects.get(deal.prospectId);
      if (!prospect) throw notFound('Prospect', deal.prospectId);
      const clock = new DriftClock(ctx.clock.now(), state.settings);
      const meetings: Meeting[] = [];
      for (const m of state.meetings.values()) if (m.dealId === id) meetings.push(m);
      const byMeeting = new Map<string, Touch[]>(meetings.map((m) => [m.id, []]));
      const items: (TimelineItem & { key: string })[] = [];
      const scan = new DealDriftScan(deal, meetings, clock);
      for (const touch of state.touches.values()) {
        if (touch.meetingId !== null) byMeeting.get(touch.meetingId)?.push(touch);
        if (touch.dealId !== id) continue;
        scan.add(touch);
        const at = clock.sortKey(touch.due);
        items.push({ kind: 'touch', at, touch, key: at });
      }
      let latest: Meeting | null = null;
      for (const meeting of meetings) {
        const key = instantKey(meeting.start);
        items.push({ kind: 'meeting', at: meeting.start, meeting: { ...meeting, readiness: readinessOf(ctx, meeting, byMeeting.get(meeting.id) ?? []) }, key });
        if (meeting.debrief) {
          const at = meeting.debrief.recordedAt;
          // A debrief sorts just after its meeting when it was recorded before the meeting's end.
          const debriefKey = instantKey(at) > key ? instantKey(at) : `${key}+`;
          items.push({ kind: 'debrief', at, meetingId: meeting.id, meetingTitle: meeting.title, debrief: meeting.debrief, key: debriefKey });
          if (!latest || key > instantKey(latest.start)) latest = meeting;
        }
      }
      items.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
      const from = latest;
      const openCommitments: CarriedCommitment[] =
        from?.debrief?.theirCommitments.map((c) => ({
          text: c.text,
          due: c.due,
          meetingId: from.id,
          meetingTitle: from.title,
          meetingStart: from.start,
        })) ?? [];
      return {
        deal,
        prospect,
        items: items.map(({ key: _key, ...item }) => item as TimelineItem),
        openCommitments,
        drift: scan.result(),
      };
    },
  };
}
