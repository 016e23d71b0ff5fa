import type { interopChannels } from '../../../../shared/contract/interop';
import type { Services } from '../../services';
import type { HandlersFor } from '../dispatch';

export const interopHandlers = ({ interop }: Services): HandlersFor<typeof interopChannels> => ({
  'interop.ics.preview': (request) => interop.icsPreview(request),
  'interop.ics.import': (request) => interop.icsImport(request),
  'interop.ics.export': (request) => interop.icsExport(request),
  'interop.csv.preview': (request) => interop.csvPreview(request),
  'interop.csv.import': (request) => interop.csvImport(request),
  'interop.backup.export': () => interop.backupExport(),
  'interop.backup.restore': (request) => interop.backupRestore(request),
});
