import { createAppService } from './app';
import type { ServiceContext } from './context';
import { createDealService } from './deals';
import { createProspectService } from './prospects';
import { createSettingsService } from './settings';
import { createMeetingService } from './meetings';
import { createTouchService } from './touches';
import { createTemplateService } from './templates';
import { createSequenceService } from './sequences';
import { createDealOverviewService } from './dealOverview';
import { createCalendarService } from './calendar';
import { createTouchActionService } from './touchActions';
import { createInteropService } from '../interop/service';
import { createBackupService } from './backups';
import { createHistoryService } from './history';
import { memorySecretStore } from '../ports';
import { createSyncRunner, type SyncPorts } from '../sync/runner';
import { createCalendarSyncService } from '../sync/service';

/** `ports`: how calendar sync reaches servers and keeps passwords (fetch and memory only when absent). */
export function createServices(ctx: ServiceContext, ports: Partial<SyncPorts> = {}) {
  const syncPorts: SyncPorts = { secrets: ports.secrets ?? memorySecretStore(), fetch: ports.fetch ?? globalThis.fetch };
  const syncRunner = createSyncRunner(ctx, syncPorts, ctx.clock);
  return {
    app: createAppService(ctx),
    prospects: createProspectService(ctx),
    deals: createDealService(ctx),
    settings: createSettingsService(ctx),
    meetings: createMeetingService(ctx),
    touches: createTouchService(ctx),
    templates: createTemplateService(ctx),
    sequences: createSequenceService(ctx),
    dealOverview: createDealOverviewService(ctx),
    calendar: createCalendarService(ctx),
    touchActions: createTouchActionService(ctx),
    interop: createInteropService(ctx),
    backups: createBackupService(ctx),
    history: createHistoryService(ctx),
    syncRunner,
    calendarSync: createCalendarSyncService(ctx, syncPorts, syncRunner),
  };
}
export type Services = ReturnType<typeof createServices>;
