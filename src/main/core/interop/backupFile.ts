// The full backup file: the whole dataset as one versioned JSON document, and its validation on restore.
// Plain Node: no Electron, no store.
import { z } from 'zod';
import type { DatasetCounts } from '../../../shared/contract/interop';
import { datasetSchema, SCHEMA_VERSION, type Dataset } from '../../../shared/schema';

export const BACKUP_FORMAT = 'touchplan-backup';
/** The version of the envelope; the records inside follow SCHEMA_VERSION. */
export const BACKUP_FORMAT_VERSION = 1;

export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

const backupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  app: z.string().default(''),
  data: datasetSchema,
});

export function countsOf(data: Pick<Dataset, 'prospects' | 'deals' | 'meetings' | 'touches' | 'templates'>): DatasetCounts {
  return {
    prospects: data.prospects.length,
    deals: data.deals.length,
    meetings: data.meetings.length,
    touches: data.touches.length,
    templates: data.templates.length,
  };
}

export function writeBackupFile(data: Dataset, exportedAt: string, app: string): string {
  return JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, exportedAt, app, data });
}

/** Parses and validates a backup file completely; throws BackupFileError saying what is wrong. */
export function readBackupFile(text: string): Dataset {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new BackupFileError('This is not a Touchplan backup: the file is not valid JSON (it may be cut off or another kind of file).');
  }
  const envelope = json as { format?: unknown; formatVersion?: unknown; data?: { schemaVersion?: unknown } } | null;
  if (!envelope || typeof envelope !== 'object' || envelope.format !== BACKUP_FORMAT) {
    throw new BackupFileError('This is not a Touchplan backup: it lacks the "touchplan-backup" format marker.');
  }
  const version = envelope.data?.schemaVersion;
  if (typeof envelope.formatVersion === 'number' && envelope.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(`This backup was written by a newer version of Touchplan (backup format ${envelope.formatVersion}); update Touchplan to restore it.`);
  }
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new BackupFileError(`This backup was written by a newer version of Touchplan (data version ${version}; this one reads up to ${SCHEMA_VERSION}); update Touchplan to restore it.`);
  }
  const parsed = backupFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    const more = parsed.error.issues.length > 5 ? ` and ${parsed.error.issues.length - 5} more problems` : '';
    throw new BackupFileError(`The backup is damaged: ${issues.join('; ')}${more}.`);
  }
  const data = parsed.data.data;
  checkReferences(data);
  return data;
}

/** Ids are unique per collection and every reference points at a record of the file. */
function checkReferences(data: Dataset): void {
  const problems: string[] = [];
  const ids = (name: string, records: { id: string }[]) => {
    const set = new Set<string>();
    for (const record of records) {
      if (set.has(record.id)) problems.push(`${name}: the id ${record.id} is used twice`);
      set.add(record.id);
    }
    return set;
  };
  const prospects = ids('prospects', data.prospects);
  const deals = ids('deals', data.deals);
  const meetings = ids('meetings', data.meetings);
  ids('touches', data.touches);
  ids('templates', data.templates);
  for (const deal of data.deals) if (!prospects.has(deal.prospectId)) problems.push(`deal ${deal.id} belongs to a prospect not in the file`);
  for (const meeting of data.meetings) if (meeting.dealId && !deals.has(meeting.dealId)) problems.push(`meeting ${meeting.id} belongs to a deal not in the file`);
  for (const touch of data.touches) {
    if (!prospects.has(touch.prospectId)) problems.push(`touch ${touch.id} belongs to a prospect not in the file`);
    else if (touch.dealId && !deals.has(touch.dealId)) problems.push(`touch ${touch.id} belongs to a deal not in the file`);
    else if (touch.meetingId && !meetings.has(touch.meetingId)) problems.push(`touch ${touch.id} follows a meeting not in the file`);
  }
  if (problems.length > 0) {
    const more = problems.length > 5 ? ` and ${problems.length - 5} more problems` : '';
    throw new BackupFileError(`The backup is inconsistent: ${problems.slice(0, 5).join('; ')}${more}.`);
  }
}
