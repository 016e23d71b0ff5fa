// Lint: TypeScript rules, the Electron security checklist, and the import boundaries of DESIGN.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import electronSecurity from 'eslint-plugin-electron-security';

const NODE_BUILTINS = [
  'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream',
  'worker_threads', 'events', 'buffer', 'process', 'zlib', 'readline',
];
const noNode = [
  { group: ['node:*'], message: 'Node modules belong in src/main; shared and renderer code must run anywhere.' },
  ...NODE_BUILTINS.map((name) => ({ group: [name], message: `'${name}' is Node-only: keep it in src/main.` })),
  { group: ['lowdb', 'lowdb/*'], message: 'lowdb is the store of src/main/core/store only.' },
];
const noElectron = { regex: '^electron(/.*)?$', message: "Only src/main/electron and src/preload may import 'electron'." };
const noRenderer = { group: ['**/renderer/**', '**/renderer'], message: 'Nothing imports the renderer.' };
const noMainFromShared = { group: ['**/main/**', '**/preload/**'], message: 'src/shared is pure: it imports no main or preload code.' };
const noElectronShellFromCore = { group: ['**/electron/**', '../electron', '../../electron'], message: 'main/core never imports the Electron shell.' };

export default tseslint.config(
  { ignores: ['.tmp/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer] }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noMainFromShared, ...noNode] }] },
  },
  {
    files: ['src/main/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noElectronShellFromCore] }] },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [noElectron, ...noNode, { group: ['**/main/**', '**/preload/**'], message: 'The renderer reaches the host only through window.api.' }] },
      ],
    },
  },
  {
    files: ['src/main/electron/**', 'src/preload/**'],
    ...electronSecurity.configs.recommended,
  },
  {
    files: ['src/main/electron/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer] }] },
  },
  {
    files: ['tests/**', 'scripts/**'],
    ignores: ['tests/renderer/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer] }] },
  },
  {
    // The renderer's own unit and component tests (Vitest): the only place outside src/renderer that imports it.
    files: ['tests/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, ...noNode] }] },
  },
);
