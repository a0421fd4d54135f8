/**
 * `requireFlag()`: a route-level Fastify hook that lets a request through only when a flag serves
 * it, so any service built with the kit can put a route behind a flag:
 *
 *   app.post('/checkout/v2', { ...guard({}), ...requireFlag(flags, 'new-checkout'), schema }, handler);
 *
 * The flag is evaluated in the caller's product for the caller (`userId`, `roles` from the
 * principal, `platform` / `appVersion` from the `x-platform` / `x-app-version` headers when sent).
 * Off for the caller: 404 problem+json `feature_not_available` (the route does not exist for
 * them). Without a principal (a public route) the product must come from `productOf`.
 */
import { NotFoundError } from '@groundwork/errors';
import type { Principal } from '@groundwork/http';
import type { FlagContext } from './conditions.js';
import type { FlagEvaluator } from './evaluator.js';

/** The parts of a request the gate reads (a Fastify request has them). */
export interface GateRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

export interface RequireFlagOptions {
  /** The variants that let the request through (by default, every variant whose value is `true`). */
  variants?: readonly string[];
  /** The product of an unauthenticated request (default: refused with 404). */
  productOf?: (request: GateRequest) => string | undefined;
  /** Builds the context instead of the default (principal + headers). */
  context?: (request: GateRequest) => FlagContext;
}

export interface FlagSource {
  evaluator(productId: string): Promise<FlagEvaluator>;
}

function header(request: GateRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : undefined;
}

/** The default context of a gated request. */
export function gateContext(request: GateRequest): FlagContext {
  const context: Record<string, unknown> = {};
  if (request.principal) {
    context.userId = request.principal.subject;
    context.roles = request.principal.roles;
  }
  const platform = header(request, 'x-platform');
  const appVersion = header(request, 'x-app-version');
  if (platform) context.platform = platform;
  if (appVersion) context.appVersion = appVersion;
  return context;
}

/** Route options (`{ preHandler }`) that refuse the request with 404 unless `key` serves it. */
export function requireFlag(
  source: FlagSource,
  key: string,
  options: RequireFlagOptions = {},
): { preHandler: (request: GateRequest) => Promise<void> } {
  const allowed = options.variants ? new Set(options.variants) : undefined;
  return {
    async preHandler(request) {
      const productId = request.principal?.productId ?? options.productOf?.(request);
      const refuse = () => new NotFoundError('This feature is not available.', 'feature_not_available');
      if (!productId) throw refuse();
      const evaluator = await source.evaluator(productId);
      const result = evaluator.evaluate(
        key,
        options.context ? options.context(request) : gateContext(request),
      );
      const open = allowed
        ? result.variant !== undefined && allowed.has(result.variant)
        : result.value === true;
      if (!open) throw refuse();
    },
  };
}
