// Light or dark: the Settings choice, or the OS's (prefers-color-scheme, which Electron's nativeTheme drives).
// The resolved scheme is written to <html data-color-scheme>, which styles.css and FullCalendar's palette read,
// and to color-scheme, so form controls and scroll bars follow.
import { useEffect } from 'react';
import type { Theme } from '../../shared/schema';

const osPrefersDark = () => window.matchMedia('(prefers-color-scheme: dark)');

export function applyTheme(theme: Theme): void {
  const scheme = theme === 'system' ? (osPrefersDark().matches ? 'dark' : 'light') : theme;
  document.documentElement.dataset.colorScheme = scheme;
  document.documentElement.style.colorScheme = scheme;
}

/** Keeps the page's scheme on the setting (until it has loaded, what main.tsx applied), and on the OS's while it is 'system'. */
export function useTheme(theme: Theme | undefined): void {
  useEffect(() => {
    if (!theme) return;
    applyTheme(theme);
    if (theme !== 'system') return;
    const media = osPrefersDark();
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [theme]);
}
