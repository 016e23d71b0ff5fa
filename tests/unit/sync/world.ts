// A real core on a temp folder with a hand-set clock and memory secrets, and "the phone": direct requests to
// the Radicale server as another CalDAV client would make them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src/main/core';
import { memorySecretStore, type HttpFetch, type SecretStore } from '../../../src/main/core/ports';
import type { Channel, RequestOf, ResponseOf } from '../../../src/shared/api';
import type { Radicale } from './radicale';

export const NOW = '2026-12-02T09:00:00.000Z';

export interface SyncWorld {
  core: Core;
  dataDir: string;
  secrets: SecretStore;
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  fail(channel: Channel, request: unknown): Promise<{ code: string; message: string }>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function openSyncWorld(options: { dataDir?: string; fetch?: HttpFetch; secrets?: SecretStore } = {}): Promise<SyncWorld> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'touchplan-sync-')));
  const now = Date.parse(NOW);
  const clock = { now: () => now, setTimeout: () => null, clearTimeout: () => undefined };
  const secrets = options.secrets ?? memorySecretStore();
  const open = () => createCore({ dataDir, host: 'browser', version: 'test', clock, secrets, fetch: options.fetch, syncTimers: false });
  const world: SyncWorld = {
    core: await open(),
    dataDir,
    secrets,
    async call(channel, request) {
      const result = await world.core.dispatch(channel, request);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    async fail(channel, request) {
      const result = await world.core.dispatch(channel, request);
      if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`);
      return result.error;
    },
    async restart() {
      await world.core.close();
      world.core = await open();
    },
    async close() {
      await world.core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** "the phone": another CalDAV client writing straight to the server. */
export function phone(server: Radicale, user = 'alice') {
  const base = server.url;
  const request = (path: string, init: RequestInit) => fetch(new URL(path, base), { ...init, headers: { ...server.auth(user), ...(init.headers as Record<string, string>) } });
  return {
    async makeCalendar(slug: string, name: string): Promise<string> {
      const body = `<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>${name}</D:displayname></D:prop></D:set></C:mkcalendar>`;
      const response = await request(`/${user}/${slug}/`, { method: 'MKCALENDAR', body, headers: { 'content-type': 'application/xml' } });
      if (response.status !== 201) throw new Error(`MKCALENDAR ${response.status}`);
      return new URL(`/${user}/${slug}/`, base).href;
    },
    async put(path: string, ics: string, etag?: string): Promise<Response> {
      return request(path, { method: 'PUT', body: ics, headers: { 'content-type': 'text/calendar', ...(etag ? { 'if-match': etag } : {}) } });
    },
    async get(path: string): Promise<{ status: number; etag: string | null; text: string }> {
      const response = await request(path, { method: 'GET' });
      return { status: response.status, etag: response.headers.get('etag'), text: await response.text() };
    },
    async remove(path: string): Promise<number> {
      return (await request(path, { method: 'DELETE' })).status;
    },
    /** The object paths in a calendar. */
    async list(slug: string): Promise<string[]> {
      const body = '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>';
      const response = await request(`/${user}/${slug}/`, { method: 'PROPFIND', body, headers: { depth: '1', 'content-type': 'application/xml' } });
      const text = await response.text();
      return [...text.matchAll(/<href>([^<]+\.ics)<\/href>/g)].map((m) => m[1] as string);
    },
  };
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function eventIcs(uid: string, start: string, end: string, summary: string, extra: string[] = []): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Phone//Test//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20261201T000000Z',
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${summary}`,
    ...extra,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
