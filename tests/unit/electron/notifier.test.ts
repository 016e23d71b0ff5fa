import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT } from '../../../src/shared/api';
import { type NotificationRequest } from '../../../src/main/core/ports';
import { createNotifier, liveNotificationCount } from '../../../src/main/electron/notifier';
import { createWindowHandle } from '../../../src/main/electron/windowHandle';
import { BrowserWindow, Notification, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const request = (target: NotificationRequest['target']): NotificationRequest => ({
  key: `k-${JSON.stringify(target)}`,
  title: 'Send the recap to Acme',
  body: 'Due 10:00 · email',
  target,
});

/** The notifier wired to a window handle, as lifecycle.ts wires it. */
const setup = () => {
  const windows = createWindowHandle(() => new BrowserWindow({}) as never);
  const window = windows.reveal() as unknown as BrowserWindow;
  const notifier = createNotifier((target) => windows.open(target));
  return { notifier, window };
};

beforeEach(() => {
  resetFakeElectron();
  // Release anything a previous test left referenced.
  for (const notification of Notification.instances) notification.emit('close');
});

describe('notifier', () => {
  it('reports and honours an OS without notifications', () => {
    Notification.isSupported.mockReturnValue(false);
    const { notifier } = setup();
    expect(notifier.isSupported()).toBe(false);
    notifier.show(request({ kind: 'today' }));
    expect(Notification.instances).toHaveLength(0);
  });

  it('shows the notification and keeps a reference until it is closed', () => {
    const { notifier } = setup();
    expect(notifier.isSupported()).toBe(true);
    const before = liveNotificationCount();
    notifier.show(request({ kind: 'touch', id: 't1' }));
    const [shown] = Notification.instances;
    expect(shown?.options).toEqual({ title: 'Send the recap to Acme', body: 'Due 10:00 · email' });
    expect(shown?.show).toHaveBeenCalled();
    expect(liveNotificationCount()).toBe(before + 1);
    shown?.emit('close');
    expect(liveNotificationCount()).toBe(before);
  });

  it('a click on a touch focuses the window and opens the touch', () => {
    const { notifier, window } = setup();
    notifier.show(request({ kind: 'touch', id: 't1' }));
    const before = liveNotificationCount();
    window.minimized = true;
    Notification.instances[0]?.emit('click');
    expect(liveNotificationCount()).toBe(before - 1);
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT, 'open.touch', { touchId: 't1' });
  });

  it('a click on a meeting opens the meeting', () => {
    const { notifier, window } = setup();
    notifier.show(request({ kind: 'meeting', id: 'm1' }));
    Notification.instances[0]?.emit('click');
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT, 'open.meeting', { meetingId: 'm1' });
  });

  it('a click on the digest or a summary brings the window forward on Today (as the browser host does)', () => {
    const { notifier, window } = setup();
    notifier.show(request({ kind: 'today' }));
    Notification.instances[0]?.emit('click');
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT, 'open.today', {});
  });

  it('releases a notification that failed, and caps the references', () => {
    const { notifier } = setup();
    const before = liveNotificationCount();
    notifier.show(request({ kind: 'today' }));
    Notification.instances[0]?.emit('failed', {}, 'no daemon');
    expect(liveNotificationCount()).toBe(before);
    for (let i = 0; i < 150; i += 1) notifier.show(request({ kind: 'touch', id: `t${i}` }));
    expect(liveNotificationCount()).toBe(100);
  });
});
