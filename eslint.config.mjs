// `npm run lint` (office-addin-lint): the Office add-in rules and Prettier, for the add-in's browser code.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';
import globals from 'globals';

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { 'office-addins': officeAddins },
    languageOptions: {
      parser: tsParser,
      globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' },
    },
    rules: {
      // TypeScript checks names itself (types such as Excel.Range are not values eslint can see).
      'no-undef': 'off',
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
