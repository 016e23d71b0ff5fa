// Builders for the domain tests: valid settings, touches, meetings, deals and prospects.
import {
  type Deal,
  type Meeting,
  type Prospect,
  type Settings,
  type Touch,
  type TouchDue,
  settingsSchema,
} from '../../../src/shared/schema';

export const AT = '2026-01-01T00:00:00.000Z';

/** A deterministic v4-shaped UUID. */
export const uid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export function settings(patch: Partial<Settings> = {}): Settings {
  return settingsSchema.parse({ timeZone: 'UTC', ...patch });
}

export const allDay = (date: string): TouchDue => ({ allDay: true, date });
export const timed = (at: string): TouchDue => ({ allDay: false, at });

export function touch(patch: Partial<Touch> & { id: string; due: TouchDue }): Touch {
  return {
    createdAt: AT,
    updatedAt: AT,
    prospectId: uid(9000),
    dealId: uid(5000),
    meetingId: null,
    channel: 'email',
    action: 'recap',
    title: 'Send the recap',
    value: 'A written summary',
    status: 'planned',
    locked: false,
    completedAt: null,
    outcomeNote: '',
    skipReason: '',
    ...patch,
  };
}

export function meeting(patch: Partial<Meeting> & { id: string; start: string; end: string }): Meeting {
  return {
    createdAt: AT,
    updatedAt: AT,
    dealId: uid(5000),
    title: 'Discovery call',
    location: '',
    allDay: null,
    cancelledAt: null,
    attendeeIds: [],
    callPlan: {
      needs: '',
      idealOutcome: 'Agree on a proof of concept',
      fallbackOutcome: '',
      callToAction: 'Book the PoC kick-off',
      discoveryQuestions: [],
      storyline: '',
      objections: [],
      carriedCommitments: [],
    },
    debrief: null,
    externalUid: null,
    ...patch,
  };
}

export function deal(patch: Partial<Deal> & { id: string }): Deal {
  return {
    createdAt: AT,
    updatedAt: AT,
    prospectId: uid(9000),
    title: 'Deal',
    value: 0,
    stage: 'discovery',
    expectedClose: null,
    archived: false,
    ...patch,
  };
}

export function prospect(patch: Partial<Prospect> & { id: string }): Prospect {
  return {
    createdAt: AT,
    updatedAt: AT,
    company: 'Acme',
    website: '',
    notes: '',
    contacts: [],
    archived: false,
    ...patch,
  };
}
