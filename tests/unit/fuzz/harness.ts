// The channel fuzzer, shared by the seeded test in `npm test` and `npm run fuzz -- --runs N`. Each run sends a
// batch of random and adversarial requests to a real core on a temp folder. Properties: every answer is ok, or a
// refusal whose code is not `internal` and whose message is under 300 characters; a refusal leaves the data
// files byte-identical; after each batch the folder reopens without a notice and every screen still answers.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createCore, type Core } from '../../../src/main/core';
import { contract, type Channel } from '../../../src/shared/api';
import { arbitraryOf } from './fromSchema';
import { payloadArbitrary } from './payloads';

const NOW = Date.parse('2026-12-02T09:00:00.000Z');
const clock = { now: () => NOW, setTimeout: () => null, clearTimeout: () => undefined };
const CHANNELS = Object.keys(contract) as Channel[];

export interface FuzzOptions {
  runs: number;
  seed?: number;
  maxBatch?: number;
}

export interface FuzzReport {
  calls: number;
  batches: number;
  refused: number;
  seed: number;
  /** How many requests each channel answered ok (a channel never answered ok was only tested for refusals). */
  accepted: Record<string, number>;
}

interface World {
  dataDir: string;
  core: Core;
  ids: string[];
  dealIds: string[];
  meetingIds: string[];
  /** Ids by the field that names them (dealId, meetingId, attendeeIds…). */
  byField: Record<string, string[]>;
}

async function value<T>(core: Core, channel: string, payload: unknown): Promise<T> {
  const result = await core.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function seedWorld(dataDir: string): Promise<World> {
  const core = await createCore({ dataDir, host: 'browser', version: 'fuzz', clock });
  const prospect = await value<{ id: string; contacts: { id: string }[] }>(core, 'prospects.create', { company: 'Northwind', contacts: [{ name: 'Ana Ruiz', email: 'ana@northwind.example' }] });
  const deal = await value<{ id: string }>(core, 'deals.create', { prospectId: prospect.id, title: 'Northwind pilot' });
  const meeting = await value<{ id: string }>(core, 'meetings.create', { dealId: deal.id, title: 'Discovery', start: '2026-12-03T09:00:00.000Z', end: '2026-12-03T10:00:00.000Z', attendeeIds: [prospect.contacts[0]?.id] });
  const templates = await value<{ id: string }[]>(core, 'templates.list', {});
  await value(core, 'sequences.apply', { meetingId: meeting.id, templateId: templates[0]?.id });
  const world: World = { dataDir, core, ids: [], dealIds: [], meetingIds: [], byField: {} };
  await refreshIds(world);
  return world;
}

/** A loopback iCal address, so the calendar sync channels have an account to work on (an iCal subscription). */
let calendarServer: { server: Server; url: string } | null = null;
async function calendarAddress(): Promise<string> {
  if (calendarServer) return calendarServer.url;
  const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Fuzz//EN', 'BEGIN:VEVENT', 'UID:fuzz-1', 'DTSTAMP:20261201T000000Z', 'DTSTART:20261203T100000Z', 'DTEND:20261203T110000Z', 'SUMMARY:Fuzz call', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  const server = createServer((_request, response) => void response.writeHead(200, { 'content-type': 'text/calendar', etag: '"1"' }).end(ics));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  calendarServer = { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/fuzz.ics` };
  return calendarServer.url;
}

async function refreshIds(world: World): Promise<void> {
  const ids = (items: { id: string }[]) => items.map((item) => item.id);
  const prospects = await value<{ id: string; contacts: { id: string }[] }[]>(world.core, 'prospects.list', { includeArchived: true });
  const deals = ids(await value(world.core, 'deals.list', { includeClosed: true }));
  const meetings = ids(await value(world.core, 'meetings.list', {}));
  const touches = ids(await value(world.core, 'touches.list', {}));
  const templates = await value<{ id: string; steps: { id: string }[] }[]>(world.core, 'templates.list', {});
  world.dealIds = deals;
  world.meetingIds = meetings;
  world.ids = [...ids(prospects), ...deals, ...meetings, ...touches, ...ids(templates)];
  let sync = await value<{ accounts: { id: string }[]; questions: { id: string }[] }>(world.core, 'calendarSync.status', {});
  if (sync.accounts.length === 0) {
    await value(world.core, 'calendarSync.subscribe', { url: await calendarAddress(), label: 'Fuzz' });
    sync = await value(world.core, 'calendarSync.status', {});
  }
  world.byField = {
    accountId: ids(sync.accounts),
    questionId: ids(sync.questions),
    prospectId: ids(prospects),
    dealId: deals,
    meetingId: meetings,
    touchId: touches,
    templateId: ids(templates),
    attendeeIds: prospects.flatMap((p) => ids(p.contacts)),
    steps: templates.flatMap((t) => ids(t.steps)),
  };
}

async function dataFiles(dataDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(dataDir)).sort()) {
    if (name.endsWith('.json')) files.set(name, await readFile(join(dataDir, name), 'utf8'));
  }
  return files;
}

