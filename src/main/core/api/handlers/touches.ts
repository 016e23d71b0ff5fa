import type { touchChannels } from '../../../../shared/contract/touches';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const touchHandlers = ({ touches }: Services): HandlersFor<typeof touchChannels> => ({
  'touches.list': (request) => touches.list(request),
  'touches.get': ({ id }) => touches.get(id),
  'touches.create': (input) => touches.create(input),
  'touches.update': ({ id, patch }) => touches.update(id, patch),
  'touches.delete': ({ id }) => touches.remove(id),
  'touches.setLocked': ({ id, locked }) => touches.setLocked(id, locked),
});
