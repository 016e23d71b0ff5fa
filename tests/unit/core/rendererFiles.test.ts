import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, rendererPathOfUrl, resolveRendererFile } from '../../../src/main/core/host/rendererFiles';

describe('rendererPathOfUrl', () => {
  it.each([
    ['app://touchplan/', 'index.html'],
    ['app://touchplan/index.html', 'index.html'],
    ['app://touchplan/index.html#/calendar', 'index.html'],
    ['app://touchplan/assets/index-abc.js?v=1', 'assets/index-abc.js'],
    ['app://touchplan/assets/a%20b.css', 'assets/a b.css'],
  ])('%s names %s', (url, path) => {
    expect(rendererPathOfUrl(url)).toBe(path);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///index.html'],
    ['https', 'https://touchplan/index.html'],
    ['credentials', 'app://u:p@touchplan/index.html'],
    ['encoded slash traversal', 'app://touchplan/assets%2F..%2F..%2Fsecret'],
    ['encoded backslash', 'app://touchplan/..%5C..%5Csecret'],
    ['a NUL', 'app://touchplan/index.html%00.png'],
    ['a drive letter', 'app://touchplan/C:%5Cwindows'],
    ['bad escape', 'app://touchplan/%E0%A4%A'],
    ['not a URL', 'nonsense'],
  ])('refuses %s', (_name, url) => {
    expect(rendererPathOfUrl(url)).toBeNull();
  });

  it('lets the URL parser fold dot-dots, plain or encoded, inside the folder, never above it', () => {
    expect(rendererPathOfUrl('app://touchplan/../../etc/passwd')).toBe('etc/passwd');
    expect(rendererPathOfUrl('app://touchplan/%2e%2e/%2e%2e/etc/passwd')).toBe('etc/passwd');
  });
});

describe('resolveRendererFile', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'touchplan-renderer-'));
    outside = mkdtempSync(join(tmpdir(), 'touchplan-outside-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    symlinkSync(join(outside, 'secret.txt'), join(root, 'assets', 'link.txt'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('serves files of the renderer folder', async () => {
    await expect(resolveRendererFile(root, 'app://touchplan/')).resolves.toMatch(/index\.html$/);
    await expect(resolveRendererFile(root, 'app://touchplan/assets/app.js')).resolves.toMatch(/assets[/\\]app\.js$/);
  });

  it.each([
    ['a missing file', 'app://touchplan/missing.js'],
    ['a folder', 'app://touchplan/assets'],
    ['a link leading out of the folder', 'app://touchplan/assets/link.txt'],
    ['traversal', 'app://touchplan/%2e%2e/secret.txt'],
    ['another host', 'app://other/index.html'],
  ])('refuses %s', async (_name, url) => {
    await expect(resolveRendererFile(root, url)).resolves.toBeNull();
  });
});

describe('contentTypeOf', () => {
  it('types what the build holds and serves the rest as bytes', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a/x.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a/x.exe')).toBe('application/octet-stream');
  });
});
