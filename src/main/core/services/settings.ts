// Settings: the rep's working week, reminders and preferences.
import { settingsSchema, type Settings } from '../../../shared/schema';
import type { ServiceContext } from './context';

export function createSettingsService(ctx: ServiceContext) {
  return {
    get: (): Settings => ctx.store.state.settings,
    async update(patch: Partial<Settings>): Promise<Settings> {
      return ctx.store.transact((tx) => {
        const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
        const next = settingsSchema.parse({ ...ctx.store.state.settings, ...defined });
        tx.setSettings(next);
        return next;
      });
    },
  };
}
