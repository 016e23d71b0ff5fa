// The TrayPort over the OS tray: renders core's TrayModel (tooltip, icon, menu); menu clicks become commands.
import { Menu, type MenuItemConstructorOptions, Tray, nativeImage } from 'electron';
import { type TrayCommand, type TrayMenuItem, type TrayModel, type TrayPort } from '../core/ports';

export interface TrayIcons {
  normal: string;
  overdue: string;
}

/** Created once, kept at module level so it is never garbage-collected out of the tray. */
let tray: Tray | null = null;
let showingOverdue = false;

export function toMenuTemplate(
  items: readonly TrayMenuItem[],
  onCommand: (command: TrayCommand) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'label':
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'command':
        return { label: item.label, click: () => onCommand(item.command) };
      case 'submenu':
        return { label: item.label, submenu: toMenuTemplate(item.items, onCommand) };
    }
  });
}

export function createTrayPort(icons: TrayIcons, onCommand: (command: TrayCommand) => void): TrayPort {
  const image = (overdue: boolean) => nativeImage.createFromPath(overdue ? icons.overdue : icons.normal);
  return {
    render(model: TrayModel) {
      if (tray === null || tray.isDestroyed()) {
        tray = new Tray(image(model.hasOverdue));
        showingOverdue = model.hasOverdue;
        tray.on('click', () => onCommand({ type: 'open.today' }));
      } else if (showingOverdue !== model.hasOverdue) {
        tray.setImage(image(model.hasOverdue));
        showingOverdue = model.hasOverdue;
      }
      tray.setToolTip(model.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(model.items, onCommand)));
    },
  };
}

/** Removes the tray icon (app quitting, tests). */
export function destroyTray(): void {
  if (tray !== null && !tray.isDestroyed()) tray.destroy();
  tray = null;
}
