import type { meetingChannels } from '../../../../shared/contract/meetings';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const meetingHandlers = ({ meetings }: Services): HandlersFor<typeof meetingChannels> => ({
  'meetings.list': (request) => meetings.list(request),
  'meetings.get': ({ id }) => meetings.get(id),
  'meetings.create': (input) => meetings.create(input),
  'meetings.update': ({ id, patch }) => meetings.update(id, patch),
  'meetings.delete': ({ id }) => meetings.remove(id),
  'meetings.debrief': (request) => meetings.debrief(request),
  'meetings.brief': ({ id }) => meetings.brief(id),
});
