// The handlers implementing src/shared/api.ts, merged from one file per area (api/handlers/<area>.ts).
// Each handler is a thin call into a service, after what it needs of history is loaded.
import type { Channel } from '../../../shared/api';
import { ApiFailure } from '../errors';
import type { Services } from '../services';
import type { Handler, Handlers } from './dispatch';
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
import { calendarSyncHandlers } from './handlers/calendarSync';
import { desktopHandlers } from './handlers/desktop';
import { createDesktopService, type DesktopService } from '../host/desktopService';

export type { HostInfo } from './handlers/app';

/** `desktop`: the host's file dialogs and printer, served through core's ports (none by default). */
export function createHandlers(
  services: Services,
  hostInfo: HostInfo,
  desktop: DesktopService = createDesktopService({ interop: services.interop, brief: (id) => services.meetings.brief(id) }),
): Handlers {
  return withHistory(services.history, {
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
    ...calendarSyncHandlers(services),
    ...desktopHandlers(desktop),
  });
}

/**
 * Wraps every handler: history the request needs is loaded first, and a request naming a record that is not in
 * memory while history is still on disk loads the rest of history and is answered again.
 */
function withHistory(history: Services['history'], handlers: Handlers): Handlers {
  const wrapped: Partial<Record<Channel, Handler<Channel>>> = {};
  for (const channel of Object.keys(handlers) as Channel[]) {
    const handler = handlers[channel] as Handler<Channel>;
    wrapped[channel] = async (request) => {
      await history.prepare(channel, request);
      try {
        return await handler(request);
      } catch (error) {
        if (!(error instanceof ApiFailure) || error.code !== 'not-found' || history.complete()) throw error;
        await history.loadAll();
        return handler(request);
      }
    };
  }
  return wrapped as Handlers;
}
