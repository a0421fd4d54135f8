/** Success rates and periods of the Overview cards and the delivery page. */

const DAY = 86_400_000;

export interface DayCounts {
  sent: number;
  failed: number;
  bounced: number;
  delivered: number;
  opened: number;
}

/** Sends that reached the provider (sent, delivered, opened) over the finished ones (those plus failed, bounced). */
export function deliverySuccessRate(days: readonly DayCounts[]): { rate: number | null; finished: number } {
  let ok = 0;
  let finished = 0;
  for (const day of days) {
    ok += day.sent + day.delivered + day.opened;
    finished += day.sent + day.delivered + day.opened + day.failed + day.bounced;
  }
  return { rate: finished === 0 ? null : ok / finished, finished };
}

export interface SubscriptionHealth {
  health?: { successRate: number | null; sample: number } | undefined;
}

/** Success over every subscription's recent finished deliveries, weighted by each one's sample. */
export function webhookSuccessRate(subscriptions: readonly SubscriptionHealth[]): {
  rate: number | null;
  sample: number;
} {
  let ok = 0;
  let sample = 0;
  for (const { health } of subscriptions) {
    if (!health || health.successRate === null) continue;
    ok += health.successRate * health.sample;
    sample += health.sample;
  }
  return { rate: sample === 0 ? null : ok / sample, sample };
}

/** The last `count` UTC days, today included, as `{ from, to }` (to exclusive) for `/v1/delivery/stats`. */
export function lastDays(count: number, now: number = Date.now()): { from: string; to: string } {
  const today = new Date(now);
  today.setUTCHours(0, 0, 0, 0);
  return {
    from: new Date(today.getTime() - (count - 1) * DAY).toISOString(),
    to: new Date(today.getTime() + DAY).toISOString(),
  };
}

/** `87 %`, or the given text when there is no rate. */
export function formatRate(rate: number | null, none: string): string {
  return rate === null ? none : `${Math.round(rate * 100)} %`;
}
