// npm run browser -- --data-dir DIR [--port N] [--demo]
// Serves the built renderer (npm run build first) with the real main-process core behind it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../src/main/core';
import { startBrowserHost } from '../src/main/browserHost/server';

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

try {
  const core = await createCore({
    dataDir: resolve(dataDirArg),
    host: 'browser',
    version: process.env.npm_package_version ?? '0.0.0',
    demo: values.demo,
  });
  const host = await startBrowserHost({ core, rendererDir, port });
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
