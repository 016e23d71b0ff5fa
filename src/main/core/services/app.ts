// App-level facts for the renderer: which host, which version, where the data lives, what the user must know.
import type { AppInfo } from '../../../shared/api';
import type { ServiceContext } from './context';

export function createAppService(ctx: ServiceContext) {
  return {
    info(host: Pick<AppInfo, 'host' | 'version' | 'locale' | 'appearance' | 'capabilities'>): AppInfo {
      return { ...host, dataDir: ctx.store.dataDir, notices: [...ctx.store.notices] };
    },
    dismissNotice(id: string): null {
      const index = ctx.store.notices.findIndex((notice) => notice.id === id);
      if (index >= 0) ctx.store.notices.splice(index, 1);
      return null;
    },
  };
}
