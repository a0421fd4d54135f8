/**
 * How recovery links leave the service: the `LinkSender` port (the delivery module replaces it),
 * `devLinkSender` (logs the link through the logger it is handed — the request's logger — and is
 * the only place a raw token is ever written, so use it in development only), and the builder of
 * the links themselves: `<linkBaseUrl>/reset-password?token=…` and `<linkBaseUrl>/verify-email?token=…`.
 */

export const LINK_KINDS = ['password_reset', 'email_verification'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** One link to deliver to one user. `url` carries the raw token: never store or audit a message. */
export interface LinkMessage {
  kind: LinkKind;
  productId: string;
  userId: string;
  email: string;
  url: string;
  /** When the token stops working, ms since the epoch. */
  expiresAt: number;
}

/** The slice of a logger a sender may use (a Fastify request's `log` and a pino logger both fit). */
export interface LinkLog {
  info(bindings: Record<string, unknown>, message: string): void;
  error(bindings: Record<string, unknown>, message: string): void;
}

export interface LinkSender {
  send(message: LinkMessage, log: LinkLog): Promise<void> | void;
}

const LABELS: Record<LinkKind, string> = {
  password_reset: 'password reset link',
  email_verification: 'email verification link',
};

/** Development only: writes the link (with its token) to the given log at `info`. */
export const devLinkSender: LinkSender = {
  send(message, log) {
    log.info(
      { kind: message.kind, productId: message.productId, userId: message.userId },
      `dev link sender: ${LABELS[message.kind]} for ${message.userId}: ${message.url}`,
    );
  },
};

/**
 * Sends nothing: for production until a delivery module sends the links. It fails, so the flows
 * log and audit the link as not delivered (never the link itself) and answer as usual.
 */
export const undeliveredLinkSender: LinkSender = {
  send() {
    throw new Error('No link sender is configured: the link was not sent.');
  },
};

export const LINK_PATHS: Record<LinkKind, string> = {
  password_reset: '/reset-password',
  email_verification: '/verify-email',
};

/** Builds the URL of a link; `productId` is added as a query parameter for other products than the default. */
export type LinkBuilder = (kind: LinkKind, productId: string, token: string) => string;

export function createLinkBuilder(options: { baseUrl: string; defaultProductId: string }): LinkBuilder {
  let parsed: URL;
  try {
    parsed = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`linkBaseUrl must be an absolute http(s) URL, got "${options.baseUrl}".`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new TypeError(`linkBaseUrl must be an absolute http(s) URL, got "${options.baseUrl}".`);
  if (parsed.search || parsed.hash) throw new TypeError('linkBaseUrl must not have a query or a fragment.');
  const base = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  return (kind, productId, token) => {
    const query = new URLSearchParams({ token });
    if (productId !== options.defaultProductId) query.set('productId', productId);
    return `${base}${LINK_PATHS[kind]}?${query.toString()}`;
  };
}

/**
 * Hands a message to the sender. A failing sender is logged (without the message, which holds the
 * token) and reported as `false`, never thrown: a caller's answer must not depend on delivery, or
 * forgot-password would tell which emails have accounts.
 */
export async function deliverLink(sender: LinkSender, message: LinkMessage, log: LinkLog): Promise<boolean> {
  try {
    await sender.send(message, log);
    return true;
  } catch (error) {
    log.error(
      { err: error, kind: message.kind, productId: message.productId, userId: message.userId },
      'could not send a recovery link',
    );
    return false;
  }
}
