// Lint: typescript-eslint's recommended rules plus the import boundaries of DESIGN.md §
// Architecture: domain imports nothing of ours and no IO; contracts/db only domain; web only
// domain and contracts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const io = ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process', 'pg', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*', 'fastify', '@fastify/*'];
const pkg = (name) => ({ group: [`@zhibu/${name}`, `@zhibu/${name}/*`], message: `import boundary: may not import @zhibu/${name} here (DESIGN.md § Architecture)` });
const ioBan = io.map((g) => ({ group: [g], message: 'domain is pure: no IO, no framework (DESIGN.md § Architecture)' }));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'packages/db/migrations/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.property.name=/^(only|skip)$/][callee.object.name=/^(it|describe|test)$/]', message: 'no focused or skipped tests' }],
    },
  },
  { files: ['packages/domain/src/**'], rules: restrict([...ioBan, pkg('contracts'), pkg('db'), pkg('server'), pkg('web'), pkg('cli')]) },
  { files: ['packages/contracts/src/**'], rules: restrict([pkg('db'), pkg('server'), pkg('web'), pkg('cli')]) },
  { files: ['packages/db/src/**'], rules: restrict([pkg('contracts'), pkg('server'), pkg('web'), pkg('cli')]) },
  { files: ['packages/server/src/**'], rules: restrict([pkg('web'), pkg('cli')]) },
  {
    files: ['packages/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([pkg('db'), pkg('server'), pkg('cli'), ...['node:*', 'pg', 'fastify', 'drizzle-orm', '@electric-sql/*'].map((g) => ({ group: [g], message: 'the web runs in the browser: no server-side imports' }))]),
  },
);
