// What a tray menu click does: core runs the command; opening ones also bring the window forward (core then
// pushes the event that opens the screen, once: open.today, open.touch, open.newMeeting).
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
  if (command.type === 'open.today' || command.type === 'meeting.new' || command.type === 'touch.open') deps.windows.reveal();
  if (deps.core === null) return Promise.resolve();
  return deps.core
    .runTrayCommand(command)
    .catch((error: unknown) => console.error(`Tray command ${command.type} failed`, error));
}
