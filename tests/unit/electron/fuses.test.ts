// The packaged binary's fuses: electron-builder.yml sets every security fuse, the way this test reads it with
// the YAML parser electron-builder itself uses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as { asar?: boolean; electronFuses?: Record<string, boolean> };
const fuses = config.electronFuses ?? {};

describe('electron-builder fuses', () => {
  it('flips every security fuse the right way', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only fuses that @electron/fuses knows', () => {
    const known = new Set(Object.keys(FuseV1Options).filter((name) => Number.isNaN(Number(name))).map((name) => name[0]!.toLowerCase() + name.slice(1)));
    for (const name of Object.keys(fuses)) expect(known, name).toContain(name);
  });

  it('packs the app into an asar, which the integrity and only-from-asar fuses need', () => {
    expect(config.asar).toBe(true);
  });
});
