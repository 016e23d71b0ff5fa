// The browser host over real HTTP on loopback, with a real core on a temp folder: malformed input gets a 400
// with a message, an oversized body a 413 (not a reset connection), and every answer forbids framing.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src/main/browserHost/server';
import { createCore, type Core } from '../../../src/main/core';
import { RENDERER_CSP } from '../../../src/shared/contentSecurityPolicy';

let dir: string;
let core: Core;
let host: BrowserHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'touchplan-host-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  core = await createCore({ dataDir: join(dir, 'data'), host: 'browser', version: 'test' });
  host = await startBrowserHost({ core, rendererDir: dir });
});
afterAll(async () => {
  await host.close();
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

/** A raw request (fetch would refuse the path "/%"). */
function send(path: string, method: string, body?: Buffer | string): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path, method, headers: { 'x-touchplan-token': host.token, 'content-type': 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

test('a null body, an array or bad JSON get a 400 with a message', async () => {
  for (const body of ['null', '[]', '{"channel":', '42']) {
    const answer = await send('/api/invoke', 'POST', body);
    expect(answer.status, body).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.any(String) } });
  }
  const ok = await send('/api/invoke', 'POST', JSON.stringify({ channel: 'settings.get', payload: {} }));
  expect(JSON.parse(ok.text)).toMatchObject({ ok: true });
});

test('a malformed address gets a 400, not a 500', async () => {
  expect((await send('/%', 'GET')).status).toBe(400);
  expect((await send('/%E0%A4%A', 'GET')).status).toBe(400);
});

test('a body over the limit gets a 413 with a message', async () => {
  const answer = await send('/api/invoke', 'POST', Buffer.alloc(51 * 1024 * 1024, 0x20));
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.text).error.message).toMatch(/larger than 50 MB/);
});

test('the page and every answer forbid framing and carry the renderer’s policy', async () => {
  for (const [path, method] of [['/', 'GET'], ['/api/invoke', 'POST']] as const) {
    const answer = await send(path, method, method === 'POST' ? '{}' : undefined);
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['content-security-policy']).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`);
  }
  const indexHtml = await readFile(join(import.meta.dirname, '../../../src/renderer/index.html'), 'utf8');
  expect(indexHtml.replace(/\s+/g, ' ')).toContain(`content="${RENDERER_CSP}"`);
});
