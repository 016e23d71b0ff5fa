import type { prospectChannels } from '../../../../shared/contract/prospects';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const prospectHandlers = ({ prospects }: Services): HandlersFor<typeof prospectChannels> => ({
  'prospects.list': (request) => prospects.list(request),
  'prospects.get': ({ id }) => prospects.get(id),
  'prospects.create': (input) => prospects.create(input),
  'prospects.update': ({ id, patch }) => prospects.update(id, patch),
  'prospects.archive': ({ id, archived }) => prospects.setArchived(id, archived),
});
