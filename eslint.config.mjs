// `npm run lint`: the Office add-in rules and Prettier over src, test, bench and scripts; each host's globals only where
// that host's code runs.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';
import globals from 'globals';

const OFFICE = { Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' };

export default [
  { ignores: ['dist/**', '.bench-build/**', 'node_modules/**', 'coverage/**', 'samples/out/**', 'test/artifacts/**'] },
  ...officeAddins.configs.recommended,
  {
    plugins: { 'office-addins': officeAddins },
    languageOptions: { parser: tsParser },
    rules: {
      // TypeScript checks names itself (types such as Excel.Range are not values eslint can see).
      'no-undef': 'off',
      // A parameter kept for its place in a signature (the host's stand-ins for Office's methods) starts with "_".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/excel/**', 'src/taskpane/**', 'src/commands/**', 'src/dialog/**'],
    languageOptions: { globals: { ...globals.browser, ...OFFICE } },
  },
  { files: ['src/cli/**', 'src/xlsx/**', 'scripts/**', 'bench/**', '*.js', 'test/fixtures/**/*.js'], languageOptions: { globals: globals.node } },
  {
    files: ['test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...OFFICE } },
  },
  {
    files: ['test/**', 'bench/**', 'src/xlsx/**', 'src/cli/**', 'src/engine/**', 'scripts/**'],
    rules: {
      // These two read Office.js proxies' load/sync discipline; code that never talks to Office (the engine, the CLI, the
      // .xlsx side: ExcelJS cells) and the tests that implement the in-memory host only set them off. The add-in keeps them.
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
    },
  },
  {
    // The engine is pure: its own files and zod, nothing else (test/engine/boundary.test.ts holds the same line).
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\.|zod$)', message: 'src/engine/ imports only its own files and zod.' }] }],
    },
  },
];
