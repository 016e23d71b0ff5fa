import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBadgePort } from '../../../src/main/electron/badge';
import { app, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

beforeEach(resetFakeElectron);

describe('the badge port', () => {
  it('shows the overdue count with app.setBadgeCount, 0 clearing it', () => {
    const badge = createBadgePort();
    badge.showOverdueCount(3);
    badge.showOverdueCount(0);
    expect(app.setBadgeCount.mock.calls).toEqual([[3], [0]]);
  });

  it('does not throw where the OS has no badge', () => {
    app.setBadgeCount.mockReturnValue(false);
    expect(() => createBadgePort().showOverdueCount(2)).not.toThrow();
  });
});
