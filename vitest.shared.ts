// Shared vitest settings: every @rvhv/* import resolves to the package's
// TypeScript source, so tests run without a build step.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const source = (path: string): string => `${root}${path}/src/index.ts`;

export const sharedConfig = defineConfig({
  resolve: {
    alias: {
      '@rvhv/isa': source('packages/isa'),
      '@rvhv/mmu': source('packages/mmu'),
      '@rvhv/devices': source('packages/devices'),
      '@rvhv/machine': source('packages/machine'),
      '@rvhv/hypervisor': source('packages/hypervisor'),
      '@rvhv/guests': source('packages/guests'),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
