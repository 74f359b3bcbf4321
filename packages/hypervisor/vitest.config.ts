import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// No tests until the hypervisor has code (see src/index.ts).
export default mergeConfig(sharedConfig, defineConfig({ test: { passWithNoTests: true } }));
