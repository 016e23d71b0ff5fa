import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT } from '../../../src/shared/api';
import { installAppMenu } from '../../../src/main/electron/appMenu';
import { createWindowHandle } from '../../../src/main/electron/windowHandle';
import { app, BrowserWindow, Menu, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

beforeEach(resetFakeElectron);

interface TemplateItem {
  label?: string;
  role?: string;
  accelerator?: string;
  type?: string;
  click?: () => void;
  submenu?: TemplateItem[];
}

const install = () => {
  const windows = createWindowHandle(() => new BrowserWindow({}) as never);
  installAppMenu(windows);
  expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  const template = Menu.buildFromTemplate.mock.calls[0]![0] as TemplateItem[];
  const item = (label: string) => template.flatMap((s) => s.submenu ?? []).find((i) => i.label === label);
  return { windows, template, item };
};

describe('installAppMenu', () => {
  it('sets the application menu with the roles and the app’s items', () => {
    const { template, item } = install();
    expect(template.map((s) => s.label)).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
    expect(template.find((s) => s.label === 'Window')?.role).toBe('windowMenu');
    expect(template.find((s) => s.label === 'Edit')?.submenu?.slice(0, 2)).toEqual([{ role: 'undo' }, { role: 'redo' }]);
    expect(item('New Meeting…')?.accelerator).toBe('CmdOrCtrl+N');
    expect(item('Calendar')?.accelerator).toBe('CmdOrCtrl+2');
  });

  it.each([
    ['Today', 'open.screen', { screen: 'today' }],
    ['Calendar', 'open.screen', { screen: 'calendar' }],
    ['Deals', 'open.screen', { screen: 'deals' }],
    ['New Meeting…', 'open.newMeeting', {}],
    ['Undo Move', 'moves.history', { action: 'undo' }],
    ['Redo Move', 'moves.history', { action: 'redo' }],
  ])('%s brings the window forward and pushes %s', (label, event, payload) => {
    const { item } = install();
    item(label)!.click!();
    const window = BrowserWindow.instances[0]!;
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT, event, payload);
  });

  it('offers the developer tools only unpackaged', () => {
    app.isPackaged = true;
    const { template } = install();
    expect(JSON.stringify(template)).not.toContain('toggleDevTools');
  });
});
