// Start at login following settings.openAtLogin: applied at start and whenever the settings change.
import { app } from 'electron';
import { type Events } from '../../shared/api';
import { type Settings } from '../../shared/schema';
import { type Core } from '../core';

export async function applyLoginItem(core: Core): Promise<void> {
  const result = await core.dispatch('settings.get', {});
  if (!result.ok) return;
  app.setLoginItemSettings({ openAtLogin: (result.value as Settings).openAtLogin });
}

/** Returns the unsubscribe. Does nothing unpackaged, so a dev run never registers the bare Electron binary. */
export function followLoginItemSetting(core: Core): () => void {
  if (!app.isPackaged) return () => {};
  const apply = (): void => {
    applyLoginItem(core).catch((error: unknown) => console.error('Could not update the login item', error));
  };
  apply();
  return core.onEvent((name, payload) => {
    if (name === 'data.changed' && (payload as Events['data.changed']).collections.includes('settings')) apply();
  });
}
