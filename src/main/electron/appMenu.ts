// The application menu: core's platform menu model (src/main/core/host/appMenu.ts) rendered with Electron's
// Menu; a command brings the window forward and pushes its event to the renderer.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { buildAppMenu, type MenuCommand, menuCommandEvent, type MenuItem, type MenuSection } from '../core/host/appMenu';
import { type WindowHandle } from './windowHandle';

function toItem(item: MenuItem, onCommand: (command: MenuCommand) => void): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'role':
      return { role: item.role };
    case 'separator':
      return { type: 'separator' };
    case 'command':
      return { label: item.label, accelerator: item.accelerator, click: () => onCommand(item.command) };
  }
}

export function toMenuTemplate(sections: readonly MenuSection[], onCommand: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  return sections.map((section) => ({
    label: section.label,
    ...(section.role ? { role: section.role } : {}),
    submenu: section.items.map((item) => toItem(item, onCommand)),
  }));
}

/** What a menu command does: the window comes forward and the renderer gets the command's event. */
export function runMenuCommand(command: MenuCommand, windows: WindowHandle): void {
  windows.reveal();
  const [event, payload] = menuCommandEvent(command);
  windows.send(event, payload as never);
}

export function installAppMenu(windows: WindowHandle): void {
  const sections = buildAppMenu(process.platform, { appName: app.getName(), devTools: !app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(toMenuTemplate(sections, (command) => runMenuCommand(command, windows))));
}
