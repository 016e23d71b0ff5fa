// npm run browser -- --data-dir DIR [--port N] [--demo]
// Serves the built renderer (npm run build first) with the real main-process core behind it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../src/main/core';
import { startBrowserHost } from '../src/main/browserHost/server';
import { DrivenClock } from '../src/main/browserHost/drivenClock';
import { createRecordingAdapters } from '../src/main/browserHost/recording';
import { systemClock } from '../src/main/core/ports';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    demo: { type: 'boolean', default: false },
  },
});

const dataDirArg = values['data-dir'];
if (!dataDirArg) {
  console.error('Usage: npm run browser -- --data-dir DIR [--port N] [--demo]');
  process.exit(2);
}
// TOUCHPLAN_RENDERER_DIR lets parallel builds (e.g. one per developer task) serve their own output.
const rendererDir = resolve(process.env.TOUCHPLAN_RENDERER_DIR ?? 'out/renderer');
if (!existsSync(resolve(rendererDir, 'index.html'))) {
  console.error('The renderer is not built yet: run "npm run build" first.');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

// TOUCHPLAN_TEST_CLOCK=<ISO instant>: time starts there and stands still until a test moves it (POST /api/test/clock).
const testClockStart = process.env.TOUCHPLAN_TEST_CLOCK;
const testClock = testClockStart ? new DrivenClock(Date.parse(testClockStart)) : undefined;
if (testClock && Number.isNaN(testClock.now())) {
  console.error(`TOUCHPLAN_TEST_CLOCK must be an ISO instant, not "${testClockStart}".`);
  process.exit(2);
}
const clock = testClock ?? systemClock;
// TOUCHPLAN_NOTIFICATIONS=unsupported: behave like an OS without a notification service (in-app banner instead).
const recording = createRecordingAdapters(clock, { notificationsSupported: process.env.TOUCHPLAN_NOTIFICATIONS !== 'unsupported' });

try {
  const core = await createCore({
    dataDir: resolve(dataDirArg),
    host: 'browser',
    version: process.env.npm_package_version ?? '0.0.0',
    demo: values.demo,
    clock,
    notifier: recording.notifier,
    tray: recording.tray,
  });
  const host = await startBrowserHost({ core, rendererDir, port, hostEvents: recording.onEvent, testClock });
  console.log(`Touchplan browser host: ${host.url}`);
  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (error) {
  console.error(`Touchplan browser host could not start: ${(error as Error).message}`);
  process.exit(1);
}
