import type { AppAppearance, AppInfo, HostCapabilities } from '../../../../shared/api';
import type { appChannels } from '../../../../shared/contract/app';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export interface HostInfo {
  host: AppInfo['host'];
  version: string;
  /** The OS appearance now, where the host reads it (the desktop); absent in the browser host. */
  appearance?: () => AppAppearance;
  capabilities?: HostCapabilities;
}

export const appHandlers = ({ app }: Services, hostInfo: HostInfo): HandlersFor<typeof appChannels> => ({
  'app.info': () =>
    app.info({
      host: hostInfo.host,
      version: hostInfo.version,
      ...appearanceAndLocale(hostInfo),
      capabilities: hostInfo.capabilities ?? { fileDialogs: false, printing: false },
    }),
  'app.dismissNotice': ({ id }) => app.dismissNotice(id),
});

/** The OS appearance and, from it, the locale the renderer formats dates in (the browser host has neither). */
function appearanceAndLocale(hostInfo: HostInfo): Pick<AppInfo, 'appearance' | 'locale'> {
  const appearance = hostInfo.appearance?.() ?? null;
  return appearance ? { appearance, locale: appearance.locale } : { appearance: null };
}
