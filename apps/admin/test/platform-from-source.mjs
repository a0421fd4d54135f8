// Runs the platform's entry point (`services/platform/src/main.ts`) from its TypeScript sources in
// this process, through Vite's module runner with the `@groundwork/source` export condition (the
// one the tests use), so the e2e suite drives a real platform process that never depends on a
// stale build of some package. Configuration comes from the environment, as for `main.js`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, createServerModuleRunner } from 'vite';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const server = await createServer({
  configFile: false,
  root: repoRoot,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  resolve: { conditions: ['@groundwork/source'] },
  ssr: { resolve: { conditions: ['@groundwork/source'] } },
  optimizeDeps: { noDiscovery: true, include: [] },
});
const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
await runner.import(path.join(repoRoot, 'services/platform/src/main.ts'));
