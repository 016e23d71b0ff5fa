// The desktop host's files and printing, behind core's ports: open dialogs hand the chosen file's content to
// the page (which previews and imports it through the usual interop channels), save dialogs receive the .ics
// export as a stream and the backup as one file, and the meeting brief goes to the printer or to a PDF file.
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import type { OpenedFile, OpenPurpose, SavedFile } from '../../../shared/contract/desktop';
import type { DatasetCounts } from '../../../shared/contract/interop';
import { invalid } from '../errors';
import type { InteropService } from '../interop/service';
import type { DocumentPrinter, FileDialogs } from '../ports';
import { openDialogRequest, saveDialogRequest } from './fileDialogRequests';
import { writeChunksToFile } from './fileSink';

/** The same cap as the interop channels' file fields. */
export const MAX_OPENED_FILE_BYTES = 50 * 1024 * 1024;

export interface DesktopDeps {
  interop: Pick<InteropService, 'icsExportStream' | 'backupExport' | 'backupFileName'>;
  brief(meetingId: string): { html: string; fileName: string };
  dialogs?: FileDialogs;
  printer?: DocumentPrinter;
}

const NO_DIALOGS = 'This host has no file dialogs: choose the file with the field on the page.';
const NO_PRINTER = 'This host cannot print: open the brief and print it from the browser.';

export function createDesktopService(deps: DesktopDeps) {
  const dialogs = (): FileDialogs => {
    if (!deps.dialogs) throw invalid(NO_DIALOGS);
    return deps.dialogs;
  };
  const printer = (): DocumentPrinter => {
    if (!deps.printer) throw invalid(NO_PRINTER);
    return deps.printer;
  };

  return {
    async openFile(purpose: OpenPurpose): Promise<OpenedFile | null> {
      const path = await dialogs().chooseFileToOpen(openDialogRequest(purpose));
      if (path === null) return null;
      const stat = await fs.stat(path).catch(() => null);
      if (!stat?.isFile()) throw invalid(`${basename(path)} cannot be read: it is not a file.`);
      if (stat.size > MAX_OPENED_FILE_BYTES) throw invalid(`${basename(path)} is too large (over 50 MB).`);
      const bytes = await fs.readFile(path);
      return purpose === 'csv.import'
        ? { name: basename(path), content: bytes.toString('base64'), encoding: 'base64' }
        : { name: basename(path), content: bytes.toString('utf8'), encoding: 'text' };
    },

    async exportIcs(range: { from?: string; to?: string }): Promise<(SavedFile & { counts: { meetings: number; touches: number } }) | null> {
      const exported = deps.interop.icsExportStream(range);
      const path = await dialogs().chooseFileToSave(saveDialogRequest('ics.export', exported.fileName));
      if (path === null) return null;
      await writeChunksToFile(path, exported.chunks);
      return { path, fileName: basename(path), counts: { ...exported.counts } };
    },

    async exportBackup(): Promise<(SavedFile & { counts: DatasetCounts }) | null> {
      const path = await dialogs().chooseFileToSave(saveDialogRequest('backup.export', deps.interop.backupFileName()));
      if (path === null) return null;
      // Taken after the dialog, so the file holds the data as it is when saved.
      const backup = deps.interop.backupExport();
      await writeChunksToFile(path, [backup.text]);
      return { path, fileName: basename(path), counts: backup.counts };
    },

    async printBrief(meetingId: string): Promise<{ printed: boolean }> {
      const { html } = deps.brief(meetingId);
      return { printed: await printer().print(html) };
    },

    async saveBriefPdf(meetingId: string): Promise<SavedFile | null> {
      const pdfPrinter = printer();
      const { html, fileName } = deps.brief(meetingId);
      const path = await dialogs().chooseFileToSave(saveDialogRequest('brief.pdf', fileName.replace(/\.html?$/i, '') + '.pdf'));
      if (path === null) return null;
      await writeChunksToFile(path, [await pdfPrinter.toPdf(html)]);
      return { path, fileName: basename(path) };
    },
  };
}
export type DesktopService = ReturnType<typeof createDesktopService>;
