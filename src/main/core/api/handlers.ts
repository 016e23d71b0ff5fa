// The handlers implementing src/shared/api.ts: each one is a thin call into a service.
import type { AppInfo } from '../../../shared/api';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

export interface HostInfo {
  host: AppInfo['host'];
  version: string;
}

export function createHandlers(services: Services, hostInfo: HostInfo): Handlers {
  const { prospects, deals, settings, app } = services;
  return {
    'app.info': () => app.info(hostInfo),
    'app.dismissNotice': ({ id }) => app.dismissNotice(id),

    'prospects.list': (request) => prospects.list(request),
    'prospects.get': ({ id }) => prospects.get(id),
    'prospects.create': (input) => prospects.create(input),
    'prospects.update': ({ id, patch }) => prospects.update(id, patch),
    'prospects.archive': ({ id, archived }) => prospects.setArchived(id, archived),

    'deals.list': (request) => deals.list(request),
    'deals.get': ({ id }) => deals.get(id),
    'deals.create': (input) => deals.create(input),
    'deals.update': ({ id, patch }) => deals.update(id, patch),
    'deals.archive': ({ id, archived }) => deals.setArchived(id, archived),
    'deals.setStage': ({ id, stage }) => deals.setStage(id, stage),

    'settings.get': () => settings.get(),
    'settings.update': ({ patch }) => settings.update(patch),
  };
}
