// The interop service: calendar files in and out, CSV import from a CRM, and the full backup / restore.
// The parsing and writing modules next to it are plain Node; this file ties them to the store.
import type { BackupExport, BackupRestoreResult, IcsExport, InteropProgress } from '../../../shared/contract/interop';
import { meetingStartDate } from '../../../shared/domain/meetingTimes';
import { dueLocalDate, todayLocalDate } from '../../../shared/domain/time';
import { COLLECTIONS, SCHEMA_VERSION, type Dataset, type Meeting, type Touch } from '../../../shared/schema';
import { invalid } from '../errors';
import type { ServiceContext } from '../services/context';
import { BackupFileError, countsOf, readBackupFile, writeBackupFile } from './backupFile';
import { createCsvImport } from './csvImport';
import { createIcsImport } from './icsImport';
import { writeIcs } from './icsWrite';

export function createInteropService(ctx: ServiceContext) {
  const { store } = ctx;
  const progressListeners = new Set<(progress: InteropProgress) => void>();
  const progress = (p: InteropProgress) => {
    for (const listener of progressListeners) listener(p);
  };
  const ics = createIcsImport(ctx);
  const csv = createCsvImport(ctx, progress);

  const stamp = () => new Date(ctx.clock.now()).toISOString().slice(0, 16).replace(/[:T]/g, '-');

  return {
    /** Listen to progress of long imports (pushed to the renderer as 'interop.progress'). */
    onProgress(listener: (progress: InteropProgress) => void): () => void {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },

    icsPreview: ics.preview,
    icsImport: ics.import,

    icsExport({ from, to }: { from?: string; to?: string }): IcsExport {
      const { settings, meetings, touches, prospects, deals } = store.state;
      const tz = settings.timeZone;
      const inRange = (date: string) => (!from || date >= from) && (!to || date <= to);
      const ranged = Boolean(from || to);
      const pickedMeetings: Meeting[] = [];
      for (const meeting of meetings.values()) if (!ranged || inRange(meetingStartDate(meeting, tz))) pickedMeetings.push(meeting);
      const pickedTouches: Touch[] = [];
      for (const touch of touches.values()) if (!ranged || inRange(dueLocalDate(touch.due, tz))) pickedTouches.push(touch);
      const written = writeIcs({
        meetings: pickedMeetings,
        touches: pickedTouches,
        prospects,
        deals,
        nowMs: ctx.clock.now(),
        workdayStart: settings.workdayStart,
      });
      const today = todayLocalDate(ctx.clock.now(), settings);
      const fileName = ranged ? `touchplan-${from ?? 'start'}-to-${to ?? 'end'}.ics` : `touchplan-${today}.ics`;
      return { text: written.text, fileName, counts: { meetings: written.meetings, touches: written.touches } };
    },

    csvPreview: csv.preview,
    csvImport: csv.import,

    backupExport(): BackupExport {
      const state = store.state;
      const data: Dataset = {
        schemaVersion: SCHEMA_VERSION,
        settings: state.settings,
        prospects: [...state.prospects.values()],
        deals: [...state.deals.values()],
        meetings: [...state.meetings.values()],
        touches: [...state.touches.values()],
        templates: [...state.templates.values()],
        notifiedKeys: [...state.notifiedKeys],
      };
      return { text: writeBackupFile(data, ctx.nowIso(), 'Touchplan'), fileName: `touchplan-backup-${stamp()}.json`, counts: countsOf(data) };
    },

    /**
     * Replaces the whole dataset with a backup file: validated completely first (nothing changes if it fails),
     * then a store backup of the current data ('before-import'), then one transaction removing what the file
     * does not hold and putting what it does.
     */
    async backupRestore({ text }: { text: string }): Promise<BackupRestoreResult> {
      let data: Dataset;
      try {
        data = readBackupFile(text);
      } catch (error) {
        if (error instanceof BackupFileError) throw invalid(`${error.message} Nothing was changed.`);
        throw error;
      }
      const backup = await store.backupNow('before-import');
      await store.transact((tx) => {
        for (const collection of COLLECTIONS) {
          const keep = new Set(data[collection].map((record) => record.id));
          for (const id of store.state[collection].keys()) if (!keep.has(id)) tx.remove(collection, id);
        }
        for (const collection of COLLECTIONS) for (const record of data[collection]) tx.put(collection, record as never);
        tx.setSettings(data.settings);
        tx.addNotifiedKeys(data.notifiedKeys);
      });
      return { counts: countsOf(data), backupName: backup.name };
    },
  };
}
export type InteropService = ReturnType<typeof createInteropService>;
