/**
 * Typed errors of the outbound client. Each has a stable `code` (never reworded once published)
 * and renders as problem+json through `@groundwork/errors`. URL and address refusals are the
 * caller's input problem (422); network failures are upstream problems (502 / 504).
 */
import { AppError, type AppErrorOptions } from '@groundwork/errors';

export type OutboundErrorCode =
  | 'outbound_invalid_url'
  | 'outbound_https_required'
  | 'outbound_address_blocked'
  | 'outbound_dns_failed'
  | 'outbound_timeout'
  | 'outbound_connection_failed';

export class OutboundError extends AppError {
  declare readonly code: OutboundErrorCode;
  constructor(
    status: number,
    code: OutboundErrorCode,
    title: string,
    detail: string,
    options?: AppErrorOptions,
  ) {
    super(status, code, title, detail, options);
  }
}

/** The URL cannot be parsed, has an unsupported scheme, or carries credentials. */
export class OutboundInvalidUrlError extends OutboundError {
  constructor(detail: string, options?: AppErrorOptions) {
    super(422, 'outbound_invalid_url', 'Invalid outbound URL', detail, options);
  }
}

/** The URL is `http:` and the policy does not allow plain HTTP. */
export class OutboundHttpsRequiredError extends OutboundError {
  constructor(detail = 'The URL must use https.', options?: AppErrorOptions) {
    super(422, 'outbound_https_required', 'HTTPS required', detail, options);
  }
}

/** The host is, or resolves to, an address the policy refuses (private, loopback, link-local, …). */
export class OutboundAddressBlockedError extends OutboundError {
  readonly address: string;
  readonly reason: string;
  constructor(host: string, address: string, reason: string, options?: AppErrorOptions) {
    super(
      422,
      'outbound_address_blocked',
      'Outbound address blocked',
      `The host ${host} resolves to an address that is not allowed (${reason}).`,
      { ...options, extensions: { ...options?.extensions, reason } },
    );
    this.address = address;
    this.reason = reason;
  }
}

/** The host name could not be resolved. */
export class OutboundDnsError extends OutboundError {
  constructor(host: string, options?: AppErrorOptions) {
    super(422, 'outbound_dns_failed', 'Host not found', `The host ${host} could not be resolved.`, options);
  }
}

/** The request did not complete (connect, headers and body) within its time budget. */
export class OutboundTimeoutError extends OutboundError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options?: AppErrorOptions) {
    super(
      504,
      'outbound_timeout',
      'Outbound request timed out',
      `No complete response within ${timeoutMs} ms.`,
      {
        ...options,
        extensions: { ...options?.extensions, timeoutMs },
      },
    );
    this.timeoutMs = timeoutMs;
  }
}

/** The connection failed or broke (refused, reset, TLS failure, …). */
export class OutboundConnectionError extends OutboundError {
  constructor(detail: string, options?: AppErrorOptions) {
    super(502, 'outbound_connection_failed', 'Outbound connection failed', detail, options);
  }
}

export function isOutboundError(error: unknown): error is OutboundError {
  return error instanceof OutboundError;
}
