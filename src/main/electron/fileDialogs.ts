// The FileDialogs port over Electron's native open and save dialogs, attached to the main window. Core words
// each dialog (title, file types, suggested name); a save dialog starts in the Documents folder.
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { type FileDialogRequest, type FileDialogs } from '../core/ports';

export function createFileDialogs(parent: () => BrowserWindow | null): FileDialogs {
  return {
    async chooseFileToOpen(request: FileDialogRequest) {
      const options: OpenDialogOptions = { title: request.title, filters: request.filters, properties: ['openFile'] };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileToSave(request: FileDialogRequest) {
      const options: SaveDialogOptions = {
        title: request.title,
        filters: request.filters,
        defaultPath: join(app.getPath('documents'), request.suggestedName ?? ''),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
