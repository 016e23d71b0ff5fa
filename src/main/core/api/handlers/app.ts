import type { AppInfo } from '../../../../shared/api';
import type { appChannels } from '../../../../shared/contract/app';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export interface HostInfo {
  host: AppInfo['host'];
  version: string;
  locale?: string;
}

export const appHandlers = ({ app }: Services, hostInfo: HostInfo): HandlersFor<typeof appChannels> => ({
  'app.info': () => app.info(hostInfo),
  'app.dismissNotice': ({ id }) => app.dismissNotice(id),
});
