// What each request needs of history (meetings and finished touches of past quarters, closed deals and dormant
// prospects, left on disk at open; see store/history.ts), loaded before the request is answered. A request for a record by id that is not in
// memory loads the rest of history and is answered again (handlers.ts), so an old record is never "missing".
import type { Channel, ParsedRequestOf } from '../../../shared/api';
import { isActiveDeal } from '../../../shared/domain/drifting';
import { instantKey } from '../../../shared/domain/time';
import type { ServiceContext } from './context';

type Need<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<void> | void;
type Needs = { [C in Channel]?: Need<C> };

export function createHistoryService(ctx: ServiceContext) {
  const { history } = ctx.store;
  const all = () => history.loadAll();
  const resting = () => history.loadResting();
  const dates = (from: string, to: string) => history.loadDates(from.slice(0, 10), to.slice(0, 10));

  /**
   * A deal's latest past meeting decides its drift and the commitments carried into its next meeting. Memory
   * holds every meeting after the history cut, so only a deal with no past meeting in memory may need history.
   */
  const dealsWithPastMeetings = (): Set<string | null> => {
    const nowKey = instantKey(new Date(ctx.clock.now()).toISOString());
    const met = new Set<string | null>();
    for (const meeting of ctx.store.state.meetings.values()) if (instantKey(meeting.start) < nowKey) met.add(meeting.dealId);
    return met;
  };
  const forDeal = (dealId: string | null | undefined) => (dealId && !history.complete('meetings') && !dealsWithPastMeetings().has(dealId) ? all() : undefined);

  const needs: Needs = {
    'calendar.range': (r) => dates(r.from, r.to),
    'calendar.monthRange': (r) => dates(r.from, r.to),
    'deals.timeline': all,
    'deals.list': resting,
    'prospects.list': resting,
    'interop.csv.preview': resting,
    'interop.csv.import': resting,
    'deals.overview': async ({ includeClosed }) => {
      if (includeClosed) await resting();
      if (history.complete('meetings')) return;
      const met = dealsWithPastMeetings();
      for (const deal of ctx.store.state.deals.values()) if (isActiveDeal(deal) && !met.has(deal.id)) return all();
    },
    'meetings.get': ({ id }) => forDeal(ctx.store.state.meetings.get(id)?.dealId),
    'meetings.brief': ({ id }) => forDeal(ctx.store.state.meetings.get(id)?.dealId),
    'meetings.list': (r) => (r.from && r.to && !r.dealId ? dates(r.from, r.to) : all()),
    'touches.list': all,
    'interop.ics.preview': all,
    'interop.ics.import': all,
    'interop.ics.export': (r) => (r.from && r.to ? dates(r.from, r.to) : all()),
    'interop.backup.export': all,
    'interop.backup.restore': all,
    'desktop.exportIcs': (r) => (r.from && r.to ? dates(r.from, r.to) : all()),
    'desktop.exportBackup': all,
    'desktop.printBrief': ({ meetingId }) => forDeal(ctx.store.state.meetings.get(meetingId)?.dealId),
    'desktop.saveBriefPdf': ({ meetingId }) => forDeal(ctx.store.state.meetings.get(meetingId)?.dealId),
  };

  return {
    /** Loads what `channel` needs of history before it is answered. */
    async prepare<C extends Channel>(channel: C, request: ParsedRequestOf<C>): Promise<void> {
      await (needs[channel] as Need<C> | undefined)?.(request);
    },
    /** True when every record is in memory (nothing is left to look for on disk). */
    complete: () => history.complete(),
    loadAll: all,
  };
}
