/**
 * Runs one component check and reports what it observed. Operator-configured targets are trusted
 * and fetched directly; admin-supplied URLs go through the outbound client, which refuses private,
 * loopback and link-local addresses (unless the operator's allow-list permits them) and connects
 * to the address it checked. Never throws: every failure is a `down` observation with a reason.
 */
import { isOutboundError, type OutboundClient } from '@groundwork/outbound';
import type { CheckState, Component, ComponentCheck } from '@groundwork/status';
import { probe } from './probe.js';

export interface CheckObservation {
  state: CheckState;
  latencyMs: number;
  httpStatus?: number;
  /** Why it was not up: `timeout`, `unreachable`, `blocked`, `http_<status>`, `slow`, `not_ready`. */
  error?: string;
}

export interface CheckRunner {
  run(component: Pick<Component, 'source'> & { check: ComponentCheck }): Promise<CheckObservation>;
}

export interface CheckRunnerOptions {
  /** The policy-enforcing client for admin-supplied URLs. */
  outbound: OutboundClient;
  /** Monotonic ms for latency (default `performance.now`). */
  now?: () => number;
}

function judge(
  check: { expectedStatus: number[]; degradedAboveMs?: number | undefined },
  status: number,
  latencyMs: number,
): CheckObservation {
  if (!check.expectedStatus.includes(status))
    return { state: 'down', latencyMs, httpStatus: status, error: `http_${status}` };
  if (check.degradedAboveMs !== undefined && latencyMs > check.degradedAboveMs)
    return { state: 'degraded', latencyMs, httpStatus: status, error: 'slow' };
  return { state: 'up', latencyMs, httpStatus: status };
}

/** A trusted GET with the given timeout; redirects are not followed (a 3xx is the answer). */
async function trustedGet(
  url: string,
  timeoutMs: number,
  now: () => number,
): Promise<CheckObservation & { status?: number }> {
  const started = now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      signal,
      redirect: 'manual',
      headers: { 'user-agent': 'groundwork-monitoring' },
    });
    await response.arrayBuffer();
    return { state: 'up', latencyMs: Math.round(now() - started), status: response.status };
  } catch (error) {
    const timedOut = signal.aborted || (error instanceof Error && error.name === 'TimeoutError');
    return {
      state: 'down',
      latencyMs: Math.round(now() - started),
      error: timedOut ? 'timeout' : 'unreachable',
    };
  }
}

export function createCheckRunner(options: CheckRunnerOptions): CheckRunner {
  const now = options.now ?? performance.now.bind(performance);

  async function viaOutbound(
    url: string,
    timeoutMs: number,
  ): Promise<CheckObservation & { status?: number }> {
    const started = now();
    try {
      const response = await options.outbound.request(url, {
        method: 'GET',
        timeoutMs,
        maxResponseBytes: 1_024,
      });
      return { state: 'up', latencyMs: Math.round(response.durationMs), status: response.status };
    } catch (error) {
      const latencyMs = Math.round(now() - started);
      if (isOutboundError(error)) {
        if (error.code === 'outbound_timeout') return { state: 'down', latencyMs, error: 'timeout' };
        if (
          error.code === 'outbound_address_blocked' ||
          error.code === 'outbound_https_required' ||
          error.code === 'outbound_invalid_url'
        )
          return { state: 'down', latencyMs, error: 'blocked' };
      }
      return { state: 'down', latencyMs, error: 'unreachable' };
    }
  }

  return {
    async run(component) {
      const { check } = component;
      const trusted = component.source === 'operator';
      if (check.kind === 'service') {
        if (!trusted) {
          // Never produced by the API; refuse rather than fetch an untrusted service check unchecked.
          const result = await viaOutbound(`${check.baseUrl}/health`, check.timeoutMs);
          return result.status === undefined
            ? { state: 'down', latencyMs: result.latencyMs, error: result.error ?? 'unreachable' }
            : judge({ expectedStatus: [200] }, result.status, result.latencyMs);
        }
        const [health, ready] = await Promise.all([
          probe(`${check.baseUrl}/health`, check.timeoutMs, now),
          probe(`${check.baseUrl}/ready`, check.timeoutMs, now),
        ]);
        if (!health.ok)
          return {
            state: 'down',
            latencyMs: health.latencyMs,
            ...(health.httpStatus === undefined ? {} : { httpStatus: health.httpStatus }),
            error: health.error ?? 'unreachable',
          };
        return ready.ok
          ? {
              state: 'up',
              latencyMs: health.latencyMs,
              ...(health.httpStatus ? { httpStatus: health.httpStatus } : {}),
            }
          : {
              state: 'degraded',
              latencyMs: health.latencyMs,
              ...(health.httpStatus ? { httpStatus: health.httpStatus } : {}),
              error: 'not_ready',
            };
      }
      const result = trusted
        ? await trustedGet(check.url, check.timeoutMs, now)
        : await viaOutbound(check.url, check.timeoutMs);
      if (result.status === undefined)
        return { state: 'down', latencyMs: result.latencyMs, error: result.error ?? 'unreachable' };
      return judge(check, result.status, result.latencyMs);
    },
  };
}
