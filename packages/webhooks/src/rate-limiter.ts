/**
 * Per-endpoint rate limit (GCRA, the "generic cell rate algorithm"): at most `max` deliveries per
 * `perSeconds`, with bursts up to `max`. A delivery over the limit gets a reserved slot and is put
 * back in the queue until then (the jobs `RetryAt`), so one throttled endpoint never holds a
 * worker. The state is per process: with N worker instances the endpoint may see up to N × the
 * limit (divide the limit by the instance count if that matters).
 */

export interface EndpointLimit {
  max: number;
  perSeconds: number;
}

const MAX_RESERVATIONS = 100_000;

export interface EndpointRateLimiter {
  /** 0 when `deliveryId` may go now; else ms to wait (its slot is then reserved). */
  wait(subscriptionId: string, deliveryId: string, limit: EndpointLimit, nowMs: number): number;
}

export function createEndpointRateLimiter(): EndpointRateLimiter {
  /** Theoretical arrival time per endpoint. */
  const tat = new Map<string, number>();
  const reserved = new Map<string, number>();

  return {
    wait(subscriptionId, deliveryId, limit, nowMs) {
      const held = reserved.get(deliveryId);
      if (held !== undefined) {
        if (nowMs >= held) {
          reserved.delete(deliveryId);
          return 0;
        }
        return held - nowMs;
      }
      const interval = (limit.perSeconds * 1000) / limit.max;
      const tolerance = limit.perSeconds * 1000 - interval;
      const current = Math.max(nowMs, tat.get(`${subscriptionId}`) ?? nowMs);
      tat.set(subscriptionId, current + interval);
      const allowedAt = current - tolerance;
      if (allowedAt <= nowMs) return 0;
      if (reserved.size >= MAX_RESERVATIONS) {
        for (const [id, at] of reserved) if (at < nowMs) reserved.delete(id);
      }
      reserved.set(deliveryId, Math.ceil(allowedAt));
      return Math.ceil(allowedAt) - nowMs;
    },
  };
}
