// Which file of the built renderer an app:// URL names. Used by the Electron shell's app:// protocol handler;
// plain Node (no Electron), so the rules are tested directly. Only files inside the renderer folder are ever
// served: a URL of another scheme or host, a path with "..", an encoded separator or a NUL, and a symbolic
// link leading out of the folder are all refused.
import { promises as fs } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

/** The scheme and origin the Electron shell serves the renderer from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'touchplan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Content types of what the renderer build contains; anything else is served as bytes, never sniffed. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The path, relative to the renderer folder and with '/' separators, that an app:// URL names, or null when
 * the URL is not one of ours or its path is not a plain path inside the folder. "/" names index.html.
 */
export function rendererPathOfUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;
  const segments: string[] = [];
  for (const encoded of url.pathname.split('/').filter((segment) => segment !== '')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return null;
    }
    // After decoding: no traversal, no separator smuggled in as %2F or %5C, no NUL, no drive letter.
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.length === 0 ? 'index.html' : segments.join('/');
}

const isInside = (root: string, file: string): boolean => {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

/**
 * The absolute path of the existing regular file an app:// URL names inside `rendererDir`, or null (not ours,
 * traversal, a folder, missing, or a link that resolves outside the folder).
 */
export async function resolveRendererFile(rendererDir: string, raw: string): Promise<string | null> {
  const path = rendererPathOfUrl(raw);
  if (path === null) return null;
  const candidate = join(rendererDir, ...path.split('/'));
  if (!isInside(rendererDir, candidate)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(rendererDir), fs.realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return null;
    const stat = await fs.stat(realFile);
    return stat.isFile() ? realFile : null;
  } catch {
    return null;
  }
}
