import type { touchActionChannels } from '../../../../shared/contract/touchActions';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const touchActionHandlers = ({ touchActions }: Services): HandlersFor<typeof touchActionChannels> => ({
  'touches.complete': ({ id, note }) => touchActions.complete(id, note),
  'touches.skip': ({ id, reason }) => touchActions.skip(id, reason),
  'touches.snooze': ({ id, preset }) => touchActions.snooze(id, preset),
  'touches.reopen': ({ id }) => touchActions.reopen(id),
  'today.view': () => touchActions.todayView(),
  'notifications.pause': ({ minutes }) => touchActions.pauseNotifications(minutes),
  'host.panel': () => touchActions.hostPanel(),
});
