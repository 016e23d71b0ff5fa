import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, resetFakeElectron, session, shell } from './fakeElectron';
import { guardWebContents, hardenSession, openExternalWebUrl, toExternalWebUrl } from '../../../src/main/electron/security';

vi.mock('electron', () => import('./fakeElectron'));

beforeEach(resetFakeElectron);

describe('hardenSession', () => {
  it('denies every permission request and every permission check', () => {
    hardenSession();
    const request = session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => void;
    const callback = vi.fn();
    request({}, 'notifications', callback);
    request({}, 'media', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);

    const check = session.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check({}, 'clipboard-read', 'file://')).toBe(false);
    expect(check(null, 'notifications', 'http://localhost:5173')).toBe(false);
  });
});

describe('external links', () => {
  it.each(['https://example.com/a?b=1', 'http://example.com', 'HTTPS://EXAMPLE.com/'])('opens %s in the browser', (url) => {
    expect(openExternalWebUrl(url)).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith(new URL(url).href);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'touchplan://open',
    'smb://host/share',
    'mailto:a@b.c',
    'data:text/html,<script>1</script>',
    'not a url',
    '',
  ])('never opens %s', (url) => {
    expect(toExternalWebUrl(url)).toBeNull();
    expect(openExternalWebUrl(url)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('guardWebContents', () => {
  const attempt = (contents: FakeWebContents, kind: 'will-navigate' | 'will-redirect', url: string) => {
    const event = { preventDefault: vi.fn() };
    for (const handler of contents.handlers(kind)) handler(event, url);
    return event.preventDefault;
  };

  it.each(['will-navigate', 'will-redirect'] as const)('blocks %s anywhere but the current page', (kind) => {
    const contents = new FakeWebContents();
    contents.url = 'app://touchplan/index.html';
    guardWebContents(contents as never);
    expect(contents.handlers(kind)).toHaveLength(1);
    expect(attempt(contents, kind, 'https://evil.example/')).toHaveBeenCalled();
    expect(attempt(contents, kind, 'app://touchplan/other.html')).toHaveBeenCalled();
    expect(attempt(contents, kind, 'file:///app/out/renderer/index.html')).toHaveBeenCalled();
    expect(attempt(contents, kind, 'app://touchplan/index.html')).not.toHaveBeenCalled();
  });

  it('refuses webviews', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    const event = { preventDefault: vi.fn() };
    for (const handler of contents.handlers('will-attach-webview')) handler(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and sends only web links to the browser', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/hosts' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'custom-scheme://x' })).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/']]);
  });
});
