// Fault injection: the Nth fs call of a save fails (ENOSPC, EIO, EPERM, EBUSY), for every N of the save's
// sequence, once and persistently, for a one-file and a multi-file commit. Each time: the caller gets a
// StoreWriteError that reaches the renderer as {ok:false, error:{code:'store-failed', message}}, memory is
// rolled back, the folder opens valid with the old state (or, for a failure after the new content became
// visible and while the disk keeps failing, with either the old or the new state, never a mix), and the
// next save succeeds and persists exactly what memory holds.
//
// Failures of housekeeping after the data is durable (closing the folder handle used for fsync, removing a
// finished commit record) do not fail the save: there the change is acknowledged and persisted.
import { cp } from 'node:fs/promises';
import { afterAll, describe, expect, test } from 'vitest';
import { createDispatch, type Dispatch } from '../../../src/main/core/api/dispatch';
import { createHandlers } from '../../../src/main/core/api/handlers';
import { createServiceContext } from '../../../src/main/core/services/context';
import { createServices } from '../../../src/main/core/services';
import type { Store } from '../../../src/main/core/store/store';
import { FaultyFs, type FaultCode } from './faultyFs';
import { FakeClock, openStore, prospect, removeTempFolders, snapshot, tempFolder } from './helpers';

afterAll(removeTempFolders);

const CODES: FaultCode[] = ['ENOSPC', 'EIO', 'EPERM', 'EBUSY'];
const REASONS: Record<FaultCode, RegExp> = {
  ENOSPC: /disk is full/,
  EIO: /input\/output error/,
  EPERM: /not allowed to write/,
  EBUSY: /busy/,
};

interface Scenario {
  name: string;
  request: (run: number) => [channel: string, payload: unknown];
  /** Whether a reopened folder shows the change of `run`. */
  applied: (store: Store, run: number) => boolean;
  multiFile: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'one file (settings.update)',
    request: (run) => ['settings.update', { patch: { meetingLeadMinutes: 100 + run } }],
    applied: (store, run) => store.state.settings.meetingLeadMinutes === 100 + run,
    multiFile: false,
  },
  {
    name: 'several files (prospects.create with its first touch)',
    request: (run) => ['prospects.create', { company: `Contoso ${run}` }],
    applied: (store, run) => [...store.state.prospects.values()].some((p) => p.company === `Contoso ${run}`),
    multiFile: true,
  },
];

async function setUp(): Promise<{ dir: string; fs: FaultyFs; store: Store; dispatch: Dispatch }> {
  const dir = await tempFolder();
  const fs = new FaultyFs();
  const clock = new FakeClock();
  const store = await openStore(dir, { fs, clock });
  await store.transact((tx) => tx.put('prospects', prospect('Northwind Logistics')));
  await store.flushed();
  const handlers = createHandlers(createServices(createServiceContext(store, clock)), { host: 'browser', version: 'test' });
  return { dir, fs, store, dispatch: createDispatch(handlers) };
}

/** Opens a copy of the folder (the live one is locked by this process) with a healthy fs. */
async function reopenCopy(dir: string): Promise<Store> {
  const copy = await tempFolder();
  await cp(dir, copy, { recursive: true, filter: (source) => !source.endsWith('touchplan.lock') });
  return openStore(copy);
}

async function saveSequence(scenario: Scenario): Promise<string[]> {
  const { fs, store, dispatch } = await setUp();
  fs.arm(0, 'EIO', false);
  const [channel, payload] = scenario.request(0);
  expect(await dispatch(channel, payload)).toMatchObject({ ok: true });
  await store.flushed();
  const calls = [...fs.calls];
  await store.close();
  return calls;
}

const HOUSEKEEPING = (sequence: string[], n: number) => {
  const call = sequence[n - 1] as string;
  const last = n === sequence.length;
  // the close of the folder handle after its fsync, and the removal of a finished commit record
  return (call === 'handle.close' && sequence[n - 2] === 'handle.sync' && sequence[n - 3] === 'open r') || (last && call === 'unlink');
};

describe.each(SCENARIOS)('a failing save of $name', (scenario) => {
  test('the sequence is what the test expects', async () => {
    const sequence = await saveSequence(scenario);
    expect(sequence.filter((call) => call === 'rename').length).toBe(scenario.multiFile ? 3 : 2); // the shard files and the manifest
  });

  test.each(CODES.flatMap((code) => [{ code, persistent: false }, { code, persistent: true }]))(
    'every N, $code, persistent: $persistent',
    async ({ code, persistent }) => {
      const sequence = await saveSequence(scenario);
      for (let n = 1; n <= sequence.length; n++) {
        const { dir, fs, store, dispatch } = await setUp();
        const before = snapshot(store);
        fs.arm(n, code, persistent);
        const [channel, payload] = scenario.request(1);
        const result = await dispatch(channel, payload);
        await store.flushed();
        const where = `${code} at call ${n} (${sequence[n - 1]}), persistent ${persistent}`;

        const housekeeping = persistent
          ? sequence.every((_, i) => i + 1 < n || HOUSEKEEPING(sequence, i + 1)) // every call from n on fails
          : HOUSEKEEPING(sequence, n);
        if (housekeeping) {
          expect(result, where).toMatchObject({ ok: true });
        } else {
          expect(result, where).toEqual({ ok: false, error: { code: 'store-failed', message: expect.stringMatching(REASONS[code]) } });
          expect(snapshot(store), where).toEqual(before); // memory rolled back to the last durable state
          const onDisk = await reopenCopy(dir);
          expect(onDisk.notices, where + JSON.stringify(onDisk.notices)).toEqual([]);
          if (persistent) {
            // The disk still fails: the folder holds the old state or (after the commit point) the new one.
            if (!scenario.applied(onDisk, 1)) expect(snapshot(onDisk), where).toEqual(before);
            else {
              // the whole change and nothing else: the new prospect together with its first touch
              const grown = onDisk.state.prospects.size + onDisk.state.touches.size - store.state.prospects.size - store.state.touches.size;
              expect(grown, where).toBe(scenario.multiFile ? 2 : 0);
            }
          } else {
            expect(snapshot(onDisk), where).toEqual(before); // the settle pass made disk equal memory again
          }
          await onDisk.close();
        }

        // The next save succeeds, and what is on disk then is exactly what memory holds.
        fs.heal();
        const [nextChannel, nextPayload] = scenario.request(2);
        expect(await dispatch(nextChannel, nextPayload), where).toMatchObject({ ok: true });
        const memory = snapshot(store);
        expect(scenario.applied(store, 2)).toBe(true);
        await store.close();
        const reopened = await openStore(dir);
        expect(snapshot(reopened), where).toEqual(memory);
        await reopened.close();
      }
    },
  );
});
