// CalDAV (RFC 4791) through tsdav: discovery, the calendars of an account, what changed in one (RFC 6578
// sync-collection, with a ctag + ETag listing where a server has no sync tokens), reading objects
// (calendar-multiget), and conditional writes (If-Match / If-None-Match). No hand-written WebDAV: every
// request body is tsdav's. hrefs are kept as paths ("/alice/work/e1.ics"), as servers write them.
import {
  calendarMultiGet,
  createAccount,
  createObject,
  deleteObject,
  DAVNamespaceShort,
  fetchCalendars,
  makeCalendar,
  propfind,
  syncCollection,
  updateObject,
  type DAVResponse,
} from 'tsdav';
import type { HttpFetch } from '../ports';
import { serverError, SyncError } from './http';

export interface RemoteCalendar {
  url: string;
  name: string;
  ctag: string | null;
  syncToken: string | null;
  /** Holds events (VEVENT); a tasks-only collection is not offered. */
  events: boolean;
}

export interface Changes {
  /** The new sync token, or null where the server has none. */
  syncToken: string | null;
  ctag: string | null;
  /** path -> ETag of every object new or changed. */
  changed: Map<string, string>;
  /** Paths of objects gone. */
  deleted: string[];
}

const D = DAVNamespaceShort.DAV;
const C = DAVNamespaceShort.CALDAV;
const CS = DAVNamespaceShort.CALENDAR_SERVER;
const MULTIGET_BATCH = 250;

export const pathOf = (href: string, base: string): string => new URL(href, base).pathname;

function displayName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '_text' in value) return String((value as { _text: unknown })._text);
  return '';
}

/** Finds the calendar home (well-known address, principal) and lists its calendars. */
export async function discover(fetch: HttpFetch, serverUrl: string): Promise<{ serverUrl: string; homeUrl: string; calendars: RemoteCalendar[] }> {
  let account;
  try {
    account = await createAccount({ account: { accountType: 'caldav', serverUrl }, fetch });
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw new SyncError(`No CalDAV calendars were found at ${serverUrl}: check the address (${(error as Error).message}).`, 'server');
  }
  if (!account.homeUrl) throw new SyncError(`No CalDAV calendars were found at ${serverUrl}: check the address.`, 'server');
  return { serverUrl: account.rootUrl ?? serverUrl, homeUrl: account.homeUrl, calendars: await listCalendars(fetch, account.homeUrl, account.rootUrl ?? serverUrl) };
}

export async function listCalendars(fetch: HttpFetch, homeUrl: string, rootUrl: string): Promise<RemoteCalendar[]> {
  const calendars = await fetchCalendars({ account: { accountType: 'caldav', serverUrl: rootUrl, rootUrl, homeUrl }, fetch });
  return calendars.map((calendar) => ({
    url: calendar.url,
    name: displayName(calendar.displayName) || pathOf(calendar.url, homeUrl).split('/').filter(Boolean).pop() || calendar.url,
    ctag: calendar.ctag ?? null,
    syncToken: calendar.syncToken ?? null,
    events: !calendar.components || calendar.components.includes('VEVENT'),
  }));
}

/** Creates a calendar named `name` under the home; answers its address. */
export async function createCalendar(fetch: HttpFetch, homeUrl: string, slug: string, name: string): Promise<string> {
  const url = new URL(`${slug}/`, homeUrl).href;
  const [response] = await makeCalendar({ url, props: { [`${D}:displayname`]: name }, fetch });
  if (response && !response.ok && response.status !== 405) throw serverError(`create the calendar "${name}"`, response);
  return url;
}

function isTokenRefused(responses: DAVResponse[]): boolean {
  const first = responses[0];
  return !!first && !first.ok && (first.status === 403 || first.status === 409 || first.status === 400) && JSON.stringify(first.raw ?? '').includes('sync-token');
}

/**
 * What changed in a calendar since `known` (its token, ctag and the ETags read last time). An unchanged ctag
 * answers null at once; else with a token the server says (RFC 6578), and a refused (expired) token or none
 * falls back to the full listing compared ETag by ETag. The ctag returned is the one read before the changes,
 * so a change made meanwhile is found by the next sync.
 */
