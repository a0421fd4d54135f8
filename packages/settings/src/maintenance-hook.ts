/**
 * The Fastify side of maintenance mode: an `onRequest` hook (before the body is read) that answers
 * 503 problem+json with `Retry-After` and the user message:
 * - `read_only`: writes (anything but GET, HEAD, OPTIONS) get code `read_only`;
 * - `maintenance` and `emergency`: every request gets code `maintenance`;
 * except exempt paths (health, readiness, metrics, status, the maintenance and kill-switch reads),
 * services not in `affectedServices`, principals holding a bypass role, and bypass IPs / CIDRs.
 * A bypassed request carries `X-Maintenance-Mode: <mode>` so admin tools can show their banner.
 *
 * The hook runs after the kit's authentication hook, so on protected routes the principal (and its
 * roles) is known; on public routes only the IP bypass applies.
 */
import { ServiceUnavailableError } from '@groundwork/errors';
import { type ServiceFastifyInstance, sendProblem } from '@groundwork/http';
import { firstMatch, parseIp } from '@groundwork/ratelimit';
import type { MaintenanceService } from './maintenance.js';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reachable in every mode: probes, metrics, API docs, status pages, and the reads clients poll. */
export const DEFAULT_MAINTENANCE_EXEMPT_PATHS = [
  '/health',
  '/ready',
  '/metrics',
  '/documentation',
  '/documentation/*',
  '/v1/status',
  '/v1/status/*',
  '/v1/settings/maintenance',
  '/v1/settings/maintenance/*',
  '/v1/settings/kill-switch',
];

/** The parts of a Fastify request the hook reads (a `FastifyRequest` is one). */
export interface MaintenanceRequest {
  url: string;
  method: string;
  ip: string;
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string | undefined } | undefined;
  principal?: { productId: string; roles: string[] } | undefined;
}

export interface MaintenanceHookOptions {
  service: MaintenanceService;
  /** The product of requests without a principal. */
  defaultProductId: string;
  /** This service's name, matched against `affectedServices` (`*` matches every service). */
  serviceName: string;
  /** Exact paths, or prefixes ending in `*` (default `DEFAULT_MAINTENANCE_EXEMPT_PATHS`). */
  exemptPaths?: readonly string[];
  /** The client address (pass `@groundwork/ratelimit`'s resolver to trust only configured proxies); default `request.ip`. */
  clientIp?: (request: MaintenanceRequest) => string;
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

export function isExempt(path: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern,
  );
}

/** The refusal for `request`, or undefined when it may pass. Exported for tests and other transports. */
export async function maintenanceRefusal(
  request: MaintenanceRequest,
  options: MaintenanceHookOptions,
): Promise<{ error: ServiceUnavailableError } | { bypassed: string } | undefined> {
  const path = pathOf(request.url);
  if (isExempt(path, options.exemptPaths ?? DEFAULT_MAINTENANCE_EXEMPT_PATHS)) return undefined;
  const productId = request.principal?.productId ?? options.defaultProductId;
  const state = await options.service.effective(productId);
  if (state.mode === 'off') return undefined;
  const services = state.config.affectedServices;
  if (!services.includes('*') && !services.includes(options.serviceName)) return undefined;
  if (state.mode === 'read_only' && SAFE_METHODS.has(request.method)) return undefined;
  const roles = request.principal?.roles ?? [];
  const ip = options.clientIp ? options.clientIp(request) : request.ip;
  if (
    roles.some((role) => state.config.bypassRoles.includes(role)) ||
    firstMatch(parseIp(ip), state.bypassRanges)
  )
    return { bypassed: state.mode };
  const readOnly = state.mode === 'read_only';
  const message =
    state.config.message ||
    (readOnly ? 'The service is read-only during maintenance.' : 'The service is down for maintenance.');
  const retryAfter = options.service.retryAfterSeconds(state);
  return {
    error: new ServiceUnavailableError(message, retryAfter, readOnly ? 'read_only' : 'maintenance', {
      extensions: {
        mode: state.mode,
        ...(state.config.scheduledEnd ? { scheduledEnd: state.config.scheduledEnd } : {}),
      },
    }),
  };
}

export function installMaintenanceHook(app: ServiceFastifyInstance, options: MaintenanceHookOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    const outcome = await maintenanceRefusal(request, options);
    if (!outcome) return;
    if ('bypassed' in outcome) {
      void reply.header('x-maintenance-mode', outcome.bypassed);
      return;
    }
    return sendProblem(request, reply, outcome.error);
  });
}
