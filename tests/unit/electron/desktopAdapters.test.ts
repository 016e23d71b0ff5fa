// The Electron adapters of core's desktop ports: native dialogs, the hidden print window, nativeTheme.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppearancePort } from '../../../src/main/electron/appearance';
import { createFileDialogs } from '../../../src/main/electron/fileDialogs';
import { createDocumentPrinter, paperSizeForLocale } from '../../../src/main/electron/printer';
import { app, BrowserWindow, dialog, FakeWebContents, nativeTheme, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

beforeEach(resetFakeElectron);

const request = { title: 'Export your plan as a calendar file', filters: [{ name: 'Calendar files', extensions: ['ics'] }], suggestedName: 'touchplan-2026-03-02.ics' };

describe('file dialogs', () => {
  it('shows the open dialog on the main window with core’s words, and answers the chosen path', async () => {
    const parent = new BrowserWindow({});
    const dialogs = createFileDialogs(() => parent as never);
    await expect(dialogs.chooseFileToOpen(request)).resolves.toBe('/home/rep/calendar.ics');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(parent, { title: request.title, filters: request.filters, properties: ['openFile'] });
  });

  it('offers the suggested name in Documents when saving', async () => {
    const dialogs = createFileDialogs(() => null);
    await expect(dialogs.chooseFileToSave(request)).resolves.toBe('/home/rep/Documents/plan.ics');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ title: request.title, filters: request.filters, defaultPath: expect.stringMatching(/Documents[/\\]touchplan-2026-03-02\.ics$/) }),
    );
  });

  it('answers null when the rep cancels either dialog', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const dialogs = createFileDialogs(() => null);
    await expect(dialogs.chooseFileToOpen(request)).resolves.toBeNull();
    await expect(dialogs.chooseFileToSave(request)).resolves.toBeNull();
  });
});

describe('the document printer', () => {
  it('prints the brief from a hidden window without JavaScript, then destroys it', async () => {
    const printed = await createDocumentPrinter().print('<h1>Brief</h1>');
    expect(printed).toBe(true);
    const window = BrowserWindow.instances[0]!;
    expect(window.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    const url = (window.loadURL.mock.calls[0] as unknown as [string])[0];
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString()).toBe('<h1>Brief</h1>');
    expect(window.webContents.print).toHaveBeenCalledWith({ silent: false, printBackground: true }, expect.any(Function));
    expect(window.webContents.handlers('will-navigate')).toHaveLength(1);
    expect(window.destroy).toHaveBeenCalled();
  });

  it('answers false when the rep cancels the print dialog, and fails on a printer error', async () => {
    const printer = createDocumentPrinter();
    FakeWebContents.printOutcome = [false, 'Print job canceled'];
    await expect(printer.print('<p>x</p>')).resolves.toBe(false);
    FakeWebContents.printOutcome = [false, 'Invalid printer settings'];
    await expect(printer.print('<p>y</p>')).rejects.toThrow('The brief could not be printed: Invalid printer settings');
    expect(BrowserWindow.instances.every((window) => window.destroyed)).toBe(true);
  });

  it('renders the brief as PDF on the paper of the OS locale', async () => {
    app.getLocale.mockReturnValue('en-US');
    const bytes = await createDocumentPrinter().toPdf('<p>brief</p>');
    expect(Buffer.from(bytes).toString()).toBe('%PDF-fake');
    expect(BrowserWindow.instances[0]!.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'Letter' });
    expect(BrowserWindow.instances[0]!.destroy).toHaveBeenCalled();
  });

  it('picks Letter for the Americas that use it and A4 elsewhere', () => {
    expect(paperSizeForLocale('en-US')).toBe('Letter');
    expect(paperSizeForLocale('fr-CA')).toBe('Letter');
    expect(paperSizeForLocale('en-GB')).toBe('A4');
    expect(paperSizeForLocale('de')).toBe('A4');
  });
});

describe('the appearance port', () => {
  it('reads nativeTheme and the OS locale, and reports a switch to dark', () => {
    const port = createAppearancePort();
    expect(port.current()).toEqual({ colorScheme: 'light', locale: 'en-GB' });
    const seen: unknown[] = [];
    const stop = port.onChange((appearance) => seen.push(appearance));
    nativeTheme.shouldUseDarkColors = true;
    nativeTheme.emit('updated');
    stop();
    nativeTheme.emit('updated');
    expect(seen).toEqual([{ colorScheme: 'dark', locale: 'en-GB' }]);
  });
});
