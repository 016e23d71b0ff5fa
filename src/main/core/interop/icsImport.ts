// Importing meetings from a calendar file: a preview (what would be new, updated, skipped, and which deal or
// prospect each event looks like it belongs to), then the import itself in one transaction. Re-importing the
// same file updates the meetings it created (matched by externalUid: the UID, or "<UID>#<recurrence instant>"
// for an occurrence of a series), and a file exported by Touchplan updates the meetings it came from.
// The file is read in a worker thread (icsInWorker.ts). A cancellation (STATUS:CANCELLED, METHOD:CANCEL) of an
// event imported earlier marks its meeting cancelled; its planned touches are skipped or kept, as the rep chooses.
// All-day events become all-day meetings with their dates as the file has them.
import type { IcsImportResult, IcsLink, IcsPerson, IcsPreview, IcsPreviewEvent } from '../../../shared/contract/interop';
import { meetingTimes } from '../../../shared/domain/meetingTimes';
import { addCalendarDays, instantMsAt, todayLocalDate } from '../../../shared/domain/time';
import {
  ACTIVE_DEAL_STAGES,
  dealSchema,
  meetingSchema,
  prospectSchema,
  type Deal,
  type Meeting,
  type Prospect,
} from '../../../shared/schema';
import { invalid, notFound } from '../errors';
import { newRecordFields, type ServiceContext } from '../services/context';
import { createFirstTouch } from '../services/firstTouch';
import { touchesOfMeeting } from '../services/planCommon';
import { companyFromDomain, emailDomain, prospectsByDomain } from './domains';
import { candidateDomains, organizerDomainOf, ownDomains } from './icsDomains';
import { parseIcsInWorker } from './icsInWorker';
import { IcsError, type IcsOccurrence, type IcsRemovedOccurrence } from './icsParse';

interface PlannedEvent {
  occurrence: IcsOccurrence;
  status: IcsPreviewEvent['status'];
  reason?: string;
  /** An occurrence the series no longer has (EXDATE). */
  removed?: boolean;
  meeting?: Meeting;
  suggestedDeal?: IcsPreviewEvent['suggestedDeal'];
  suggestedProspect?: IcsPreviewEvent['suggestedProspect'];
}

interface Plan {
  calendarName: string;
  window: IcsPreview['window'];
  events: PlannedEvent[];
  /** The rep's company domain as the file shows it (the calendar owner's, else the usual organizer's). */
  organizerDomain: string;
}

const NO_TITLE = '(No title)';

