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

/** A service shell: its `main.ts` entry plus an `index.ts` library entry (typed) for tests, benches and docs. */
export function serviceBuild() {
  return defineConfig({
    entry: ['src/main.ts', 'src/index.ts'],
    format: ['esm'],
    dts: { entry: 'src/index.ts' },
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
  });
}
