import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', '.data/**', 'lib/generated/**', 'node_modules/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**']),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Only domain modules, the seed and tooling touch the database client (STYLE §1).
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@/lib/db', message: 'Pages and components call lib/<domain> functions, never Prisma.' }] },
      ],
    },
  },
  {
    // Layers (ADR 0020): components and lib never import from app/ (a page passes its server
    // action as a prop; result types live in lib/).
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@/lib/db', message: 'Pages and components call lib/<domain> functions, never Prisma.' }],
          patterns: [{ group: ['@/app/*'], message: 'components/ never import from app/ (ADR 0020).' }],
        },
      ],
    },
  },
  {
    files: ['lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*'], message: 'lib/ never imports from app/ (ADR 0020).' }] }] },
  },
]);
