// ESLint flat config. The layer rules below are the ones `docs/conventions.md` describes:
// keep the two in step.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/**
 * Domain areas from the bottom up: an area may import the areas before it, never one after it.
 * Areas on one line sit side by side and import neither each other nor anything above.
 */
const DOMAIN_LEVELS = [
  ['settings'],
  ['users', 'privacy'],
  ['participants'],
  ['plans'],
  ['referrals'],
  ['concerns', 'volunteers'],
  ['matching'],
  ['meetings'],
  ['pairs'],
  ['recruitment'],
  ['figures'],
  ['reports', 'notifications', 'monitoring'],
];

function domainZones() {
  return DOMAIN_LEVELS.flatMap((level, index) => {
    const above = DOMAIN_LEVELS.slice(index + 1).flat();
    return level.map((area) => ({
      target: `./app/domain/${area}`,
      from: [...level.filter((other) => other !== area), ...above].map((other) => `./app/domain/${other}`),
      message: `app/domain/${area} imports only areas below it (see the area order in docs/conventions.md).`,
    }));
  });
}

const DATABASE_CLIENT = ['./app/lib/db.server.ts', './app/generated/prisma'];

const layerZones = [
  { target: './app/lib', from: ['./app/domain', './app/routes'], message: 'app/lib is plumbing: it imports neither the domain nor routes.' },
  {
    target: ['./app/routes', './app/components'],
    from: DATABASE_CLIENT,
    message: 'Routes and components reach the database through domain functions, not the client.',
  },
  ...domainZones(),
  {
    target: ['./app', './prisma', './jobs'],
    from: './tests',
    message: 'Application code never imports tests/ (shared factories live outside tests/).',
  },
];

export default tseslint.config(
  { ignores: ['app/generated/**', 'build/**', 'public/build/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['app/**/*.tsx'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    languageOptions: { ...react.configs.flat.recommended.languageOptions, globals: { ...globals.browser } },
    settings: { react: { version: 'detect' } },
  },
  { files: ['app/**/*.tsx'], ...reactHooks.configs.flat.recommended },
  { files: ['app/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      // TypeScript checks these; the plugin's versions only repeat it, slowly.
      'import-x/named': 'off',
      'import-x/namespace': 'off',
      'import-x/default': 'off',
      'import-x/no-named-as-default-member': 'off',
      'import-x/no-unresolved': 'off',
    },
  },
  prettier,
);