/** The payload with one of its fields (or the payload itself) replaced by an odd value. */
function mutate(payload: unknown, odd: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return odd;
  const keys = Object.keys(payload);
  if (keys.length === 0) return odd;
  const key = keys[JSON.stringify(odd)?.length % keys.length || 0] as string;
  return { ...payload, [key]: odd };
}

function fail(what: string, channel: string, payload: unknown): never {
  const shown = JSON.stringify(payload, (_key, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v));
  throw new Error(`${what}\n  channel: ${channel}\n  payload: ${String(shown).slice(0, 2_000)}`);
}

/** Every screen's channel answers ok. */
async function screensAnswer(world: World): Promise<void> {
  await value(world.core, 'today.view', {});
  await value(world.core, 'calendar.range', { from: '2026-11-30T00:00:00.000Z', to: '2027-01-04T00:00:00.000Z' });
  await value(world.core, 'calendar.monthRange', { from: '2026-11-30T00:00:00.000Z', to: '2027-01-04T00:00:00.000Z' });
  await value(world.core, 'deals.overview', { includeClosed: true });
  for (const id of world.dealIds.slice(0, 5)) await value(world.core, 'deals.timeline', { id });
  for (const id of world.meetingIds.slice(0, 5)) await value(world.core, 'meetings.brief', { id });
}

export async function fuzzChannels(options: FuzzOptions): Promise<FuzzReport> {
  const dataDir = await mkdtemp(join(tmpdir(), 'touchplan-fuzz-'));
  const world = await seedWorld(dataDir);
  const report: FuzzReport = { calls: 0, batches: 0, refused: 0, seed: options.seed ?? Date.now(), accepted: {} };
  const adversarial = payloadArbitrary(() => world.ids);
  const AREA_IDS: Record<string, string> = { prospects: 'prospectId', deals: 'dealId', meetings: 'meetingId', touches: 'touchId', templates: 'templateId' };
  /** A channel's `id` names a record of its own area (prospects.get -> a prospect). */
  const idsFor = (channel: string) => (field: string) => {
    const key = field === 'id' ? AREA_IDS[channel.split('.')[0] as string] : field;
    return key ? (world.byField[key] ?? []) : world.ids;
  };
  // Per channel: mostly payloads built from its own schema (they reach the services), some with one field
  // replaced by an adversarial value, some adversarial through and through.
  const request = fc.oneof(
    ...CHANNELS.map((channel) => {
      const shaped = arbitraryOf(contract[channel].request as never, idsFor(channel));
      const mutated = fc.tuple(shaped, adversarial).map(([payload, odd]) => mutate(payload, odd));
      return fc.tuple(fc.constant(channel), fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 2, arbitrary: mutated }, { weight: 1, arbitrary: adversarial }));
    }),
  );
  const property = fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: options.maxBatch ?? 8 }), async (batch) => {
    for (const [channel, payload] of batch) {
      await world.core.flushed(); // what earlier requests set off in the background (reminders) is done
      const before = await dataFiles(dataDir);
      const result = await world.core.dispatch(channel, payload);
      report.calls += 1;
      if (result.ok) {
        report.accepted[channel] = (report.accepted[channel] ?? 0) + 1;
        continue;
      }
      report.refused += 1;
      await world.core.flushed();
      if (result.error.code === 'internal') fail(`internal error: ${result.error.message}`, channel, payload);
      if (result.error.message.length >= 300) fail(`a message of ${result.error.message.length} characters`, channel, payload);
      const after = await dataFiles(dataDir);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name));
      if (changed.length > 0) fail(`a refused request changed the data files: ${changed.join(', ')}`, channel, payload);
    }
    report.batches += 1;
    await world.core.close();
    world.core = await createCore({ dataDir, host: 'browser', version: 'fuzz', clock });
    // Reminders come due as info notices; a warning or an error means the folder was not left clean.
    const info = await value<{ notices: { level: string }[] }>(world.core, 'app.info', {});
    const problems = info.notices.filter((notice) => notice.level !== 'info');
    if (problems.length > 0) throw new Error(`the folder reopened with notices: ${JSON.stringify(problems).slice(0, 500)}`);
    await refreshIds(world);
    await screensAnswer(world);
  });
  try {
    await fc.assert(property, { numRuns: options.runs, seed: report.seed, endOnFailure: true });
  } finally {
    await world.core.close();
    await rm(dataDir, { recursive: true, force: true });
    const stopping = calendarServer;
    calendarServer = null;
    if (stopping) await new Promise((resolve) => stopping.server.close(resolve));
  }
  return report;
}
