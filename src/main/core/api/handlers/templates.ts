import type { templateChannels } from '../../../../shared/contract/templates';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const templateHandlers = ({ templates }: Services): HandlersFor<typeof templateChannels> => ({
  'templates.list': () => templates.list(),
  'templates.get': ({ id }) => templates.get(id),
  'templates.create': (input) => templates.create(input),
  'templates.update': ({ id, patch }) => templates.update(id, patch),
  'templates.duplicate': ({ id }) => templates.duplicate(id),
  'templates.delete': ({ id }) => templates.remove(id),
});
