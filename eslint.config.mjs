// ESLint 9 flat config: typescript-eslint's recommended rules, type-aware, over the sources and tests.
// Formatting is Prettier's job (`npm run lint` runs both); nothing here is about layout.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.ci/**', 'test/vscode-smoke/**', 'test/fixtures/**', 'examples/**', 'media/**', '**/*.cjs'] },
  { ...js.configs.recommended, files: ['**/*.ts'] },
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.json', './tsconfig.extension.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_name` marks a value left out on purpose (a destructured field dropped from a copy).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // An async function may implement an async interface (a file system, a command) without awaiting anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests match aligned text output, where literal spaces read best, and look for control characters in it.
      'no-regex-spaces': 'off',
      'no-control-regex': 'off',
      // VS Code's tree item labels are strings in this extension; the tests print them as such.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
);
