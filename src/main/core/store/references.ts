// References between records, checked on load: deals -> prospects, meetings -> deals, touches -> prospects,
// deals and meetings. A dangling link that can go is removed (repaired); a record that cannot stand without its
// target (a deal without its prospect, a touch without any prospect) is set aside in a quarantine file, so
// nothing is lost and the rest of the app never meets a record pointing at nothing.
import type { CollectionName, Deal, Meeting, Prospect, Touch } from '../../../shared/schema';
import type { StoreState } from './state';

type AnyRecord = Prospect | Deal | Meeting | Touch;

export interface ReferenceChange {
  collection: CollectionName;
  before: AnyRecord;
  /** The repaired record, or null when the record is set aside. */
  after: AnyRecord | null;
  /** What was wrong, in words, e.g. "the touch “Recap” named a deal that is gone". */
  what: string;
}

/**
 * Which collections are wholly in memory. A link to a record of an incomplete collection is never judged: the
 * record may simply rest in a history file not loaded yet.
 */
export interface CheckScope {
  prospectsComplete: boolean;
  dealsComplete: boolean;
  meetingsComplete: boolean;
}

export function findDanglingReferences(state: StoreState, scope: CheckScope): ReferenceChange[] {
  const changes: ReferenceChange[] = [];
  const gone = new Set<string>();
  for (const deal of state.deals.values()) {
    if (!scope.prospectsComplete || state.prospects.has(deal.prospectId)) continue;
    gone.add(deal.id);
    changes.push({ collection: 'deals', before: deal, after: null, what: `the deal “${deal.title}” named a prospect that is gone` });
  }
  const dealExists = (id: string | null) => id !== null && state.deals.has(id) && !gone.has(id);
  for (const meeting of state.meetings.values()) {
    if (!scope.dealsComplete || meeting.dealId === null || dealExists(meeting.dealId)) continue;
    changes.push({ collection: 'meetings', before: meeting, after: { ...meeting, dealId: null }, what: `the meeting “${meeting.title}” named a deal that is gone` });
  }
  for (const touch of state.touches.values()) {
    const repaired = repairTouch(touch, state, dealExists, scope);
    if (repaired) changes.push(repaired);
  }
  return changes;
}

function repairTouch(touch: Touch, state: StoreState, dealExists: (id: string | null) => boolean, scope: CheckScope): ReferenceChange | null {
  const lostDeal = scope.dealsComplete && touch.dealId !== null && !dealExists(touch.dealId);
  const lostMeeting = scope.meetingsComplete && touch.meetingId !== null && !state.meetings.has(touch.meetingId);
  const lostProspect = scope.prospectsComplete && !state.prospects.has(touch.prospectId);
  if (!lostDeal && !lostMeeting && !lostProspect) return null;
  const dealProspect = !lostDeal && touch.dealId !== null ? state.deals.get(touch.dealId)?.prospectId : undefined;
  if (lostProspect && dealProspect === undefined) {
    return { collection: 'touches', before: touch, after: null, what: `the touch “${touch.title}” named a prospect that is gone` };
  }
  const after: Touch = {
    ...touch,
    prospectId: lostProspect ? (dealProspect as string) : touch.prospectId,
    dealId: lostDeal ? null : touch.dealId,
    meetingId: lostMeeting ? null : touch.meetingId,
  };
  const target = lostProspect ? 'prospect' : lostDeal ? 'deal' : 'meeting';
  return { collection: 'touches', before: touch, after, what: `the touch “${touch.title}” named a ${target} that is gone` };
}

/** The notice of a repair, in plain words. */
export function referenceNotice(changes: ReferenceChange[], quarantineFile: string | null): string {
  const repaired = changes.filter((change) => change.after !== null).length;
  const setAside = changes.length - repaired;
  const parts: string[] = [];
  if (repaired > 0) parts.push(`${repaired} ${repaired === 1 ? 'was' : 'were'} repaired by removing the missing link`);
  if (setAside > 0) parts.push(`${setAside} could not stand without it and ${setAside === 1 ? 'was' : 'were'} set aside in ${quarantineFile}`);
  const example = changes[0]?.what ?? '';
  return `${changes.length} ${changes.length === 1 ? 'record' : 'records'} pointed at records that are missing (for example, ${example}): ${parts.join('; ')}.`;
}
