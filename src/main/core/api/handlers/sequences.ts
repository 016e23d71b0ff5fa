import type { sequenceChannels } from '../../../../shared/contract/sequences';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const sequenceHandlers = ({ sequences }: Services): HandlersFor<typeof sequenceChannels> => ({
  'sequences.preview': (request) => sequences.preview(request),
  'sequences.apply': (request) => sequences.apply(request),
});
