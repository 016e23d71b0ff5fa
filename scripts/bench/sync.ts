// Calendar sync figures against a real Radicale on loopback (Debian's radicale, started and stopped here), on
// the ten-year dataset in a real Store:
// - sync.initial.1k.ms: the first sync of a calendar of 1,000 events (discovery done): listed by
//   sync-collection, read by calendar-multiget, parsed, and durable as 1,000 new meetings;
// - sync.noop.ms: a sync when nothing changed (one sync-collection per calendar, nothing written but the
//   time of the sync), median of 10;
// - sync.push.touch.ms: a touch moved in Touchplan until it is durable on the server (the move's commit, one
//   conditional PUT answered by Radicale, which fsyncs, and the new ETag saved), median of 10 different touches.
// The first push of every planned touch of the dataset is setup, reported as sync.push.initial.ms.
import { join } from 'node:path';
import { startRadicale, USERS } from '../../tests/unit/sync/radicale';
import { generateDataset, TEN_YEAR_CAREER } from '../../src/main/core/demo/generateDataset';
import { memorySecretStore, type Clock } from '../../src/main/core/ports';
import { createServiceContext } from '../../src/main/core/services/context';
import { createServices } from '../../src/main/core/services';
import { Store } from '../../src/main/core/store/store';
import { builtInTemplates } from '../../src/shared/domain/builtInTemplates';
import { settingsSchema } from '../../src/shared/schema';
import { median, timed, type BenchContext } from './context';
import { putDataset } from '../../src/main/core/demo/putDataset';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const EVENTS = 1_000;
const RUNS = 10;
const clock: Clock = { now: () => NOW, setTimeout: () => null, clearTimeout: () => undefined };

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** One VCALENDAR of `count` events over the next months, PUT whole to the collection (Radicale splits it). */
function bulkCalendar(count: number): string {
  const events = Array.from({ length: count }, (_, i) => {
    const start = NOW + (i % 180) * 86_400_000 + ((i % 8) + 8) * 3_600_000;
    return `BEGIN:VEVENT\r\nUID:bench-${i}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:${stamp(start)}\r\nDTEND:${stamp(start + 3_600_000)}\r\nSUMMARY:Customer call ${i}\r\nATTENDEE:mailto:buyer${i % 50}@customer${i % 50}.example\r\nEND:VEVENT\r\n`;
  });
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Touchplan bench//EN\r\n${events.join('')}END:VCALENDAR\r\n`;
}

export async function run(ctx: BenchContext): Promise<Record<string, number>> {
  const server = await startRadicale();
  const dataDir = join(ctx.tempDir, 'career');
  const open = () => Store.open({ dataDir, clock, initial: () => ({ settings: settingsSchema.parse({ timeZone: 'Europe/Berlin' }), templates: builtInTemplates() }) });
  try {
    ctx.log(`loading ${EVENTS} events into Radicale`);
    const put = await fetch(`${server.url}alice/work/`, { method: 'PUT', body: bulkCalendar(EVENTS), headers: { ...server.auth('alice'), 'content-type': 'text/calendar' } });
    if (put.status !== 201) throw new Error(`Radicale refused the bench calendar (${put.status})`);

    ctx.log('generating the ten-year dataset');
    const data = generateDataset(TEN_YEAR_CAREER, NOW, 42);
    let store = await open();
    await putDataset(store, data);
    await store.close();
    store = await open();
    await store.flushed();
    const services = createServices(createServiceContext(store, clock), { secrets: memorySecretStore() });
    const sync = services.calendarSync;
    try {
      const account = await sync.connect({ server: server.url, username: 'alice', password: USERS.alice as string });
      const work = account.calendars.find((c) => c.url.endsWith('/alice/work/'));
      if (!work) throw new Error('the bench calendar was not discovered');
      await sync.choose({ accountId: account.id, read: [work.url], touchCalendar: { kind: 'none' } });

      ctx.log('measuring the first sync');
      const meetingsBefore = store.state.meetings.size;
      const initial = await timed(() => sync.syncNow(account.id));
      const added = store.state.meetings.size - meetingsBefore;
      const error = sync.status().accounts[0]?.lastError;
      if (error || added !== EVENTS) throw new Error(`the first sync brought ${added} meetings in (${error ?? 'no error'})`);

      ctx.log('measuring syncs with nothing changed');
      const noop: number[] = [];
      for (let i = 0; i < RUNS + 2; i++) {
        const ms = await timed(() => sync.syncNow(account.id));
        if (i >= 2) noop.push(ms);
      }

      await sync.choose({ accountId: account.id, read: [work.url], touchCalendar: { kind: 'create' } });
      const planned = [...store.touchIndex.planned.values()];
      ctx.log(`first push of ${planned.length} planned touches`);
      const initialPush = await timed(() => sync.pushNow(account.id));
      if (sync.status().accounts[0]?.pending !== 0) throw new Error(`the first push left touches to send: ${sync.status().accounts[0]?.lastError}`);

      ctx.log('measuring one moved touch until it is on the server');
      const push: number[] = [];
      for (let i = 0; i < RUNS + 2; i++) {
        const touch = planned[i * 7]!;
        const due = touch.due.allDay ? { allDay: true as const, date: touch.due.date.replace(/-(\d\d)$/, (_m, d: string) => `-${d === '28' ? '27' : '28'}`) } : { allDay: false as const, at: new Date(Date.parse(touch.due.at) + 3_600_000).toISOString() };
        const ms = await timed(async () => {
          await services.calendar.moveTouch(touch.id, due, 'this');
          await sync.pushNow(account.id);
        });
        if (sync.status().accounts[0]?.pending !== 0) throw new Error('a moved touch was not pushed');
        if (i >= 2) push.push(ms);
      }
      return {
        'sync.initial.1k.ms': initial,
        'sync.noop.ms': median(noop),
        'sync.push.touch.ms': median(push),
        'sync.push.initial.ms': initialPush,
        'sync.push.initial.touches': planned.length,
      };
    } finally {
      await services.syncRunner.idle();
      await store.close();
    }
  } finally {
    await server.close();
  }
}
