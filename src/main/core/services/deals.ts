// Deals: opportunities with a prospect, each moving through stages.
import type { DealInput } from '../../../shared/api';
import { ACTIVE_DEAL_STAGES, dealSchema, type Deal, type DealStage } from '../../../shared/schema';
import { notFound } from '../errors';
import { newRecordFields, type ServiceContext } from './context';
import { createFirstTouch } from './firstTouch';

type ParsedDealInput = Required<Omit<DealInput, 'value' | 'stage' | 'expectedClose'>> & {
  value: number;
  stage: DealStage;
  expectedClose: string | null;
};

export function createDealService(ctx: ServiceContext) {
  const { store } = ctx;
  const get = (id: string): Deal => {
    const deal = store.state.deals.get(id);
    if (!deal) throw notFound('Deal', id);
    return deal;
  };
  const change = (id: string, patch: Partial<Deal>) =>
    store.transact((tx) => {
      const next = dealSchema.parse({ ...get(id), ...patch, updatedAt: ctx.nowIso() });
      tx.put('deals', next);
      return next;
    });

  return {
    get,
    list({ prospectId, includeClosed }: { prospectId?: string; includeClosed: boolean }): Deal[] {
      const result: Deal[] = [];
      for (const deal of store.state.deals.values()) {
        if (prospectId && deal.prospectId !== prospectId) continue;
        if (!includeClosed && (deal.archived || !ACTIVE_DEAL_STAGES.includes(deal.stage))) continue;
        result.push(deal);
      }
      return result.sort((a, b) => a.title.localeCompare(b.title));
    },
    async create(input: ParsedDealInput): Promise<Deal> {
      const deal = dealSchema.parse({ ...input, ...newRecordFields(ctx), archived: false });
      await store.transact((tx) => {
        const prospect = store.state.prospects.get(input.prospectId);
        if (!prospect) throw notFound('Prospect', input.prospectId);
        tx.put('deals', deal);
        createFirstTouch(ctx, tx, { prospectId: deal.prospectId, dealId: deal.id, name: `${prospect.company}: ${deal.title}` });
      });
      return deal;
    },
    update: (id: string, patch: Partial<Deal>) => change(id, patch),
    setArchived: (id: string, archived: boolean) => change(id, { archived }),
    setStage: (id: string, stage: DealStage) => change(id, { stage }),
  };
}
