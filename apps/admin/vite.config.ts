/**
 * The admin console builds to `dist/` with base `/admin/` (the platform serves it there).
 * `pnpm --filter @groundwork/admin dev` serves it with hot reload and proxies the API to a running
 * platform (`PLATFORM_URL`, default http://127.0.0.1:4003). The proxy keeps the browser's Host, so
 * the platform sees a same-origin request and its session cookie and CSRF checks work unchanged.
 */
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const platform = process.env.PLATFORM_URL ?? 'http://127.0.0.1:4003';
const proxied = { target: platform, changeOrigin: false };

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  // Workspace packages from their TypeScript sources: no build of @groundwork/client needed.
  resolve: { conditions: ['@groundwork/source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: {
    port: Number(process.env.ADMIN_DEV_PORT ?? 5173),
    proxy: { '/v1': proxied, '/health': proxied, '/ready': proxied, '/documentation': proxied },
  },
});
