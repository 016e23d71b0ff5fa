// HTTP for calendar sync: the host's fetch (the HttpFetch port) with the account's credentials, and every
// failure turned into a SyncError in plain words. A refused password and an unreachable server are told
// apart, because the first needs the rep and the second only needs time (the changes wait in the store).
import type { HttpFetch } from '../ports';

export type SyncErrorKind = 'auth' | 'offline' | 'server' | 'input';

export class SyncError extends Error {
  constructor(
    message: string,
    readonly kind: SyncErrorKind,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export const REFUSED_PASSWORD = 'The server refused the password. Check the user name and the app password.';

/** Caps a request: a server that never answers must not hold a sync forever. */
const REQUEST_TIMEOUT_MS = 30_000;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
}

/**
 * A fetch that adds the credentials (fetch drops them itself on a redirect to another origin) and throws a
 * SyncError for a refused password (401) or a server that cannot be reached.
 */
export function authedFetch(base: HttpFetch, credentials: { username: string; password: string } | null): HttpFetch {
  const authorization = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}` : null;
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    if (authorization) headers.set('authorization', authorization);
    let response: Response;
    try {
      response = await base(url, { ...init, headers, signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      const reason = (error as Error)?.name === 'TimeoutError' ? 'it did not answer in time' : 'it cannot be reached';
      throw new SyncError(`The server ${hostOf(url)} is offline or ${reason}. Your changes wait and are sent when it is back.`, 'offline');
    }
    if (response.status === 401) throw new SyncError(REFUSED_PASSWORD, 'auth', 401);
    return response;
  };
}

/** A server answer that is not what sync asked for, in plain words. */
export function serverError(what: string, response: { status: number; statusText?: string }): SyncError {
  return new SyncError(`The calendar server refused to ${what} (${response.status}${response.statusText ? ` ${response.statusText}` : ''}).`, 'server', response.status);
}

/** "fastmail.com" -> "https://fastmail.com/"; an address is kept; anything else is refused in plain words. */
export function serverAddress(input: string): string {
  const trimmed = input.trim();
  if (!trimmed) throw new SyncError('Enter the address of your calendar server (for example caldav.fastmail.com).', 'input');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new SyncError(`"${trimmed.slice(0, 60)}" is not a server address (for example caldav.fastmail.com).`, 'input');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SyncError('A calendar server address starts with https://.', 'input');
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new SyncError('Use an https:// address: the password would otherwise cross the network readable by anyone.', 'input');
  }
  if (url.username || url.password) throw new SyncError('Put the user name and password in their own fields, not in the address.', 'input');
  return url.href;
}

export function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}
