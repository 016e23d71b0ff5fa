import type { desktopChannels } from '../../../../shared/contract/desktop';
import type { DesktopService } from '../../host/desktopService';
import type { HandlersFor } from '../dispatch';

export const desktopHandlers = (desktop: DesktopService): HandlersFor<typeof desktopChannels> => ({
  'desktop.openFile': ({ purpose }) => desktop.openFile(purpose),
  'desktop.exportIcs': (request) => desktop.exportIcs(request),
  'desktop.exportBackup': () => desktop.exportBackup(),
  'desktop.printBrief': ({ meetingId }) => desktop.printBrief(meetingId),
  'desktop.saveBriefPdf': ({ meetingId }) => desktop.saveBriefPdf(meetingId),
});
