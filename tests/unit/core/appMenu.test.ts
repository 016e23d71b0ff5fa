import { describe, expect, it } from 'vitest';
import { buildAppMenu, type MenuItem, menuCommandEvent, type MenuSection } from '../../../src/main/core/host/appMenu';

const options = { appName: 'Touchplan', devTools: false };
const section = (sections: MenuSection[], label: string) => {
  const found = sections.find((s) => s.label === label);
  if (!found) throw new Error(`no ${label} menu`);
  return found;
};
const commands = (sections: MenuSection[]) =>
  sections.flatMap((s) => s.items).filter((item): item is Extract<MenuItem, { kind: 'command' }> => item.kind === 'command');
const roles = (s: MenuSection) => s.items.flatMap((item) => (item.kind === 'role' ? [item.role] : []));

describe('the application menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('has Edit, View, Window and Help on %s, the last two with their roles', (platform) => {
    const sections = buildAppMenu(platform, options);
    for (const label of ['File', 'Edit', 'View', 'Window', 'Help']) expect(sections.map((s) => s.label)).toContain(label);
    expect(section(sections, 'Window').role).toBe('windowMenu');
    expect(section(sections, 'Help').role).toBe('help');
    expect(roles(section(sections, 'Edit'))).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    expect(roles(section(sections, 'View'))).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(roles(section(sections, 'Window'))).toContain('minimize');
  });

  it('offers the app’s own items with their accelerators', () => {
    const items = commands(buildAppMenu('linux', options)).map((item) => [item.label, item.accelerator, item.command]);
    expect(items).toEqual([
      ['New Meeting…', 'CmdOrCtrl+N', { type: 'meeting.new' }],
      ['Settings…', 'Ctrl+,', { type: 'open.screen', screen: 'settings' }],
      ['Undo Move', 'CmdOrCtrl+Alt+Z', { type: 'moves.undo' }],
      ['Redo Move', 'CmdOrCtrl+Alt+Shift+Z', { type: 'moves.redo' }],
      ['Today', 'CmdOrCtrl+1', { type: 'open.screen', screen: 'today' }],
      ['Calendar', 'CmdOrCtrl+2', { type: 'open.screen', screen: 'calendar' }],
      ['Deals', 'CmdOrCtrl+3', { type: 'open.screen', screen: 'deals' }],
    ]);
  });

  it('on macOS: the app menu first, with Preferences… (Cmd+,), services and quit', () => {
    const sections = buildAppMenu('darwin', options);
    expect(sections[0]).toMatchObject({ label: 'Touchplan', role: 'appMenu' });
    const prefs = commands([sections[0]!]);
    expect(prefs).toEqual([{ kind: 'command', label: 'Preferences…', accelerator: 'Cmd+,', command: { type: 'open.screen', screen: 'settings' } }]);
    expect(roles(sections[0]!)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(commands(sections).some((item) => item.label.startsWith('Settings'))).toBe(false);
    expect(roles(section(sections, 'Edit'))).toContain('pasteAndMatchStyle');
  });

  it('never binds one accelerator twice, and never one of the Edit roles’ keys', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accelerators = commands(buildAppMenu(platform, options)).map((item) => item.accelerator);
      expect(new Set(accelerators).size).toBe(accelerators.length);
      for (const taken of ['CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z', 'CmdOrCtrl+C', 'CmdOrCtrl+V', 'CmdOrCtrl+X', 'CmdOrCtrl+A']) expect(accelerators).not.toContain(taken);
    }
  });

  it('shows the developer tools only when asked (unpackaged runs)', () => {
    expect(roles(section(buildAppMenu('linux', options), 'View'))).not.toContain('toggleDevTools');
    expect(roles(section(buildAppMenu('linux', { ...options, devTools: true }), 'View'))).toContain('toggleDevTools');
  });
});

describe('menuCommandEvent', () => {
  it('turns each command into the event the renderer already listens to', () => {
    expect(menuCommandEvent({ type: 'meeting.new' })).toEqual(['open.newMeeting', {}]);
    expect(menuCommandEvent({ type: 'open.screen', screen: 'calendar' })).toEqual(['open.screen', { screen: 'calendar' }]);
    expect(menuCommandEvent({ type: 'moves.undo' })).toEqual(['moves.history', { action: 'undo' }]);
    expect(menuCommandEvent({ type: 'moves.redo' })).toEqual(['moves.history', { action: 'redo' }]);
  });
});
