// The store's touch index (planned / by meeting / by deal) must always agree with state.touches: after puts,
// removes, status changes, a failed save's rollback and a reopen.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/main/core/store/store';
import type { Touch } from '../../../src/shared/schema';
import { FaultyFs } from './faultyFs';
import { openStore, removeTempFolders, tempFolder, touch } from './helpers';

afterEach(removeTempFolders);

/** The index, recomputed the slow way from state.touches, must equal what the store keeps. */
function expectIndexInStep(store: Store, dealIds: string[], meetingIds: string[]): void {
  const all = [...store.state.touches.values()];
  const ids = (touches: Iterable<Touch>) => [...touches].map((t) => t.id).sort();
  expect(ids(store.touchIndex.planned.values())).toEqual(ids(all.filter((t) => t.status === 'planned')));
  for (const dealId of dealIds) expect(ids(store.touchIndex.ofDeal(dealId).values())).toEqual(ids(all.filter((t) => t.dealId === dealId)));
  for (const meetingId of meetingIds) {
    expect(ids(store.touchIndex.ofMeeting(meetingId).values())).toEqual(ids(all.filter((t) => t.meetingId === meetingId)));
  }
}

describe('the touch index', () => {
  it('follows puts, status changes, moves between deals and meetings, removes, a failed save and a reopen', async () => {
    const dir = await tempFolder();
    const fs = new FaultyFs();
    let store = await openStore(dir, { fs });
    const deals: [string, string] = [randomUUID(), randomUUID()];
    const meetings: [string, string] = [randomUUID(), randomUUID()];
    const [a, b, c] = [
      touch({ dealId: deals[0], meetingId: meetings[0] }),
      touch({ dealId: deals[0], meetingId: meetings[1] }),
      touch({ dealId: deals[1], meetingId: null }),
    ];
    await store.transact((tx) => [a, b, c].forEach((t) => tx.put('touches', t)));
    expectIndexInStep(store, deals, meetings);
    expect(store.touchIndex.planned.size).toBe(3);

    await store.transact((tx) => {
      tx.put('touches', { ...a, status: 'done', completedAt: a.createdAt });
      tx.put('touches', { ...b, dealId: deals[1], meetingId: meetings[0] });
      tx.remove('touches', c.id);
    });
    expectIndexInStep(store, deals, meetings);
    expect(store.touchIndex.ofDeal(deals[0]).size).toBe(1);
    expect(store.touchIndex.planned.has(a.id)).toBe(false);

    // A save that fails rolls memory back, and the index with it.
    fs.arm(1, 'ENOSPC', true);
    await expect(
      store.transact((tx) => {
        tx.put('touches', { ...b, status: 'skipped', dealId: deals[0] });
        tx.put('touches', touch({ dealId: deals[1], meetingId: meetings[1] }));
      }),
    ).rejects.toThrow(/disk is full/);
    fs.heal();
    expectIndexInStep(store, deals, meetings);
    expect(store.touchIndex.ofMeeting(meetings[1]).size).toBe(0);

    await store.close();
    store = await openStore(dir);
    expectIndexInStep(store, deals, meetings);
    await store.close();
  });
});
