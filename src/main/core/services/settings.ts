// Settings: the rep's working week, reminders and preferences.
import { rezoned } from '../../../shared/domain/meetingTimes';
import { settingsSchema, type Settings } from '../../../shared/schema';
import type { ServiceContext } from './context';

export function createSettingsService(ctx: ServiceContext) {
  const { store } = ctx;
  return {
    get: (): Settings => store.state.settings,
    async update(patch: Partial<Settings>): Promise<Settings> {
      const zoneChanges = patch.timeZone !== undefined && patch.timeZone !== store.state.settings.timeZone;
      // All-day meetings keep their dates in the new zone: their instants are derived again, history included.
      if (zoneChanges) await store.history.loadAll();
      return store.transact((tx) => {
        const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
        const previousZone = store.state.settings.timeZone;
        const next = settingsSchema.parse({ ...store.state.settings, ...defined });
        tx.setSettings(next);
        if (next.timeZone !== previousZone) {
          for (const meeting of store.state.meetings.values()) {
            const moved = rezoned(meeting, next.timeZone);
            if (moved !== meeting) tx.put('meetings', moved);
          }
        }
        return next;
      });
    },
  };
}
