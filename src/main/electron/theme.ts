// Light or dark: Electron's nativeTheme follows settings.theme ('system' leaves it to the OS), so the window's
// own chrome and the page's prefers-color-scheme agree with the renderer. Applied at start and on every change.
import { nativeTheme } from 'electron';
import { type Events } from '../../shared/api';
import { type Settings } from '../../shared/schema';
import { type Core } from '../core';

export async function applyThemeSetting(core: Core): Promise<void> {
  const result = await core.dispatch('settings.get', {});
  if (result.ok) nativeTheme.themeSource = (result.value as Settings).theme;
}

/** Returns the unsubscribe. */
export function followThemeSetting(core: Core): () => void {
  const apply = (): void => {
    applyThemeSetting(core).catch((error: unknown) => console.error('Could not apply the theme', error));
  };
  apply();
  return core.onEvent((name, payload) => {
    if (name === 'data.changed' && (payload as Events['data.changed']).collections.includes('settings')) apply();
  });
}
