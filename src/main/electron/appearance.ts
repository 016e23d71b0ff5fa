// The AppearancePort over nativeTheme and app.getLocale(): the OS's dark or light scheme and its locale reach
// core, which answers them in app.info and pushes 'app.appearance' when the OS switches.
import { app, nativeTheme } from 'electron';
import { type AppAppearance } from '../../shared/api';
import { type AppearancePort } from '../core/ports';

export function currentAppearance(): AppAppearance {
  return { colorScheme: nativeTheme.shouldUseDarkColors ? 'dark' : 'light', locale: app.getLocale() || 'en-US' };
}

export function createAppearancePort(): AppearancePort {
  return {
    current: currentAppearance,
    onChange(listener) {
      const updated = (): void => listener(currentAppearance());
      nativeTheme.on('updated', updated);
      return () => {
        nativeTheme.removeListener('updated', updated);
      };
    },
  };
}
