// The words and file types of every native file dialog, as plain data: the Electron adapter only shows them.
import type { OpenPurpose } from '../../../shared/contract/desktop';
import type { FileDialogRequest } from '../ports';

export type SavePurpose = 'ics.export' | 'backup.export' | 'brief.pdf';

const ALL_FILES = { name: 'All files', extensions: ['*'] };

const OPEN_REQUESTS: Readonly<Record<OpenPurpose, FileDialogRequest>> = {
  'ics.import': { title: 'Import meetings from a calendar file', filters: [{ name: 'Calendar files', extensions: ['ics', 'ical', 'icalendar'] }, ALL_FILES] },
  'csv.import': { title: 'Import prospects from a CRM export', filters: [{ name: 'CSV files', extensions: ['csv', 'txt'] }, ALL_FILES] },
  'backup.restore': { title: 'Restore a Touchplan backup', filters: [{ name: 'Touchplan backups', extensions: ['json'] }, ALL_FILES] },
};

const SAVE_REQUESTS: Readonly<Record<SavePurpose, FileDialogRequest>> = {
  'ics.export': { title: 'Export your plan as a calendar file', filters: [{ name: 'Calendar files', extensions: ['ics'] }] },
  'backup.export': { title: 'Save a full backup', filters: [{ name: 'Touchplan backups', extensions: ['json'] }] },
  'brief.pdf': { title: 'Save the meeting brief as PDF', filters: [{ name: 'PDF documents', extensions: ['pdf'] }] },
};

export const openDialogRequest = (purpose: OpenPurpose): FileDialogRequest => OPEN_REQUESTS[purpose];

export const saveDialogRequest = (purpose: SavePurpose, suggestedName: string): FileDialogRequest => ({
  ...SAVE_REQUESTS[purpose],
  suggestedName,
});
