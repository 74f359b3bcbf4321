// Lint rules that keep the architecture honest: no deep imports into another
// package's internals, no imports upward through the layers, no `any`, and
// BigInt kept out of hot code (only the arithmetic modules may use it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The layers, lowest first. A package may import only packages below it. */
const layers = ['mmu', 'isa', 'devices', 'machine', 'hypervisor', 'guests', 'cli', 'web'];

const layerRules = layers.map((name, rank) => {
  const forbidden = layers.slice(rank).map((upper) => `@rvhv/${upper}`);
  const dir = name === 'cli' || name === 'web' ? `apps/${name}` : `packages/${name}`;
  return {
    files: [`${dir}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbidden.map((pkg) => ({
            name: pkg,
            message: `@rvhv/${name} sits below ${pkg} in the layer order (see DESIGN.md); imports point downwards only.`,
          })),
          patterns: [
            {
              group: ['@rvhv/*/*'],
              message: "Import a package through its public index ('@rvhv/x'), never its internals.",
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  ...layerRules,
  {
    // Hot code: the hart's executor, decoder and MMU work on 32-bit halves.
    files: ['packages/isa/src/hart/**/*.ts', 'packages/isa/src/decode/**/*.ts', 'packages/isa/src/float/**/*.ts', 'packages/mmu/src/**/*.ts'],
    ignores: ['**/int64*.ts', '**/*-slow.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[bigint]', message: 'No BigInt on hot paths: use the int64 helpers (32-bit halves).' },
        { selector: "CallExpression[callee.name='BigInt']", message: 'No BigInt on hot paths: use the int64 helpers (32-bit halves).' },
      ],
    },
  },
);
