// Touchplan's Electron entry: core with the Electron adapters, then the shell around it.
import { join } from 'node:path';
import { createCore } from './core';
// The shell is the designed way in; the lint pattern 'electron/*' (meant for the npm package) also
// matches this relative folder, so it is waived for this one import.
// eslint-disable-next-line no-restricted-imports
import { runApp } from './electron/lifecycle';

runApp(({ userDataDir, version, notifier, tray }) =>
  createCore({ dataDir: join(userDataDir, 'data'), host: 'electron', version, notifier, tray }),
);
