import type { settingsChannels } from '../../../../shared/contract/settings';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const settingsHandlers = ({ settings }: Services): HandlersFor<typeof settingsChannels> => ({
  'settings.get': () => settings.get(),
  'settings.update': ({ patch }) => settings.update(patch),
});
