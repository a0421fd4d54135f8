/**
 * Failover between two email adapters with a circuit breaker on the primary: after `threshold`
 * consecutive transient failures the circuit opens and sends go to the secondary for `openMs`;
 * then one trial send goes to the primary (half-open) and closes the circuit if it succeeds.
 * A transient failure of the primary while closed is retried at once on the secondary, so a
 * provider outage does not wait for the queue's backoff. Permanent errors are not failed over:
 * the other provider would refuse the same message.
 */
import type { EmailAdapter, EmailMessage, SendResult } from './channels.js';
import { toSendError } from './send-errors.js';

export interface FailoverOptions {
  primary: EmailAdapter;
  secondary: EmailAdapter;
  /** Consecutive transient failures that open the circuit (default 5). */
  threshold?: number;
  /** How long the circuit stays open, in ms (default 60 s). */
  openMs?: number;
  now?: () => number;
}

export interface FailoverAdapter extends EmailAdapter {
  /** `closed` (primary in use), `open` (secondary in use) or `half-open` (primary on trial). */
  state(): 'closed' | 'open' | 'half-open';
}

export function createFailoverEmailAdapter(options: FailoverOptions): FailoverAdapter {
  const { primary, secondary } = options;
  const threshold = options.threshold ?? 5;
  const openMs = options.openMs ?? 60_000;
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt: number | undefined;

  function state(): 'closed' | 'open' | 'half-open' {
    if (openedAt === undefined) return 'closed';
    return now() - openedAt >= openMs ? 'half-open' : 'open';
  }

  async function viaSecondary(message: EmailMessage, signal?: AbortSignal): Promise<SendResult> {
    const result = await secondary.send(message, signal);
    return result;
  }

  return {
    name: `${primary.name}>${secondary.name}`,
    state,
    async send(message, signal) {
      if (state() === 'open') return viaSecondary(message, signal);
      try {
        const result = await primary.send(message, signal);
        failures = 0;
        openedAt = undefined;
        return result;
      } catch (error) {
        const failure = toSendError(error);
        if (failure.kind !== 'transient') throw failure;
        failures += 1;
        if (failures >= threshold || openedAt !== undefined) openedAt = now();
        return viaSecondary(message, signal);
      }
    },
    async close() {
      await Promise.all([primary.close?.(), secondary.close?.()]);
    },
  };
}