export function createIcsImport(ctx: ServiceContext) {
  const { store } = ctx;

  const plan = async (text: string, windowDays: number): Promise<Plan> => {
    const settings = store.state.settings;
    const today = todayLocalDate(ctx.clock.now(), settings);
    const lastDay = addCalendarDays(today, windowDays);
    const windowStartMs = instantMsAt(today, '00:00', settings.timeZone);
    const windowEndMs = instantMsAt(lastDay, '00:00', settings.timeZone);
    let parsed;
    try {
      parsed = await parseIcsInWorker(text, { timeZone: settings.timeZone, windowStartMs, windowEndMs });
    } catch (error) {
      if (error instanceof IcsError) throw invalid(error.message);
      throw invalid(`The calendar file cannot be read: ${(error as Error).message}. Nothing was imported.`);
    }

    const byExternalUid = new Map<string, Meeting>();
    for (const meeting of store.state.meetings.values()) if (meeting.externalUid) byExternalUid.set(meeting.externalUid, meeting);
    const domainIndex = prospectsByDomain(store.state.prospects.values());
    const own = ownDomains(parsed.calendarName, parsed.occurrences);
    if (settings.ownDomain) own.add(settings.ownDomain);
    const seen = new Set<string>();

    const events = parsed.occurrences.map((occurrence): PlannedEvent => {
      const skip = (reason: string): PlannedEvent => ({ occurrence, status: 'skipped', reason });
      if (occurrence.problem) return skip(occurrence.problem);
      const tp = occurrence.touchplan;
      if (tp && (tp.kind === 'touch' || store.state.touches.has(tp.id))) return skip('A Touchplan touch: it is already in Touchplan.');
      if (seen.has(occurrence.key)) return skip('The same event appears twice in the file.');
      seen.add(occurrence.key);
      if (!occurrence.inWindow) {
        return skip(Date.parse(occurrence.end) <= windowStartMs ? 'In the past (before today).' : `After the import window (${windowDays} days).`);
      }
      const meeting = (tp && store.state.meetings.get(tp.id)) || byExternalUid.get(occurrence.key);
      if (occurrence.cancelled) {
        return meeting ? { occurrence, status: 'cancelled', reason: CANCELLED_REASON, meeting } : skip('Cancelled in the calendar.');
      }
      const suggestion = suggest(occurrence, meeting, own, domainIndex);
      return { occurrence, status: meeting ? 'updated' : 'new', ...(meeting ? { meeting } : {}), ...suggestion };
    });
    // Occurrences removed from their series (EXDATE): a meeting imported for one earlier is cancelled.
    for (const gone of parsed.removed) {
      const occurrence = removedOccurrence(gone);
      const meeting = byExternalUid.get(gone.key);
      events.push(
        meeting
          ? { occurrence, status: 'cancelled', reason: REMOVED_REASON, meeting, removed: true }
          : { occurrence, status: 'skipped', reason: 'Removed from the series in the calendar.', removed: true },
      );
    }
    // A cancelled series also takes its meetings the file did not list (beyond the window, or never expanded).
    const listed = new Set(events.flatMap((e) => (e.meeting ? [e.meeting.id] : [])));
    for (const uid of parsed.cancelledSeries) {
      for (const meeting of store.state.meetings.values()) {
        const key = meeting.externalUid ?? '';
        if (listed.has(meeting.id) || (key !== uid && !key.startsWith(`${uid}#`)) || Date.parse(meeting.end) <= windowStartMs) continue;
        events.push({ occurrence: occurrenceOf(meeting, uid), status: 'cancelled', reason: CANCELLED_REASON, meeting });
      }
    }
    return {
      calendarName: parsed.calendarName,
      window: { from: today, to: addCalendarDays(lastDay, -1), days: windowDays },
      events,
      organizerDomain: organizerDomainOf(parsed.calendarName, parsed.occurrences),
    };
  };

  const suggest = (
    occurrence: IcsOccurrence,
    meeting: Meeting | undefined,
    own: Set<string>,
    domainIndex: Map<string, Prospect>,
  ): Pick<PlannedEvent, 'suggestedDeal' | 'suggestedProspect'> => {
    const current = meeting?.dealId ? store.state.deals.get(meeting.dealId) : undefined;
    if (current) {
      const prospect = store.state.prospects.get(current.prospectId);
      return { suggestedDeal: dealSummary(current, prospect) };
    }
    const domains = candidateDomains(occurrence, own);
    for (const domain of domains) {
      const prospect = domainIndex.get(domain);
      if (!prospect) continue;
      const deal = bestDealOf(prospect.id);
      return {
        ...(deal ? { suggestedDeal: dealSummary(deal, prospect) } : {}),
        suggestedProspect: { company: prospect.company, domain, prospectId: prospect.id },
      };
    }
    const first = domains[0];
    return first ? { suggestedProspect: { company: companyFromDomain(first), domain: first } } : {};
  };

  const plannedTouchesOf = (meetingId: string) => touchesOfMeeting(ctx, meetingId).filter((t) => t.status === 'planned');

  const bestDealOf = (prospectId: string): Deal | undefined => {
    let best: Deal | undefined;
    for (const deal of store.state.deals.values()) {
      if (deal.prospectId !== prospectId || deal.archived) continue;
      const active = ACTIVE_DEAL_STAGES.includes(deal.stage);
      const bestActive = best ? ACTIVE_DEAL_STAGES.includes(best.stage) : false;
      if (!best || (active && !bestActive) || (active === bestActive && deal.updatedAt > best.updatedAt)) best = deal;
    }
    return best;
  };

  const dealSummary = (deal: Deal, prospect: Prospect | undefined) => ({
    id: deal.id,
    title: deal.title,
    prospectId: deal.prospectId,
    company: prospect?.company ?? '',
  });

  return {
    async preview(request: { text: string; fileName: string; windowDays: number }): Promise<IcsPreview> {
      const { calendarName, window, events } = await plan(request.text, request.windowDays);
      const counts = { new: 0, updated: 0, skipped: 0, cancelled: 0 };
      // An occurrence removed from its series is listed with the series, not counted as a skipped event.
      for (const event of events) if (!(event.removed && event.status === 'skipped')) counts[event.status]++;
      return {
        fileName: request.fileName,
        calendarName,
        window,
        counts,
        events: events.map(({ occurrence: o, status, reason, removed, meeting, suggestedDeal, suggestedProspect }) => ({
          key: o.key,
          uid: o.uid,
          ...(o.recurrenceId ? { recurrenceId: o.recurrenceId } : {}),
          title: o.title || NO_TITLE,
          location: o.location,
          start: o.start,
          end: o.end,
          allDay: o.allDay,
          ...(o.dates ? { dates: o.dates } : {}),
          ...(o.moved ? { moved: true } : {}),
          ...(removed ? { removed: true } : {}),
          ...(status === 'cancelled' && meeting ? { plannedTouches: plannedTouchesOf(meeting.id).length } : {}),
          organizer: o.organizer,
          attendees: o.attendees,
          status,
          ...(reason ? { reason } : {}),
          ...(meeting ? { meetingId: meeting.id } : {}),
          ...(suggestedDeal ? { suggestedDeal } : {}),
          ...(suggestedProspect ? { suggestedProspect } : {}),
        })),
      };
    },

    async import(request: { text: string; windowDays: number; links: IcsLink[]; cancelledTouches?: 'keep' | 'skip' }): Promise<IcsImportResult> {
      const { events, organizerDomain } = await plan(request.text, request.windowDays);
      const importable = events.filter((e) => e.status === 'new' || e.status === 'updated');
      const cancelled = events.filter((e) => e.status === 'cancelled');
      const linkOf = resolveLinks(request.links, events);

      return store.transact((tx) => {
        const now = ctx.nowIso();
        // The rep's first import tells their own domain, which is never offered as a prospect again.
        if (!store.state.settings.ownDomain && organizerDomain) tx.setSettings({ ...store.state.settings, ownDomain: organizerDomain });
        const result: IcsImportResult = {
          created: 0,
          updated: 0,
          skipped: events.filter((e) => e.status === 'skipped' && !e.removed).length,
          cancelled: 0,
          touchesSkipped: 0,
          prospectsCreated: 0,
          dealsCreated: 0,
          meetingIds: [],
        };
        // Prospects (and a deal for each) created or reused for "create prospect from domain", once per domain.
        const domainIndex = prospectsByDomain(store.state.prospects.values());
        const createdFor = new Map<string, { prospect: Prospect; deal: Deal }>();
        const dealForNewProspect = (spec: { company: string; domain?: string }): { prospect: Prospect; deal: Deal } => {
          const domain = (spec.domain ?? '').trim().toLowerCase();
          const key = domain || `company:${spec.company.trim().toLowerCase()}`;
          const done = createdFor.get(key);
          if (done) return done;
          const participants = importable
            .flatMap((e) => [e.occurrence.organizer, ...e.occurrence.attendees])
            .filter((p): p is IcsPerson => p !== null && p.email !== '' && domain !== '' && emailDomain(p.email) === domain);
          let prospect =
            (domain ? domainIndex.get(domain) : undefined) ??
            [...store.state.prospects.values()].find((p) => p.company.trim().toLowerCase() === spec.company.trim().toLowerCase());
          const contacts = [...(prospect?.contacts ?? [])];
          for (const person of participants) {
            if (contacts.some((c) => c.email.toLowerCase() === person.email)) continue;
            contacts.push({ id: ctx.newId(), name: person.name.slice(0, 200) || person.email, role: '', email: person.email, phone: '' });
          }
          if (prospect) {
            if (contacts.length !== prospect.contacts.length) {
              prospect = prospectSchema.parse({ ...prospect, contacts, updatedAt: now });
              tx.put('prospects', prospect);
            }
          } else {
            prospect = prospectSchema.parse({ ...newRecordFields(ctx), company: spec.company.trim(), website: domain, notes: '', contacts, archived: false });
            tx.put('prospects', prospect);
            result.prospectsCreated++;
          }
          let deal = bestDealOf(prospect.id);
          if (!deal || !ACTIVE_DEAL_STAGES.includes(deal.stage)) {
            deal = dealSchema.parse({ ...newRecordFields(ctx), prospectId: prospect.id, title: `${prospect.company} opportunity`.slice(0, 200) });
            tx.put('deals', deal);
            createFirstTouch(ctx, tx, { prospectId: prospect.id, dealId: deal.id, name: prospect.company });
            result.dealsCreated++;
          }
          const made = { prospect, deal };
          createdFor.set(key, made);
          return made;
        };

        for (const event of importable) {
          const o = event.occurrence;
          const link = linkOf(o);
          let dealId = event.meeting?.dealId ?? null;
          let prospect: Prospect | undefined;
          if (link?.createProspect) {
            const made = dealForNewProspect(link.createProspect);
            dealId = made.deal.id;
            prospect = made.prospect;
          } else {
            if (link?.dealId) dealId = link.dealId;
            const deal = dealId ? store.state.deals.get(dealId) : undefined;
            prospect = deal ? store.state.prospects.get(deal.prospectId) : undefined;
          }
          const emails = new Set([o.organizer, ...o.attendees].filter((p): p is IcsPerson => p !== null).map((p) => p.email).filter(Boolean));
          const attendeeIds = new Set(event.meeting?.attendeeIds ?? []);
          for (const contact of prospect?.contacts ?? []) if (contact.email && emails.has(contact.email.toLowerCase())) attendeeIds.add(contact.id);
          const fields = {
            dealId,
            title: (o.title || NO_TITLE).slice(0, 300),
            ...meetingTimes(o.dates ? { allDay: o.dates } : { start: o.start, end: o.end }, store.state.settings.timeZone),
            location: o.location.slice(0, 1_000),
            attendeeIds: [...attendeeIds],
            // An event the calendar lists again, not cancelled, stands again.
            cancelledAt: null,
          };
          const meeting = event.meeting
            ? meetingSchema.parse({ ...event.meeting, ...fields, updatedAt: now })
            : meetingSchema.parse({ ...newRecordFields(ctx), ...fields, externalUid: o.key, callPlan: {}, debrief: null });
          tx.put('meetings', meeting);
          result.meetingIds.push(meeting.id);
          if (event.meeting) result.updated++;
          else result.created++;
        }
        for (const { meeting } of cancelled) {
          if (!meeting) continue;
          if (!meeting.cancelledAt) tx.put('meetings', { ...meeting, cancelledAt: now, updatedAt: now });
          if (request.cancelledTouches === 'skip') {
            for (const touch of plannedTouchesOf(meeting.id)) {
              tx.put('touches', { ...touch, status: 'skipped', completedAt: now, skipReason: CANCELLED_SKIP_REASON, updatedAt: now });
              result.touchesSkipped++;
            }
          }
          result.cancelled++;
        }
        return result;
      });
    },
  };

  /** Link per occurrence: one naming its occurrence wins over one naming the whole series (its UID). */
  function resolveLinks(links: IcsLink[], events: PlannedEvent[]) {
    const byKey = new Map<string, IcsLink>();
    const known = new Set(events.flatMap((e) => [e.occurrence.key, e.occurrence.uid]));
    for (const link of links) {
      const key = link.recurrenceId ? `${link.uid}#${link.recurrenceId}` : link.uid;
      if (!known.has(key)) throw invalid(`There is no event ${key} in this calendar file to link. Nothing was imported.`);
      if (link.dealId && !store.state.deals.has(link.dealId)) throw notFound('Deal', link.dealId);
      byKey.set(key, link);
    }
    return (o: IcsOccurrence) => byKey.get(o.key) ?? byKey.get(o.uid);
  }
}

