// Shared vitest preset: tests resolve workspace packages to their TypeScript sources through the
// "@groundwork/source" export condition, so a test run never depends on a stale build.
import { defineConfig, mergeConfig } from 'vitest/config';

export const preset = defineConfig({
  resolve: { conditions: ['@groundwork/source'] },
  ssr: { resolve: { conditions: ['@groundwork/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});

export function withPreset(config = {}) {
  return mergeConfig(preset, config);
}
