import type { calendarChannels } from '../../../../shared/contract/calendar';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const calendarHandlers = ({ calendar }: Services): HandlersFor<typeof calendarChannels> => ({
  'calendar.range': (request) => calendar.range(request),
  'calendar.monthRange': (request) => calendar.monthRange(request),
  'calendar.previewMove': ({ touchId, due, mode }) => calendar.previewMove(touchId, due, mode),
  'calendar.moveTouch': ({ touchId, due, mode }) => calendar.moveTouch(touchId, due, mode),
  'calendar.previewMeetingMove': (target) => calendar.previewMeetingMove(target),
  'calendar.moveMeeting': ({ moveTouches, ...target }) => calendar.moveMeeting(target, moveTouches),
  'calendar.undo': ({ undoId }) => calendar.undo(undoId),
});
