import { withPreset } from '@groundwork/tooling/vitest';

export default withPreset({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // The browser run drives one real platform and one Chromium: give it room on a busy machine.
    testTimeout: 180_000,
    // Each browser suite starts its own platform process and Chromium: one at a time on a shared machine.
    fileParallelism: false,
    hookTimeout: 120_000,
  },
});
