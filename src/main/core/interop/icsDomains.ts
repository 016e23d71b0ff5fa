// Whose company an event's people belong to: the rep's own domains (the calendar owner's, the one in most events,
// the usual organizer's) and, apart from those and free-mail domains, the companies an event suggests.
import { emailDomain, isFreeMail } from './domains';
import type { IcsOccurrence } from './icsParse';

/**
 * The rep's own domains: the calendar owner's (Google names the calendar after its owner's address) and any
 * domain taking part in most of the file's events (the rep is in all of them).
 */
export function ownDomains(calendarName: string, occurrences: IcsOccurrence[]): Set<string> {
  const own = new Set<string>();
  if (calendarName.includes('@')) own.add(emailDomain(calendarName));
  const perEvent = new Map<string, Set<string>>();
  for (const o of occurrences) {
    const domains = perEvent.get(o.uid) ?? new Set<string>();
    for (const person of [o.organizer, ...o.attendees]) if (person?.email) domains.add(emailDomain(person.email));
    perEvent.set(o.uid, domains);
  }
  const withPeople = [...perEvent.values()].filter((d) => d.size > 0);
  if (withPeople.length >= 3) {
    const counts = new Map<string, number>();
    for (const domains of withPeople) for (const d of domains) counts.set(d, (counts.get(d) ?? 0) + 1);
    for (const [domain, count] of counts) if (count / withPeople.length >= 0.6) own.add(domain);
  }
  return own;
}

/** The calendar owner's domain (Google names the calendar after its owner), else the most frequent organizer's. */
export function organizerDomainOf(calendarName: string, occurrences: IcsOccurrence[]): string {
  if (calendarName.includes('@') && !isFreeMail(emailDomain(calendarName))) return emailDomain(calendarName);
  const counts = new Map<string, number>();
  for (const o of occurrences) {
    const domain = o.organizer?.email ? emailDomain(o.organizer.email) : '';
    if (domain && !isFreeMail(domain)) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  let best = '';
  for (const [domain, count] of counts) if (count > (counts.get(best) ?? 0)) best = domain;
  return best;
}

/** Company domains of an event's people, attendees first (the organizer is usually the rep). */
export function candidateDomains(o: IcsOccurrence, own: Set<string>): string[] {
  const organizerDomain = o.organizer?.email ? emailDomain(o.organizer.email) : '';
  const result: string[] = [];
  const add = (domain: string) => {
    if (domain && !own.has(domain) && !isFreeMail(domain) && !result.includes(domain)) result.push(domain);
  };
  for (const person of o.attendees) if (person.email && emailDomain(person.email) !== organizerDomain) add(emailDomain(person.email));
  add(organizerDomain);
  return result;
}
