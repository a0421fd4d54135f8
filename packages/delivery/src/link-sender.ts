/**
 * The identity flows' link sender (the auth package's `LinkSender` port, implemented structurally:
 * delivery does not depend on auth). A password-reset or verification link is queued as a
 * critical email; the link — which carries the raw token — only ever rests sealed in the queued
 * delivery (AES-256-GCM) and is removed once the send is settled. Nothing derived from the token is
 * used as a key, logged or audited.
 */
import type { DeliverResult } from './dispatcher.js';

/** The auth package's `LinkMessage`, restated. */
export interface LinkMessage {
  kind: 'password_reset' | 'email_verification';
  productId: string;
  userId: string;
  email: string;
  url: string;
  /** When the token stops working, ms since the epoch. */
  expiresAt: number;
}

export interface LinkLog {
  info(bindings: Record<string, unknown>, message: string): void;
  error(bindings: Record<string, unknown>, message: string): void;
}

export interface LinkSenderPort {
  send(message: LinkMessage, log: LinkLog): Promise<void>;
}

interface Deliverer {
  deliver(request: {
    productId: string;
    userId: string;
    to: string;
    template: string;
    data: Record<string, unknown>;
    idempotencyKey: string;
    critical: boolean;
  }): Promise<DeliverResult>;
}

export const LINK_TEMPLATES = {
  password_reset: { template: 'password-reset', urlVariable: 'resetUrl' },
  email_verification: { template: 'email-verification', urlVariable: 'verifyUrl' },
} as const;

/** `createAuthModule({ linkSender: deliveryLinkSender(() => delivery) })`. */
export function deliveryLinkSender(delivery: () => Deliverer, now: () => number = Date.now): LinkSenderPort {
  return {
    async send(message, log) {
      const { template, urlVariable } = LINK_TEMPLATES[message.kind];
      const expiresInMinutes = Math.max(1, Math.round((message.expiresAt - now()) / 60_000));
      const result = await delivery().deliver({
        productId: message.productId,
        userId: message.userId,
        to: message.email,
        template,
        data: { [urlVariable]: message.url, expiresInMinutes },
        // One send per issued link: its expiry time (ms) tells two links apart; nothing of the token.
        idempotencyKey: `link:${message.kind}:${message.userId}:${message.expiresAt}`,
        critical: true,
      });
      const queued = result.deliveries[0];
      if (!queued)
        throw new Error(
          `The ${template} email could not be queued (${result.skipped[0]?.reason ?? 'unknown'}).`,
        );
      log.info(
        {
          kind: message.kind,
          productId: message.productId,
          userId: message.userId,
          deliveryId: queued.id,
          status: queued.status,
        },
        'recovery link email queued',
      );
    },
  };
}
