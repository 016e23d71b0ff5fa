// The application menu as plain data, built for one platform: the platform's standard roles (Edit, View,
// Window, Help, and the app menu on macOS) and Touchplan's own items with their accelerators. The Electron
// shell only renders it (src/main/electron/appMenu.ts); a command becomes one of the events main pushes.
import type { EventName, Events, MenuScreen } from '../../../shared/api';

export type MenuCommand =
  | { type: 'open.screen'; screen: MenuScreen }
  | { type: 'meeting.new' }
  | { type: 'moves.undo' }
  | { type: 'moves.redo' };

/** Electron's menu roles used here (their labels and accelerators are the OS's own). */
export type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'close'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll'
  | 'reload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'front';

export type MenuItem =
  | { kind: 'role'; role: MenuRole }
  | { kind: 'separator' }
  | { kind: 'command'; label: string; accelerator: string; command: MenuCommand };

export interface MenuSection {
  label: string;
  /** The submenu's role, so the OS treats it as its Window / Help / app menu. */
  role?: 'appMenu' | 'windowMenu' | 'help';
  items: MenuItem[];
}

export interface AppMenuOptions {
  appName: string;
  /** Developer tools in the View menu (unpackaged runs only). */
  devTools: boolean;
}

const role = (name: MenuRole): MenuItem => ({ kind: 'role', role: name });
const separator: MenuItem = { kind: 'separator' };
const command = (label: string, accelerator: string, what: MenuCommand): MenuItem => ({ kind: 'command', label, accelerator, command: what });
const open = (label: string, accelerator: string, screen: MenuScreen): MenuItem => command(label, accelerator, { type: 'open.screen', screen });

export function buildAppMenu(platform: NodeJS.Platform, { appName, devTools }: AppMenuOptions): MenuSection[] {
  const mac = platform === 'darwin';
  const settings = mac ? open('Preferences…', 'Cmd+,', 'settings') : open('Settings…', 'Ctrl+,', 'settings');
  const sections: MenuSection[] = [];
  if (mac) {
    sections.push({
      label: appName,
      role: 'appMenu',
      items: [role('about'), separator, settings, separator, role('services'), separator, role('hide'), role('hideOthers'), role('unhide'), separator, role('quit')],
    });
  }
  sections.push({
    label: 'File',
    items: [command('New Meeting…', 'CmdOrCtrl+N', { type: 'meeting.new' }), separator, ...(mac ? [role('close')] : [settings, separator, role('quit')])],
  });
  sections.push({
    label: 'Edit',
    items: [
      // The roles undo what is typed in a field; the moves of the calendar have their own items.
      role('undo'),
      role('redo'),
      separator,
      command('Undo Move', 'CmdOrCtrl+Alt+Z', { type: 'moves.undo' }),
      command('Redo Move', 'CmdOrCtrl+Alt+Shift+Z', { type: 'moves.redo' }),
      separator,
      role('cut'),
      role('copy'),
      role('paste'),
      ...(mac ? [role('pasteAndMatchStyle')] : []),
      role('delete'),
      role('selectAll'),
    ],
  });
  sections.push({
    label: 'View',
    items: [
      open('Today', 'CmdOrCtrl+1', 'today'),
      open('Calendar', 'CmdOrCtrl+2', 'calendar'),
      open('Deals', 'CmdOrCtrl+3', 'deals'),
      separator,
      role('reload'),
      ...(devTools ? [role('toggleDevTools')] : []),
      separator,
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      separator,
      role('togglefullscreen'),
    ],
  });
  sections.push({ label: 'Window', role: 'windowMenu', items: mac ? [role('minimize'), role('zoom'), separator, role('front')] : [role('minimize'), role('close')] });
  sections.push({ label: 'Help', role: 'help', items: mac ? [] : [role('about')] });
  return sections;
}

/** The event a menu command pushes to the renderer (which opens the screen or runs the undo). */
export function menuCommandEvent(what: MenuCommand): { [E in EventName]: [E, Events[E]] }[EventName] {
  switch (what.type) {
    case 'open.screen':
      return ['open.screen', { screen: what.screen }];
    case 'meeting.new':
      return ['open.newMeeting', {}];
    case 'moves.undo':
      return ['moves.history', { action: 'undo' }];
    case 'moves.redo':
      return ['moves.history', { action: 'redo' }];
  }
}
