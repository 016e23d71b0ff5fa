import type { EventName, Events } from '../../shared/api';
import { settingsSchema } from '../../shared/schema';
import { builtInTemplates } from '../../shared/domain/builtInTemplates';
import { createDispatch } from './api/dispatch';
import { createHandlers } from './api/handlers';
import type { Core, CoreOptions, EventListener } from './index';
import { systemClock } from './ports';
import { createServiceContext } from './services/context';
import { createServices } from './services';
import { Store } from './store/store';
import { seedDemoData } from './demo/seedDemo';
import { ReminderScheduler } from './reminders/scheduler';

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const store = await Store.open({
    dataDir: options.dataDir,
    clock,
    initial: () => ({
      settings: settingsSchema.parse({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' }),
      templates: builtInTemplates(),
    }),
  });
  const ctx = createServiceContext(store, clock);
  const services = createServices(ctx);
  if (options.demo) await seedDemoData(ctx);

  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const listener of listeners) listener(event, payload);
  };
  store.onCommitted((changed) => {
    const collections = [...changed].filter((part) => part !== 'notifiedKeys') as Events['data.changed']['collections'];
    if (collections.length > 0) emit('data.changed', { collections });
  });
  store.onNotice((notice) => emit('notice', notice));
  services.interop.onProgress((progress) => emit('interop.progress', progress));

  // Reminders: notifications when touches and meetings come due, the morning digest, the tray.
  const reminders = new ReminderScheduler({
    store,
    clock,
    notifier: options.notifier,
    tray: options.tray,
    emit,
    onError: (error) => console.error('Touchplan: reminders', error),
  });
  services.touchActions.connect({
    pause: (minutes) => reminders.pause(minutes),
    pausedUntil: () => reminders.pausedUntilMs,
    panel: () => reminders.panel(),
  });
  reminders.start();

  const dispatch = createDispatch(createHandlers(services, { host: options.host, version: options.version, locale: options.locale }), (error) =>
    console.error('Touchplan: unexpected error in a handler', error),
  );

  return {
    dispatch,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async runTrayCommand(command) {
      switch (command.type) {
        case 'touch.done':
          await services.touchActions.complete(command.touchId);
          return;
        case 'touch.snoozeHour':
          await services.touchActions.snooze(command.touchId, 'hour');
          return;
        case 'touch.tomorrow':
          await services.touchActions.snooze(command.touchId, 'tomorrow');
          return;
        case 'touch.open':
          emit('open.touch', { touchId: command.touchId });
          return;
        case 'open.today':
          emit('open.today', {});
          return;
        case 'meeting.new':
          emit('open.newMeeting', {});
          return;
        case 'notifications.pauseHour':
          reminders.pause(60);
          return;
        case 'app.quit':
          return; // the shell quits
      }
    },
    resume() {
      reminders.rescan();
    },
    flushed: () => store.flushed(),
    async close() {
      reminders.stop();
      await store.close();
    },
  };
}
