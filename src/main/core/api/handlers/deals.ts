import type { dealChannels } from '../../../../shared/contract/deals';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const dealHandlers = ({ deals }: Services): HandlersFor<typeof dealChannels> => ({
  'deals.list': (request) => deals.list(request),
  'deals.get': ({ id }) => deals.get(id),
  'deals.create': (input) => deals.create(input),
  'deals.update': ({ id, patch }) => deals.update(id, patch),
  'deals.archive': ({ id, archived }) => deals.setArchived(id, archived),
  'deals.setStage': ({ id, stage }) => deals.setStage(id, stage),
});
