import { createAppService } from './app';
import type { ServiceContext } from './context';
import { createDealService } from './deals';
import { createProspectService } from './prospects';
import { createSettingsService } from './settings';

export function createServices(ctx: ServiceContext) {
  return {
    app: createAppService(ctx),
    prospects: createProspectService(ctx),
    deals: createDealService(ctx),
    settings: createSettingsService(ctx),
  };
}
export type Services = ReturnType<typeof createServices>;
