// What a tray menu click does: core runs the command; opening ones also bring the window forward.
import { type Core } from '../core';
import { type TrayCommand } from '../core/ports';
import { type WindowHandle } from './windowHandle';

export function runTrayCommand(
  command: TrayCommand,
  deps: { core: Core | null; windows: WindowHandle; quit: () => void },
): Promise<void> {
  if (command.type === 'app.quit') {
    deps.quit();
    return Promise.resolve();
  }
  if (command.type === 'open.today' || command.type === 'meeting.new') deps.windows.reveal();
  if (command.type === 'touch.open') deps.windows.open({ kind: 'touch', id: command.touchId });
  if (deps.core === null) return Promise.resolve();
  return deps.core
    .runTrayCommand(command)
    .catch((error: unknown) => console.error(`Tray command ${command.type} failed`, error));
}
