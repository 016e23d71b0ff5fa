// One calendar event (an occurrence read by icsParse) as a meeting's fields: what the .ics import writes and
// what calendar sync writes, so both read events the same way (all-day dates, attendees matched to the
// prospect's contacts, the deal found by the attendees' company domain).
import { meetingTimes } from '../../../shared/domain/meetingTimes';
import { ACTIVE_DEAL_STAGES, type Deal, type Meeting, type Prospect } from '../../../shared/schema';
import type { StoreState } from '../store/state';
import { candidateDomains } from './icsDomains';
import type { IcsOccurrence } from './icsParse';
import type { IcsPerson } from '../../../shared/contract/interop';

export const NO_TITLE = '(No title)';

/** The fields of a meeting that an event owns (its time, title, place, attendees); the rest is the rep's. */
export type EventFields = Pick<Meeting, 'title' | 'start' | 'end' | 'allDay' | 'location' | 'attendeeIds'>;

export function eventFields(o: IcsOccurrence, timeZone: string, prospect: Prospect | undefined, attendeeIds: readonly string[] = []): EventFields {
  const emails = new Set([o.organizer, ...o.attendees].filter((p): p is IcsPerson => p !== null).map((p) => p.email.toLowerCase()).filter(Boolean));
  const ids = new Set(attendeeIds);
  for (const contact of prospect?.contacts ?? []) if (contact.email && emails.has(contact.email.toLowerCase())) ids.add(contact.id);
  return {
    title: (o.title || NO_TITLE).slice(0, 300),
    ...meetingTimes(o.dates ? { allDay: o.dates } : { start: o.start, end: o.end }, timeZone),
    location: o.location.slice(0, 1_000),
    attendeeIds: [...ids],
  };
}

/** The prospect's best deal: an active one first, then the most recently changed. */
export function bestDealOf(state: Pick<StoreState, 'deals'>, prospectId: string): Deal | undefined {
  let best: Deal | undefined;
  for (const deal of state.deals.values()) {
    if (deal.prospectId !== prospectId || deal.archived) continue;
    const active = ACTIVE_DEAL_STAGES.includes(deal.stage);
    const bestActive = best ? ACTIVE_DEAL_STAGES.includes(best.stage) : false;
    if (!best || (active && !bestActive) || (active === bestActive && deal.updatedAt > best.updatedAt)) best = deal;
  }
  return best;
}

/** The deal an event belongs to by its attendees' company domains (the rep's own domains left out), if any. */
export function dealByAttendees(
  o: IcsOccurrence,
  own: Set<string>,
  domainIndex: ReadonlyMap<string, Prospect>,
  state: Pick<StoreState, 'deals' | 'prospects'>,
): { deal: Deal | undefined; prospect: Prospect | undefined } {
  for (const domain of candidateDomains(o, own)) {
    const prospect = domainIndex.get(domain);
    if (prospect) return { deal: bestDealOf(state, prospect.id), prospect };
  }
  return { deal: undefined, prospect: undefined };
}
