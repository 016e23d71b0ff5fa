import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP_HEADER } from '../../../src/shared/contentSecurityPolicy';
import { handleAppScheme, registerAppScheme } from '../../../src/main/electron/appProtocol';
import { protocol, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let root: string;
let outside: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'touchplan-app-scheme-'));
  outside = mkdtempSync(join(tmpdir(), 'touchplan-app-outside-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Touchplan</title>');
  writeFileSync(join(outside, 'secret.txt'), 'secret');
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});
beforeEach(resetFakeElectron);

const request = (url: string, method = 'GET') => {
  handleAppScheme(root);
  const handler = protocol.handlers.get('app');
  if (!handler) throw new Error('app:// is not handled');
  return handler(new Request(url, { method }));
};

describe('the app:// scheme', () => {
  it('is registered as a standard, secure scheme with fetch', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    const privileges = protocol.registerSchemesAsPrivileged.mock.calls[0]![0][0].privileges;
    expect(privileges.bypassCSP).toBeUndefined();
    expect(privileges.allowServiceWorkers).toBeUndefined();
  });

  it('serves the renderer index with the CSP as a header', async () => {
    const response = await request('app://touchplan/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP_HEADER);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    await expect(response.text()).resolves.toContain('<title>Touchplan</title>');
  });

  it.each([
    ['an unknown path', 'app://touchplan/missing.js'],
    ['encoded traversal to a file beside the renderer', `app://touchplan/%2e%2e/${'x'}`],
    ['traversal with encoded slashes', 'app://touchplan/..%2F..%2Fetc%2Fpasswd'],
    ['another host of the scheme', 'app://other/index.html'],
  ])('refuses %s with 404 and no file content', async (_name, url) => {
    const response = await request(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP_HEADER);
    await expect(response.text()).resolves.toBe('Not found');
  });

  it('refuses a file outside the renderer reached by name', async () => {
    const escape = `app://touchplan/${encodeURIComponent(`../${outside.split(/[/\\]/).pop()}/secret.txt`)}`;
    const response = await request(escape);
    expect(response.status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await request('app://touchplan/index.html', 'POST')).status).toBe(405);
  });
});
