// The import boundaries of DESIGN.md are enforced by ESLint; this proves the rules fire where they must.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/main/core/services/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/shared/x.ts', "import { Low } from 'lowdb';\nexport const x = Low;\n"],
    ['src/renderer/src/x.ts', "import { join } from 'path';\nexport const x = join;\n"],
    ['src/renderer/src/x.ts', "import { createCore } from '../../main/core';\nexport const x = createCore;\n"],
    ['src/main/core/x.ts', "import { App } from '../../renderer/src/App';\nexport const x = App;\n"],
  ])('%s may not import that', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['src/main/electron/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/main/index.ts', "import { runApp } from './electron/lifecycle';\nexport const x = runApp;\n"],
    ['src/main/core/x.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
  ])('%s may import that', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
