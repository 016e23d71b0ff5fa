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

  const dispatch = createDispatch(createHandlers(services, { host: options.host, version: options.version }), (error) =>
    console.error('Touchplan: unexpected error in a handler', error),
  );

  return {
    dispatch,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async runTrayCommand() {
      // Filled in by the reminders issue (Done, Snooze, Open from the tray).
    },
    resume() {
      // Filled in by the reminders issue (rescan what is due after sleep).
    },
    async close() {
      await store.close();
    },
  };
}
