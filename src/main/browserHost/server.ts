// The browser host: serves the built renderer on 127.0.0.1 and binds the same dispatch as Electron through
// a loopback-only bridge. Every bridge call needs the per-run token, which only the served page knows (it
// is written into index.html, which other origins cannot read). Events reach the page over Server-Sent Events.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { promises as fs } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { RENDERER_CSP_HEADER } from '../../shared/contentSecurityPolicy';
import type { Core } from '../core';
import { contentTypeOf } from '../core/host/rendererFiles';
import type { DrivenClock } from './drivenClock';
import type { HostEventListener } from './recording';

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface BrowserHostOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  token?: string;
  /** More events for the page (the recording notifier and tray). */
  hostEvents?: (listener: HostEventListener) => () => void;
  /** Tests only: the driven clock, exposed at POST /api/test/clock (token required). */
  testClock?: DrivenClock;
}

export interface BrowserHost {
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export async function startBrowserHost({ core, rendererDir, port = 0, token, hostEvents, testClock }: BrowserHostOptions): Promise<BrowserHost> {
  const secret = token ?? randomBytes(24).toString('hex');
  const eventStreams = new Set<ServerResponse>();
  const forward: HostEventListener = (event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  };
  const unsubscribeCore = core.onEvent(forward);
  const unsubscribeHost = hostEvents?.(forward) ?? (() => undefined);

  let origin = '';
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof URIError) return send(response, 400, 'text/plain', 'The address is not valid.');
      send(response, 500, 'text/plain', `Internal error: ${(error as Error).message}`);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Refuse requests addressed to another host name (DNS rebinding).
    if (request.headers.host !== new URL(origin).host) return send(response, 421, 'text/plain', 'Wrong host');
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/api/invoke') return invoke(request, response);
    if (url.pathname === '/api/events') return events(url, response);
    if (url.pathname === '/api/test/clock' && testClock) return driveClock(request, response, testClock);
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    return serveFile(url.pathname, response);
  }

  function tokenMatches(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async function invoke(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Method not allowed');
    if (!tokenMatches(request.headers['x-touchplan-token'] as string | undefined)) {
      return send(response, 403, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid-request', message: 'Missing or wrong bridge token.' } }));
    }
    const refuse = (status: number, message: string) => send(response, status, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid-request', message } }));
    let text: string;
    try {
      text = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return refuse(413, `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
      throw error;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return refuse(400, 'The request is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse(400, 'The request must be a JSON object with a channel and a payload.');
    const { channel, payload } = body as { channel?: unknown; payload?: unknown };
    const result = await core.dispatch(typeof channel === 'string' ? channel : String(channel), payload);
    send(response, 200, 'application/json', JSON.stringify(result));
  }

  /** Tests drive time: {"advanceMs": n} lets time pass (timers fire on the way); {"set": iso} jumps, then resumes. */
  async function driveClock(request: IncomingMessage, response: ServerResponse, clock: DrivenClock): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Method not allowed');
    if (!tokenMatches(request.headers['x-touchplan-token'] as string | undefined)) return send(response, 403, 'text/plain', 'Missing or wrong bridge token.');
    try {
      const body = JSON.parse(await readBody(request)) as { set?: string; advanceMs?: number };
      if (typeof body.set === 'string') {
        const ms = Date.parse(body.set);
        if (Number.isNaN(ms)) throw new Error(`"${body.set}" is not an instant`);
        clock.set(ms);
        core.resume();
      }
      if (typeof body.advanceMs === 'number') clock.advance(body.advanceMs);
      send(response, 200, 'application/json', JSON.stringify({ now: new Date(clock.now()).toISOString() }));
    } catch (error) {
      send(response, 400, 'application/json', JSON.stringify({ error: (error as Error).message }));
    }
  }

  function events(url: URL, response: ServerResponse): void {
    if (!tokenMatches(url.searchParams.get('token'))) return send(response, 403, 'text/plain', 'Missing or wrong bridge token.');
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    eventStreams.add(response);
    response.on('close', () => eventStreams.delete(response));
  }

  async function serveFile(pathname: string, response: ServerResponse): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(rendererDir, relative || 'index.html');
    if (!file.startsWith(rendererDir + sep) && file !== rendererDir) return send(response, 403, 'text/plain', 'Forbidden');
    let stat = await fs.stat(file).catch(() => null);
    if (!stat || stat.isDirectory()) {
      file = join(rendererDir, 'index.html'); // client-side routes fall back to the app
      stat = await fs.stat(file).catch(() => null);
      if (!stat) return send(response, 500, 'text/plain', `The renderer is not built: run "npm run build" first (looked in ${rendererDir}).`);
    }
    let content: Buffer | string = await fs.readFile(file);
    if (file.endsWith('index.html')) {
      content = content
        .toString('utf8')
        .replace('<head>', `<head>\n    <meta name="touchplan-bridge-token" content="${secret}" />`);
    }
    send(response, 200, contentTypeOf(file), content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  origin = `http://127.0.0.1:${actualPort}`;

  return {
    url: `${origin}/`,
    token: secret,
    server,
    async close() {
      unsubscribeCore();
      unsubscribeHost();
      for (const stream of eventStreams) stream.end();
      // Stop accepting, then drop kept-alive connections: server.close() alone waits for them forever.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': RENDERER_CSP_HEADER,
    'X-Frame-Options': 'DENY',
  });
  response.end(body);
}

class BodyTooLargeError extends Error {}

/** The body as text; rejects with BodyTooLargeError past the limit (the rest is discarded, not read into memory). */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
