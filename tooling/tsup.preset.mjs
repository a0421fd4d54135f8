// Shared tsup preset: ESM + declarations, one entry per public subpath.
import { defineConfig } from 'tsup';

export function packageBuild(entry = ['src/index.ts'], extra = {}) {
  return defineConfig({
    entry,
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    ...extra,
  });
}
