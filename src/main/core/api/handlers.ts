// The handlers implementing src/shared/api.ts, merged from one file per area (api/handlers/<area>.ts).
// Each handler is a thin call into a service.
import type { Services } from '../services';
import type { Handlers } from './dispatch';
import { appHandlers, type HostInfo } from './handlers/app';
import { dealHandlers } from './handlers/deals';
import { prospectHandlers } from './handlers/prospects';
import { settingsHandlers } from './handlers/settings';
import { meetingHandlers } from './handlers/meetings';
import { touchHandlers } from './handlers/touches';
import { templateHandlers } from './handlers/templates';
import { sequenceHandlers } from './handlers/sequences';
import { dealOverviewHandlers } from './handlers/dealOverview';
import { calendarHandlers } from './handlers/calendar';
import { touchActionHandlers } from './handlers/touchActions';
import { interopHandlers } from './handlers/interop';
import { backupHandlers } from './handlers/backups';

export type { HostInfo } from './handlers/app';

export function createHandlers(services: Services, hostInfo: HostInfo): Handlers {
  return {
    ...appHandlers(services, hostInfo),
    ...prospectHandlers(services),
    ...dealHandlers(services),
    ...settingsHandlers(services),
    ...meetingHandlers(services),
    ...touchHandlers(services),
    ...templateHandlers(services),
    ...sequenceHandlers(services),
    ...dealOverviewHandlers(services),
    ...calendarHandlers(services),
    ...touchActionHandlers(services),
    ...interopHandlers(services),
    ...backupHandlers(services),
  };
}
