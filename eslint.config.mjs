// Lint: typescript-eslint's recommended rules, and the import graph. The libs form layers, each
// importing only the layers below it, so no lib imports an app and no two libs import each other.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const LAYERS = ['domain', 'config', 'importer', 'queue', 'database', 'core', 'reminders', 'testing'];
const TESTS = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**', 'libs/testing/**'];

const layerZones = LAYERS.map((lib, i) => ({
  target: `./libs/${lib}`,
  from: ['./apps', ...LAYERS.slice(i + 1).map((above) => `./libs/${above}`)],
  message: `libs/${lib} may import only the libs below it (${LAYERS.slice(0, i).join(', ') || 'none'}), never an app.`,
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  // The bench loads modules by computed path.
  { files: ['bench/**/*.ts'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Production source keeps to its layer; tests may use the test kit (libs/testing) but no lib's tests import an app.
  { files: ['libs/**/*.ts'], ignores: TESTS, rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] } },
  {
    files: TESTS.filter((t) => t !== 'test/**'),
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [{ target: './libs', from: './apps', message: 'A lib never imports an app: end-to-end tests live in test/.' }] }] },
  },
);