const CANCELLED_REASON = 'Cancelled in the calendar: the meeting will be marked cancelled.';
const CANCELLED_SKIP_REASON = 'The meeting was cancelled in the calendar.';

const REMOVED_REASON = 'Removed from the series in the calendar: the meeting will be marked cancelled.';

/** A preview row for an occurrence removed from its series. */
function removedOccurrence(gone: IcsRemovedOccurrence): IcsOccurrence {
  return {
    key: gone.key,
    uid: gone.uid,
    recurrenceId: gone.recurrenceId,
    title: gone.title,
    location: '',
    description: '',
    start: gone.start,
    end: gone.start,
    allDay: /^\d{4}-\d{2}-\d{2}$/.test(gone.recurrenceId),
    organizer: null,
    attendees: [],
    cancelled: true,
    inWindow: true,
    touchplan: null,
  };
}

/** A preview row for a meeting of a cancelled series that the file itself does not list. */
function occurrenceOf(meeting: Meeting, uid: string): IcsOccurrence {
  const key = meeting.externalUid ?? uid;
  const recurrenceId = key.startsWith(`${uid}#`) ? key.slice(uid.length + 1) : undefined;
  return {
    key,
    uid,
    ...(recurrenceId ? { recurrenceId } : {}),
    title: meeting.title,
    location: meeting.location,
    description: '',
    start: meeting.start,
    end: meeting.end,
    allDay: meeting.allDay !== null,
    ...(meeting.allDay ? { dates: meeting.allDay } : {}),
    organizer: null,
    attendees: [],
    cancelled: true,
    inWindow: true,
    touchplan: null,
  };
}
