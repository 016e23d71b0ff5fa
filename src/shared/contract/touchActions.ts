// Channels for what the rep does with a touch on Today (and from the tray): done, skip, snooze, reopen; the Today
// lists themselves; pausing notifications; and the browser host's developer panel.
import { z } from 'zod';
import type { NotificationRequest, TrayModel } from '../hostModels';
import type { MeetingReadiness } from '../domain/readiness';
import { idSchema, type Meeting, type Touch } from '../schema';
import { returns } from './returns';

export const SNOOZE_PRESETS = ['hour', 'tomorrow', 'nextBusinessDay'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

export interface TodayTouchItem {
  touch: Touch;
  prospectName: string | null;
  dealTitle: string | null;
  overdue: boolean;
}

export interface TodayMeetingItem {
  meeting: Meeting;
  prospectName: string | null;
  dealTitle: string | null;
  readiness: MeetingReadiness;
}

export interface TodayDriftingItem {
  dealId: string;
  dealTitle: string;
  prospectName: string | null;
  reason: 'no-next-touch' | 'late-first-touch';
  message: string;
}

export interface TodayCountsDto {
  /** Every touch on today's list (overdue ones included). */
  touches: number;
  overdue: number;
  meetings: number;
  meetingsWithoutPlan: number;
}

export interface TodayViewDto {
  /** Today's local date in the rep's time zone. */
  date: string;
  /** The instant the lists were computed at (the host's clock). */
  now: string;
  /** The rep's time zone (settings.timeZone): show times in it. */
  timeZone: string;
  overdue: TodayTouchItem[];
  today: TodayTouchItem[];
  meetings: TodayMeetingItem[];
  drifting: TodayDriftingItem[];
  counts: TodayCountsDto;
  /** Notifications are paused until this instant, or null. */
  pausedUntil: string | null;
}

export interface HostPanel {
  notifications: (NotificationRequest & { shownAt: string })[];
  tray: TrayModel | null;
}

export const touchActionChannels = {
  'touches.complete': {
    request: z.object({ id: idSchema, note: z.string().max(20_000).optional() }),
    response: returns<Touch>(),
  },
  'touches.skip': {
    request: z.object({ id: idSchema, reason: z.string().trim().min(1, 'Say why you skip it').max(2_000) }),
    response: returns<Touch>(),
  },
  'touches.snooze': {
    request: z.object({ id: idSchema, preset: z.enum(SNOOZE_PRESETS) }),
    response: returns<Touch>(),
  },
  'touches.reopen': { request: z.object({ id: idSchema }), response: returns<Touch>() },
  'today.view': { request: z.object({}).default({}), response: returns<TodayViewDto>() },
  'notifications.pause': {
    request: z.object({ minutes: z.number().int().min(0).max(24 * 60) }),
    response: returns<{ pausedUntil: string | null }>(),
  },
  'host.panel': { request: z.object({}).default({}), response: returns<HostPanel>() },
} as const;
