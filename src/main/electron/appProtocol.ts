// The app:// scheme the renderer is served from (not file://): registered as privileged before the app is
// ready, then handled by reading only files inside the built renderer (src/main/core/host/rendererFiles.ts
// decides which). Every answer carries the renderer's Content-Security-Policy as a header.
import { promises as fs } from 'node:fs';
import { protocol } from 'electron';
import { RENDERER_CSP_HEADER } from '../../shared/contentSecurityPolicy';
import { APP_SCHEME, contentTypeOf, resolveRendererFile } from '../core/host/rendererFiles';

/**
 * Must run before the app is ready: a standard, secure origin that may use fetch, like https. corsEnabled lets
 * Chromium run its CORS checks on the scheme, which the module scripts of the build (crossorigin) go through;
 * no answer carries Access-Control-Allow-Origin, so no other origin can read ours. No bypassCSP.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const refusal = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** Answers one app:// request: a file of the renderer, or 404 / 405 (never a file outside `rendererDir`). */
export async function answerAppRequest(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed');
  const file = await resolveRendererFile(rendererDir, request.url);
  if (file === null) return refusal(404, 'Not found');
  const body = await fs.readFile(file);
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Content-Length': String(body.length) },
  });
}

/** After ready: serve app:// from the built renderer folder. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) =>
    answerAppRequest(rendererDir, request).catch((error: unknown) => {
      console.error('app:// request failed', request.url, error);
      return refusal(500, 'The file could not be read.');
    }),
  );
}
