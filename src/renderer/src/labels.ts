import { formatNumber } from './dates';
import type { DealStage } from '../../shared/schema';

export const STAGE_NAMES: Record<DealStage, string> = {
  discovery: 'Discovery',
  evaluation: 'Evaluation',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  won: 'Won',
  lost: 'Lost',
};

/** A deal's value as a whole number in the OS locale. */
export const money = formatNumber;
