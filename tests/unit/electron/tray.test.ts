import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type TrayCommand, type TrayModel } from '../../../src/main/core/ports';
import { createTrayPort, destroyTray } from '../../../src/main/electron/tray';
import { runTrayCommand } from '../../../src/main/electron/trayCommands';
import { createWindowHandle } from '../../../src/main/electron/windowHandle';
import { BrowserWindow, Menu, nativeImage, resetFakeElectron, Tray } from './fakeElectron';
import { fakeCore } from './fakeCore';

vi.mock('electron', () => import('./fakeElectron'));

const icons = { normal: '/res/tray.png', overdue: '/res/tray-overdue.png' };

const model = (hasOverdue: boolean, items: TrayModel['items'] = []): TrayModel => ({
  tooltip: hasOverdue ? 'Touchplan: 2 overdue' : 'Touchplan: 3 touches today',
  hasOverdue,
  items,
});

type MenuItem = { label?: string; type?: string; enabled?: boolean; click?: () => void; submenu?: MenuItem[] };
type MenuTemplate = MenuItem[];
const lastTemplate = (): MenuTemplate =>
  (Menu.buildFromTemplate.mock.calls.at(-1)?.[0] ?? []) as MenuTemplate;

beforeEach(resetFakeElectron);
afterEach(destroyTray);

describe('tray render', () => {
  it('creates the tray once, with the icon and tooltip of the model', () => {
    const port = createTrayPort(icons, vi.fn());
    port.render(model(false));
    port.render(model(false));
    expect(Tray.instances).toHaveLength(1);
    expect(Tray.instances[0]?.image).toEqual({ path: '/res/tray.png' });
    expect(Tray.instances[0]?.setToolTip).toHaveBeenLastCalledWith('Touchplan: 3 touches today');
    expect(Tray.instances[0]?.setImage).not.toHaveBeenCalled();
  });

  it('starts with the overdue icon when something is overdue', () => {
    createTrayPort(icons, vi.fn()).render(model(true));
    expect(Tray.instances[0]?.image).toEqual({ path: '/res/tray-overdue.png' });
  });

  it('swaps the icon only when hasOverdue changes', () => {
    const port = createTrayPort(icons, vi.fn());
    port.render(model(false));
    port.render(model(true));
    port.render(model(true));
    port.render(model(false));
    const tray = Tray.instances[0];
    expect(tray?.setImage.mock.calls).toEqual([[{ path: '/res/tray-overdue.png' }], [{ path: '/res/tray.png' }]]);
    expect(tray?.setToolTip).toHaveBeenLastCalledWith('Touchplan: 3 touches today');
    expect(nativeImage.createFromPath).toHaveBeenCalledWith('/res/tray-overdue.png');
  });

  it('rebuilds the context menu from the model on every render', () => {
    const onCommand = vi.fn();
    const port = createTrayPort(icons, onCommand);
    const done: TrayCommand = { type: 'touch.done', touchId: 't1' };
    port.render(
      model(true, [
        { kind: 'label', label: 'Overdue' },
        {
          kind: 'submenu',
          label: 'Call Acme',
          items: [
            { kind: 'command', label: 'Done', command: done },
            { kind: 'command', label: 'Snooze 1 hour', command: { type: 'touch.snoozeHour', touchId: 't1' } },
          ],
        },
        { kind: 'separator' },
        { kind: 'command', label: 'Quit', command: { type: 'app.quit' } },
      ]),
    );
    const template = lastTemplate();
    expect(template.map(({ label, type, enabled }) => ({ label, type, enabled }))).toEqual([
      { label: 'Overdue', type: undefined, enabled: false },
      { label: 'Call Acme', type: undefined, enabled: undefined },
      { label: undefined, type: 'separator', enabled: undefined },
      { label: 'Quit', type: undefined, enabled: undefined },
    ]);
    template[1]?.submenu?.[0]?.click?.();
    expect(onCommand).toHaveBeenLastCalledWith(done);
    template[3]?.click?.();
    expect(onCommand).toHaveBeenLastCalledWith({ type: 'app.quit' });
    expect(Tray.instances[0]?.setContextMenu).toHaveBeenLastCalledWith({ template });

    port.render(model(false, [{ kind: 'label', label: 'Nothing due' }]));
    expect(Menu.buildFromTemplate).toHaveBeenCalledTimes(2);
    expect(lastTemplate()).toEqual([{ label: 'Nothing due', enabled: false }]);
  });

  it('a click on the tray icon opens Today', () => {
    const onCommand = vi.fn();
    createTrayPort(icons, onCommand).render(model(false));
    Tray.instances[0]?.emit('click');
    expect(onCommand).toHaveBeenCalledWith({ type: 'open.today' });
  });

  it('can be destroyed and created again', () => {
    const port = createTrayPort(icons, vi.fn());
    port.render(model(false));
    destroyTray();
    expect(Tray.instances[0]?.destroy).toHaveBeenCalled();
    port.render(model(false));
    expect(Tray.instances).toHaveLength(2);
  });
});

describe('tray commands', () => {
  const setup = () => {
    const core = fakeCore();
    const windows = createWindowHandle(() => new BrowserWindow({}) as never);
    const quit = vi.fn();
    return { core, windows, quit, run: (command: TrayCommand) => runTrayCommand(command, { core, windows, quit }) };
  };

  it('runs touch commands in core', async () => {
    const { core, run, quit } = setup();
    await run({ type: 'touch.done', touchId: 't1' });
    await run({ type: 'notifications.pauseHour' });
    expect(core.runTrayCommand.mock.calls).toEqual([[{ type: 'touch.done', touchId: 't1' }], [{ type: 'notifications.pauseHour' }]]);
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(quit).not.toHaveBeenCalled();
  });

  it('open.today brings the window forward and tells core', async () => {
    const { core, windows, run } = setup();
    const window = windows.reveal() as unknown as BrowserWindow;
    await run({ type: 'open.today' });
    expect(window.focus).toHaveBeenCalled();
    expect(core.runTrayCommand).toHaveBeenCalledWith({ type: 'open.today' });
  });

  it('meeting.new brings the window forward and tells core (which asks the renderer for the dialog)', async () => {
    const { core, windows, run } = setup();
    const window = windows.reveal() as unknown as BrowserWindow;
    window.focus.mockClear();
    await run({ type: 'meeting.new' });
    expect(window.focus).toHaveBeenCalled();
    expect(core.runTrayCommand).toHaveBeenCalledWith({ type: 'meeting.new' });
  });

  it('touch.open focuses the window and leaves open.touch to core, so the renderer gets it once', async () => {
    const { core, windows, run } = setup();
    const window = windows.reveal() as unknown as BrowserWindow;
    await run({ type: 'touch.open', touchId: 't9' });
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).not.toHaveBeenCalled();
    expect(core.runTrayCommand).toHaveBeenCalledWith({ type: 'touch.open', touchId: 't9' });
  });

  it('app.quit quits', async () => {
    const { core, run, quit } = setup();
    await run({ type: 'app.quit' });
    expect(quit).toHaveBeenCalled();
    expect(core.runTrayCommand).not.toHaveBeenCalled();
  });

  it('a failing command is reported, not thrown', async () => {
    const { core, run } = setup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    core.runTrayCommand.mockRejectedValueOnce(new Error('gone'));
    await expect(run({ type: 'touch.tomorrow', touchId: 't1' })).resolves.toBeUndefined();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('does nothing in core before core exists', async () => {
    const { windows, quit } = setup();
    await expect(runTrayCommand({ type: 'meeting.new' }, { core: null, windows, quit })).resolves.toBeUndefined();
  });
});
