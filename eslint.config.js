// ESLint flat config. The layer rules below are the ones `docs/conventions.md` describes:
// keep the two in step.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const ts = createRequire(import.meta.url)('typescript');

/**
 * Domain areas from the bottom up: an area may import the areas before it, never one after it.
 * Areas on one line sit side by side and import neither each other nor anything above.
 */
const DOMAIN_LEVELS = [
  ['settings'],
  ['users'],
  ['participants'],
  ['plans'],
  ['referrals'],
  ['concerns', 'volunteers', 'sms'],
  ['matching'],
  ['meetings'],
  ['pairs', 'participant-links'],
  ['recruitment'],
  ['figures'],
  ['reports', 'notifications', 'monitoring', 'privacy'],
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

const layerZones = [
  {
    target: './app/lib',
    from: ['./app/domain', './app/routes'],
    message: 'app/lib is plumbing: it imports neither the domain nor routes.',
  },
  ...domainZones(),
  {
    target: ['./app', './prisma', './jobs'],
    from: './tests',
    message: 'Application code never imports tests/ (shared factories live outside tests/).',
  },
];

/** The database client is reached through domain functions; its types are free to use. */
const databaseClient = {
  patterns: [
    {
      group: ['~/lib/db.server', '**/lib/db.server'],
      message: 'Routes and components reach the database through domain functions.',
      allowTypeImports: true,
    },
    {
      group: ['~/generated/prisma/*', '**/generated/prisma/*'],
      message: 'Routes and components reach the database through domain functions.',
      allowTypeImports: true,
    },
  ],
};

/** Modules a file imports, type-only imports included (read once per file, resolved like tsconfig's paths). */
const importsOf = new Map();
function resolveImport(from, specifier) {
  const base = specifier.startsWith('~/')
    ? path.join(import.meta.dirname, 'app', specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}
function importedFiles(file) {
  let found = importsOf.get(file);
  if (!found) {
    const text = fs.readFileSync(file, 'utf8');
    found = ts
      .preProcessFile(text, true, true)
      .importedFiles.map((imported) => resolveImport(file, imported.fileName))
      .filter((resolved) => resolved && !resolved.includes(`${path.sep}generated${path.sep}`));
    importsOf.set(file, found);
  }
  return found;
}

/** import-x/no-cycle skips type-only imports; here a circle counts whatever it carries. */
const noCircle = {
  meta: { type: 'problem', schema: [], messages: { circle: 'Import circle (type-only imports count): {{route}}' } },
  create(context) {
    const self = context.physicalFilename;
    function check(node) {
      if (!node.source || typeof node.source.value !== 'string') return;
      const start = resolveImport(self, node.source.value);
      if (!start) return;
      const cameFrom = new Map([[start, null]]);
      const queue = [start];
      while (queue.length > 0) {
        const file = queue.shift();
        for (const next of importedFiles(file)) {
          if (next === self) {
            const route = [file];
            while (cameFrom.get(route[0])) route.unshift(cameFrom.get(route[0]));
            const names = [self, ...route, self].map((name) => path.relative(import.meta.dirname, name));
            context.report({ node, messageId: 'circle', data: { route: names.join(' → ') } });
            return;
          }
          if (!cameFrom.has(next)) {
            cameFrom.set(next, file);
            queue.push(next);
          }
        }
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

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
    rules: {
      // Remix answers with thrown Responses (redirect, json, 404).
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            { from: 'lib', name: 'Response' },
            { from: 'package', package: '@remix-run/server-runtime', name: 'TypedResponse' },
          ],
        },
      ],
      // A leading underscore names what is left out on purpose (`const { intent: _intent, ...fields }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Remix's environment file is a declaration file: a reference is how it names the types.
  { files: ['**/*.d.ts'], rules: { '@typescript-eslint/triple-slash-reference': 'off' } },
  // Test doubles implement Promise-returning interfaces (a job's run, a view's loader) without awaiting.
  { files: ['tests/**'], rules: { '@typescript-eslint/require-await': 'off' } },
  {
    files: ['app/**/*.tsx'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    languageOptions: { ...react.configs.flat.recommended.languageOptions, globals: { ...globals.browser } },
    settings: { react: { version: 'detect' } },
  },
  { files: ['app/**/*.tsx'], ...reactHooks.configs.flat.recommended },
  { files: ['app/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  { plugins: { layers: { rules: { 'no-circle': noCircle } } } },
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'layers/no-circle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      // TypeScript checks these; the plugin's versions only repeat it, slowly.
      'import-x/named': 'off',
      'import-x/namespace': 'off',
      'import-x/default': 'off',
      'import-x/no-named-as-default-member': 'off',
      'import-x/no-unresolved': 'off',
    },
  },
  {
    files: ['app/routes/**', 'app/components/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', databaseClient] },
  },
  prettier,
);
