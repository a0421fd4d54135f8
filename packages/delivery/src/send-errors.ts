/**
 * How an adapter reports a failed send, so the dispatcher can decide without knowing the provider:
 * `transient` (429, 5xx, timeouts, connection errors: retried with backoff, honouring
 * `retryAfterMs`), `permanent` (never retried), `unregistered` (a push token the provider no longer
 * knows: the device is deactivated) and `rejected_recipient` (the provider refuses the address:
 * it is suppressed).
 */

export type SendFailureKind = 'transient' | 'permanent' | 'unregistered' | 'rejected_recipient';

export class SendError extends Error {
  readonly kind: SendFailureKind;
  /** Provider status (HTTP status, SMTP reply code), when there is one. */
  readonly status: number | undefined;
  /** The provider's reason (`BadDeviceToken`, `UNREGISTERED`, ...), when there is one. */
  readonly reason: string | undefined;
  /** From `Retry-After`, in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: SendFailureKind,
    message: string,
    details: { status?: number; reason?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SendError';
    this.kind = kind;
    this.status = details.status;
    this.reason = details.reason;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isSendError(value: unknown): value is SendError {
  return value instanceof SendError;
}

/** `Retry-After` (seconds or an HTTP date) in ms from `nowMs`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, 24 * 3_600_000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.min(at - nowMs, 24 * 3_600_000));
}

/** HTTP status → failure kind for the JSON APIs (SendGrid, Postmark, FCM): 408/429/5xx are transient. */
export function kindOfHttpStatus(status: number): SendFailureKind {
  return status === 408 || status === 429 || status >= 500 ? 'transient' : 'permanent';
}

/** Any thrown value as a `SendError`: unknown errors (network, timeouts) count as transient. */
export function toSendError(error: unknown): SendError {
  if (isSendError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SendError('transient', message, { cause: error });
}
