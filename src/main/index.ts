// Touchplan's Electron entry: core with the Electron adapters, then the shell around it.
import { join } from 'node:path';
import { createCore } from './core';
import { runApp } from './electron/lifecycle';

runApp(({ userDataDir, version, locale, notifier, tray }) =>
  createCore({ dataDir: join(userDataDir, 'data'), host: 'electron', version, locale, notifier, tray }),
);
