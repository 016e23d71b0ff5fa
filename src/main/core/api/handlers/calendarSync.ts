import type { calendarSyncChannels } from '../../../../shared/contract/calendarSync';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const calendarSyncHandlers = ({ calendarSync }: Services): HandlersFor<typeof calendarSyncChannels> => ({
  'calendarSync.status': () => calendarSync.status(),
  'calendarSync.connect': (request) => calendarSync.connect(request),
  'calendarSync.subscribe': (request) => calendarSync.subscribe(request),
  'calendarSync.calendars': ({ accountId }) => calendarSync.calendars(accountId),
  'calendarSync.choose': (request) => calendarSync.choose(request),
  'calendarSync.syncNow': ({ accountId }) => calendarSync.syncNow(accountId),
  'calendarSync.pause': ({ accountId, paused }) => calendarSync.pause(accountId, paused),
  'calendarSync.disconnect': ({ accountId }) => calendarSync.disconnect(accountId),
  'calendarSync.answer': ({ questionId, answer }) => calendarSync.answer(questionId, answer),
});
