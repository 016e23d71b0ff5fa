// Channels for the Deals screen (every active deal with its next touch, drift and next meeting) and a deal's timeline.
import { z } from 'zod';
import { idSchema, type Debrief, type Deal, type Prospect, type Touch } from '../schema';
import type { DealDrift } from '../domain/drifting';
import type { MeetingReadiness } from '../domain/readiness';
import type { CarriedCommitment, MeetingWithReadiness } from './meetings';
import { returns } from './returns';

export interface DealOverviewRow {
  deal: Deal;
  prospect: { id: string; company: string };
  /** The earliest planned touch of the deal (it may be overdue). */
  nextTouch: Touch | null;
  drift: DealDrift | null;
  /** The next meeting that has not ended yet. */
  nextMeeting: { id: string; title: string; start: string; readiness: MeetingReadiness } | null;
  /** What the search box looks in, lower-cased: the deal's title, the company, its contacts' names and emails. */
  matchText: string;
}

export type TimelineItem =
  | { kind: 'meeting'; at: string; meeting: MeetingWithReadiness }
  | { kind: 'touch'; at: string; touch: Touch }
  | { kind: 'debrief'; at: string; meetingId: string; meetingTitle: string; debrief: Debrief };

export interface DealTimeline {
  deal: Deal;
  prospect: Prospect;
  /** Newest first. */
  items: TimelineItem[];
  /** What the prospect committed to at the latest debrief. */
  openCommitments: CarriedCommitment[];
  /** Why the deal is drifting, or null. */
  drift: DealDrift | null;
}

export const dealOverviewChannels = {
  'deals.overview': {
    request: z.object({ includeClosed: z.boolean().default(false) }).default({ includeClosed: false }),
    response: returns<DealOverviewRow[]>(),
  },
  'deals.timeline': { request: z.object({ id: idSchema }), response: returns<DealTimeline>() },
} as const;
