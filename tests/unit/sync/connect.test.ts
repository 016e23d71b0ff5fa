// Connecting a CalDAV account against a real Radicale: discovery, a wrong password, the calendars to choose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRadicale, USERS, type Radicale } from './radicale';
import { openSyncWorld, phone, type SyncWorld } from './world';

let server: Radicale;
let world: SyncWorld;

beforeAll(async () => {
  server = await startRadicale();
  await phone(server).makeCalendar('work', 'Work');
  await phone(server).makeCalendar('private', 'Private');
  world = await openSyncWorld();
});
afterAll(async () => {
  await world?.close();
  await server?.close();
});

describe('connecting a calendar account', () => {
  it('finds the calendars through /.well-known/caldav and the principal, and keeps the password out of the data', async () => {
    const account = await world.call('calendarSync.connect', { server: server.url, username: 'alice', password: USERS.alice as string });
    expect(account.calendars.map((c) => c.name).sort()).toEqual(['Private', 'Work']);
    expect(account.calendars.every((c) => !c.read)).toBe(true);
    expect(await world.secrets.get(`calendar-account:${account.id}`)).toBe(USERS.alice);
    await world.core.flushed();
    const { readdir, readFile } = await import('node:fs/promises');
    for (const name of await readdir(world.dataDir)) {
      if (name.endsWith('.json')) expect(await readFile(`${world.dataDir}/${name}`, 'utf8')).not.toContain(USERS.alice);
    }
    const status = await world.call('calendarSync.status', {});
    expect(status.passwordsKept).toBe(false);
  });

  it('a plain http address other than this computer is refused: the password would cross the network readable', async () => {
    const error = await world.fail('calendarSync.connect', { server: 'http://calendar.example.invalid', username: 'alice', password: 'x' });
    expect(error.message).toMatch(/https/);
  });

  it('a wrong password is refused in plain words and nothing is stored', async () => {
    const before = (await world.call('calendarSync.status', {})).accounts.length;
    const error = await world.fail('calendarSync.connect', { server: server.url, username: 'alice', password: 'wrong' });
    expect(error.message).toMatch(/^The server refused the password/);
    expect((await world.call('calendarSync.status', {})).accounts).toHaveLength(before);
  });

  it('creates the "Touchplan" calendar for touches when asked, and will not read it as meetings', async () => {
    const [account] = (await world.call('calendarSync.status', {})).accounts;
    const work = account!.calendars.find((c) => c.name === 'Work')!;
    const chosen = await world.call('calendarSync.choose', { accountId: account!.id, read: [work.url], touchCalendar: { kind: 'create' } });
    const touches = chosen.calendars.find((c) => c.touches)!;
    expect(touches.name).toBe('Touchplan');
    expect(chosen.calendars.filter((c) => c.read).map((c) => c.name)).toEqual(['Work']);
    const refused = await world.fail('calendarSync.choose', { accountId: account!.id, read: [work.url, touches.url], touchCalendar: { kind: 'existing', url: touches.url } });
    expect(refused.message).toMatch(/cannot also be read/);
  });

  it('a wrong password at sync time is the account\'s error, in plain words', async () => {
    const [account] = (await world.call('calendarSync.status', {})).accounts;
    await world.secrets.set(`calendar-account:${account!.id}`, 'changed-on-the-server');
    const status = await world.call('calendarSync.syncNow', { accountId: account!.id });
    expect(status.accounts[0]?.lastError).toMatch(/^The server refused the password/);
  });
});
