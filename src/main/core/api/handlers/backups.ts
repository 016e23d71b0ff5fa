import type { backupChannels } from '../../../../shared/contract/backups';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const backupHandlers = ({ backups }: Services): HandlersFor<typeof backupChannels> => ({
  'store.backups.list': () => backups.list(),
  'store.backups.create': () => backups.create(),
  'store.backups.restore': ({ name }) => backups.restore(name),
});