export async function changesOf(
  fetch: HttpFetch,
  url: string,
  known: { syncToken: string | null; ctag: string | null; etags: ReadonlyMap<string, string> },
  supportsSync: boolean,
): Promise<Changes | null> {
  const own = pathOf(url, url);
  // The ctag first, even where sync tokens work: on a calendar of a thousand events it is the cheapest question
  // (Radicale answers it in about half the time of an empty sync-collection), and most syncs find nothing.
  const [head] = await propfind({ url, props: { [`${CS}:getctag`]: {} }, depth: '0', fetch });
  if (head && !head.ok && head.status !== 207) throw serverError('describe the calendar', head);
  const ctag = head?.props?.getctag ? String(head.props.getctag) : null;
  if (ctag !== null && ctag === known.ctag) return null;
  if (supportsSync) {
    let responses = await syncCollection({ url, props: { [`${D}:getetag`]: {} }, syncLevel: 1, syncToken: known.syncToken ?? '', fetch });
    let full = !known.syncToken;
    if (isTokenRefused(responses)) {
      responses = await syncCollection({ url, props: { [`${D}:getetag`]: {} }, syncLevel: 1, syncToken: '', fetch });
      full = true;
    }
    const first = responses[0];
    if (first && !first.ok && !first.href?.endsWith('.ics') && first.status !== 404) throw serverError('list the calendar', first);
    const token = (first?.raw as { multistatus?: { syncToken?: string } } | undefined)?.multistatus?.syncToken ?? null;
    const changed = new Map<string, string>();
    const deleted: string[] = [];
    for (const response of responses) {
      if (!response.href) continue;
      const path = pathOf(response.href, url);
      if (path === own) continue;
      if (response.status === 404) deleted.push(path);
      else if (response.props?.getetag) {
        const etag = String(response.props.getetag);
        if (known.etags.get(path) !== etag) changed.set(path, etag);
      }
    }
    if (full) {
      const listed = new Set([...changed.keys(), ...responses.flatMap((r) => (r.href && r.status !== 404 ? [pathOf(r.href, url)] : []))]);
      for (const path of known.etags.keys()) if (!listed.has(path)) deleted.push(path);
    }
    return { syncToken: token, ctag, changed, deleted };
  }
  const listing = await propfind({ url, props: { [`${D}:getetag`]: {} }, depth: '1', fetch });
  const changed = new Map<string, string>();
  const listed = new Set<string>();
  for (const response of listing) {
    if (!response.href || !response.props?.getetag) continue;
    const path = pathOf(response.href, url);
    if (path === own) continue;
    listed.add(path);
    const etag = String(response.props.getetag);
    if (known.etags.get(path) !== etag) changed.set(path, etag);
  }
  const deleted = [...known.etags.keys()].filter((path) => !listed.has(path));
  return { syncToken: null, ctag, changed, deleted };
}

/** The iCalendar text and ETag of each path (calendar-multiget, in batches). Paths gone meanwhile are left out. */
export async function readObjects(fetch: HttpFetch, url: string, paths: string[]): Promise<Map<string, { etag: string; data: string }>> {
  const result = new Map<string, { etag: string; data: string }>();
  for (let i = 0; i < paths.length; i += MULTIGET_BATCH) {
    const responses = await calendarMultiGet({
      url,
      props: { [`${D}:getetag`]: {}, [`${C}:calendar-data`]: {} },
      objectUrls: paths.slice(i, i + MULTIGET_BATCH),
      depth: '1',
      fetch,
    });
    for (const response of responses) {
      if (!response.href || !response.ok) continue;
      const raw = response.props?.calendarData as unknown;
      const data = typeof raw === 'string' ? raw : ((raw as { _cdata?: string; _text?: string } | undefined)?._cdata ?? (raw as { _text?: string } | undefined)?._text);
      if (typeof data === 'string') result.set(pathOf(response.href, url), { etag: String(response.props?.getetag ?? ''), data });
    }
  }
  return result;
}

export interface WriteResult {
  status: number;
  etag: string | null;
}

const ICS_HEADERS = { 'content-type': 'text/calendar; charset=utf-8' };

/** PUT: a new object only if none is there (etag null: If-None-Match *), else only over that ETag (If-Match). */
export async function putObject(fetch: HttpFetch, url: string, text: string, etag: string | null): Promise<WriteResult> {
  const response =
    etag === null
      ? await createObject({ url, data: text, headers: { ...ICS_HEADERS, 'if-none-match': '*' }, fetch })
      : await updateObject({ url, data: text, etag, headers: ICS_HEADERS, fetch });
  if (!response.ok && response.status !== 412) throw serverError('save a touch', response);
  return { status: response.status, etag: response.headers.get('etag') };
}

export async function deleteRemote(fetch: HttpFetch, url: string, etag: string | null): Promise<WriteResult> {
  const response = await deleteObject({ url, etag: etag ?? undefined, fetch });
  if (!response.ok && response.status !== 412 && response.status !== 404) throw serverError('remove a touch', response);
  return { status: response.status, etag: null };
}

/** One object as the server has it now, or null if it is gone. */
export async function getObject(fetch: HttpFetch, url: string): Promise<{ etag: string | null; data: string } | null> {
  const response = await fetch(url, { method: 'GET', headers: { accept: 'text/calendar' } });
  if (response.status === 404) return null;
  if (!response.ok) throw serverError('read a touch', response);
  return { etag: response.headers.get('etag'), data: await response.text() };
}
