/**
 * The Fastify side: an `onRequest` hook (before the body is read) that refuses denied IPs with 403
 * `ip_denied`, counts the request against the rules that apply, sets the standard headers
 * (`RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`) and refuses with 429
 * `rate_limited` + `Retry-After` when over. Mounted by the module's `extension`, it runs after the
 * kit's authentication hook, so a protected route's limit is per principal.
 */
import { ForbiddenError, TooManyRequestsError } from '@groundwork/errors';
import { type ServiceFastifyInstance, sendProblem } from '@groundwork/http';
import type { RateDecision, RateLimitService } from './service.js';

export interface RateLimitHookOptions {
  service: RateLimitService;
  /** The product of a request without a principal (the service's own product). */
  defaultProductId: string;
  /** Paths never checked (default: `/health`, `/ready`, `/metrics`). */
  exemptPaths?: readonly string[];
  /** `RATELIMIT_ENABLED`; default true. */
  enabled?: boolean;
}

export const DEFAULT_EXEMPT_PATHS = ['/health', '/ready', '/metrics'];

function pathOf(request: { url: string }): string {
  const url = request.url;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

export function installRateLimitHook(app: ServiceFastifyInstance, options: RateLimitHookOptions): void {
  if (options.enabled === false) return;
  const exempt = new Set(options.exemptPaths ?? DEFAULT_EXEMPT_PATHS);
  const { service } = options;
  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request);
    if (exempt.has(path)) return;
    const principal = request.principal;
    let decision: RateDecision;
    try {
      decision = await service.decide({
        productId: principal?.productId ?? options.defaultProductId,
        method: request.method,
        route: request.routeOptions.url ?? path,
        principal,
        ip: service.clientIp(request),
      });
    } catch (error) {
      // The store is unreachable (rules, overrides or shared counters): fail open rather than
      // refuse every request; the error is logged.
      request.log.error({ err: error }, 'rate limit check failed; the request is let through');
      return;
    }
    if (decision.kind === 'ip_denied') {
      request.log.info({ ipRule: decision.rule.id }, 'request refused by an IP rule');
      return sendProblem(
        request,
        reply,
        new ForbiddenError('Requests from this address are not allowed.', 'ip_denied'),
      );
    }
    if (decision.kind !== 'limited') return;
    const { outcome } = decision;
    void reply.header('ratelimit-limit', String(outcome.limit));
    void reply.header('ratelimit-remaining', String(outcome.remaining));
    void reply.header('ratelimit-reset', String(seconds(outcome.resetMs)));
    if (outcome.allowed) return;
    return sendProblem(
      request,
      reply,
      new TooManyRequestsError(
        Math.max(1, seconds(outcome.retryAfterMs)),
        'Too many requests; slow down.',
        'rate_limited',
        {
          extensions: { limit: outcome.limit, rule: outcome.rule.id },
        },
      ),
    );
  });
}
