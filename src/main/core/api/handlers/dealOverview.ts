import type { dealOverviewChannels } from '../../../../shared/contract/dealOverview';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const dealOverviewHandlers = ({ dealOverview }: Services): HandlersFor<typeof dealOverviewChannels> => ({
  'deals.overview': (request) => dealOverview.overview(request),
  'deals.timeline': ({ id }) => dealOverview.timeline(id),
});
