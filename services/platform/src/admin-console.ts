/**
 * Serves the admin console (`apps/admin`, a React single-page app) at `/admin`, from its build
 * output found on disk (a path, never an import: services do not depend on apps).
 *
 * - `/admin` redirects to `/admin/`; a path that names a file serves it; any other path under
 *   `/admin/` serves `index.html` (the app routes in the browser).
 * - Caching: content-hashed files under `/admin/assets/` are immutable for a year; `index.html`
 *   and the other files are revalidated on every load (`no-cache`), so a deploy shows at once.
 * - Page headers: a strict same-origin CSP (no inline script or style), no framing, no sniffing.
 * - When the console is not built, `/admin` answers 503 with a page that says how to build it.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { ModuleExtension } from '@groundwork/http';
import { z } from 'zod';

export const ADMIN_CONSOLE_PREFIX = '/admin';

/** Security headers of the console's pages and files. */
export const ADMIN_CONSOLE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
});

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export interface AdminConsoleOptions {
  /**
   * The console's build output (holding `index.html`). Default: the first `apps/admin/dist`
   * found walking up from this file (the repository checkout the platform runs from).
   */
  root?: string | undefined;
}

/** `apps/admin/dist` of the checkout this file lives in, if it was built. */
export function findAdminConsoleRoot(
  from = path.dirname(fileURLToPath(import.meta.url)),
): string | undefined {
  let dir = from;
  for (let depth = 0; depth < 8; depth += 1) {
    const candidate = path.join(dir, 'apps', 'admin', 'dist');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

function notBuiltPage(): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Admin console not built</title></head>',
    '<body><main><h1>The admin console is not built</h1>',
    '<p>Build it, then reload this page:</p>',
    '<pre><code>pnpm --filter @groundwork/admin build</code></pre>',
    '<p>The API itself is running: see <a href="/documentation">/documentation</a>.</p>',
    '</main></body></html>',
  ].join('\n');
}

/** A file under `root` for a request path, or `undefined` (not a file, or outside `root`). */
function fileUnder(root: string, requested: string): string | undefined {
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${requested}`)}`);
  if (resolved !== root && !resolved.startsWith(`${root}${path.sep}`)) return undefined;
  try {
    return statSync(resolved).isFile() ? path.relative(root, resolved) : undefined;
  } catch {
    return undefined;
  }
}

const wildcardParams = z.object({ '*': z.string() });
const routeOptions = { config: { auth: 'public' as const }, schema: { hide: true } };

/**
 * A service extension serving the console at `/admin`. Add it to the platform's `extensions`.
 * Registered in its own plugin scope, so `@fastify/static` decorates nothing outside it.
 */
export function adminConsoleExtension(options: AdminConsoleOptions = {}): ModuleExtension {
  return async (_modules, ctx) => {
    const root = options.root ? path.resolve(options.root) : findAdminConsoleRoot();
    const built = root !== undefined && existsSync(path.join(root, 'index.html'));
    if (!built) {
      ctx.logger.warn(
        { root: root ?? null },
        'admin console not built: /admin explains how (pnpm --filter @groundwork/admin build)',
      );
    }

    await ctx.app.register(async (scope) => {
      if (built) await scope.register(fastifyStatic, { root, serve: false });

      scope.get(ADMIN_CONSOLE_PREFIX, routeOptions, async (_request, reply) =>
        reply.redirect(`${ADMIN_CONSOLE_PREFIX}/`, 308),
      );

      scope.get(
        `${ADMIN_CONSOLE_PREFIX}/*`,
        { ...routeOptions, schema: { ...routeOptions.schema, params: wildcardParams } },
        async (request, reply) => {
          void reply.headers(ADMIN_CONSOLE_HEADERS);
          if (!built || root === undefined) {
            return reply
              .status(503)
              .header('cache-control', 'no-store')
              .type('text/html; charset=utf-8')
              .send(notBuiltPage());
          }
          const requested = wildcardParams.parse(request.params)['*'];
          const file = requested === '' ? undefined : fileUnder(root, requested);
          if (file) {
            const hashed = file.startsWith(`assets${path.sep}`);
            void reply.header('cache-control', hashed ? IMMUTABLE : REVALIDATE);
            return reply.sendFile(file, root, { cacheControl: false });
          }
          // A missing asset is a 404, not the app: a stale page must not get HTML for its script.
          if (/\.[a-z0-9]+$/i.test(requested)) {
            return reply
              .status(404)
              .header('cache-control', 'no-store')
              .type('text/plain; charset=utf-8')
              .send('Not found');
          }
          void reply.header('cache-control', REVALIDATE);
          return reply.sendFile('index.html', root, { cacheControl: false });
        },
      );
    });
  };
}
