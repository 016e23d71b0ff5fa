import { createAppService } from './app';
import type { ServiceContext } from './context';
import { createDealService } from './deals';
import { createProspectService } from './prospects';
import { createSettingsService } from './settings';
import { createCalendarService } from './calendar';

export function createServices(ctx: ServiceContext) {
  return {
    app: createAppService(ctx),
    prospects: createProspectService(ctx),
    deals: createDealService(ctx),
    settings: createSettingsService(ctx),
    calendar: createCalendarService(ctx),
  };
}
export type Services = ReturnType<typeof createServices>;
