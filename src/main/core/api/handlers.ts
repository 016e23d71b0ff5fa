// The handlers implementing src/shared/api.ts, merged from one file per area (api/handlers/<area>.ts).
// Each handler is a thin call into a service.
import type { Services } from '../services';
import type { Handlers } from './dispatch';
import { appHandlers, type HostInfo } from './handlers/app';
import { dealHandlers } from './handlers/deals';
import { prospectHandlers } from './handlers/prospects';
import { settingsHandlers } from './handlers/settings';
import { calendarHandlers } from './handlers/calendar';

export type { HostInfo } from './handlers/app';

export function createHandlers(services: Services, hostInfo: HostInfo): Handlers {
  return {
    ...appHandlers(services, hostInfo),
    ...prospectHandlers(services),
    ...dealHandlers(services),
    ...settingsHandlers(services),
    ...calendarHandlers(services),
  };
}
