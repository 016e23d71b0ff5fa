// The child of the kill-loop test: writes an increasing counter through the store as fast as it can and
// prints each value once the store has acknowledged it (made it durable). Every other write also moves a
// touch between planned (touches-active) and done (the history file of its quarter), so multi-file commits are killed too.
import { Store } from '../../../src/main/core/store/store';
import { settingsSchema, type Touch } from '../../../src/shared/schema';

const dataDir = process.argv[2] as string;
const clock = { now: () => Date.now(), setTimeout: () => null, clearTimeout: () => undefined };
const TOUCH_ID = '7d3f0c1e-2b4a-4c5d-8e6f-0a1b2c3d4e5f';
const PROSPECT_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

const store = await Store.open({
  dataDir,
  clock,
  initial: () => ({ settings: settingsSchema.parse({}), templates: [] }),
});
let counter = Number(store.state.settings.meetingLeadMinutes); // resume from what the folder holds
const base = store.state.touches.get(TOUCH_ID);
process.stdout.write(`open ${counter}\n`);
for (;;) {
  counter = (counter + 1) % 1440;
  const value = counter;
  await store.transact((tx) => {
    tx.setSettings({ ...store.state.settings, meetingLeadMinutes: value });
    if (!store.state.prospects.has(PROSPECT_ID)) {
      const at = '2026-01-05T09:00:00.000Z';
      tx.put('prospects', { id: PROSPECT_ID, createdAt: at, updatedAt: at, company: 'Kill Loop Co', website: '', notes: '', contacts: [], archived: false });
    }
    if (value % 2 === 0 || !base) {
      const done = value % 4 === 0;
      const touch: Touch = {
        id: TOUCH_ID,
        createdAt: '2026-01-05T09:00:00.000Z',
        updatedAt: new Date().toISOString(),
        prospectId: PROSPECT_ID,
        dealId: null,
        meetingId: null,
        due: { allDay: true, date: '2025-06-02' },
        channel: 'email',
        action: 'recap',
        title: `Recap ${value}`,
        value: 'A written summary of their goals and the agreed next step',
        status: done ? 'done' : 'planned',
        locked: false,
        completedAt: done ? '2025-06-02T10:00:00.000Z' : null,
        outcomeNote: '',
        skipReason: '',
      };
      tx.put('touches', touch);
    }
  });
  process.stdout.write(`ack ${value}\n`);
}
