/**
 * Typed errors for every HTTP failure Groundwork reports. Each carries an HTTP status, a stable
 * machine-readable `code` (never reworded once published) and a short human `title`.
 * Render them with `toProblem()` (RFC 9457 problem+json).
 */

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `body.email` or `query.limit`. */
  path: string;
  /** What is wrong with it, in one sentence. */
  message: string;
  /** Stable machine-readable reason, e.g. `invalid_type`, `too_small`, `missing`. */
  code: string;
}

export interface AppErrorOptions {
  /** Extra, non-sensitive members added to the problem document. */
  extensions?: Record<string, unknown>;
  /** Underlying error, kept for logs; never rendered. */
  cause?: unknown;
  /** Response headers this error requires (e.g. `retry-after`). */
  headers?: Record<string, string>;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, title: string, detail?: string, options: AppErrorOptions = {}) {
    super(detail ?? title, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.title = title;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  /** The human-readable explanation specific to this occurrence. */
  get detail(): string {
    return this.message;
  }
}

export class ValidationError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], detail = 'The request is invalid.', options: AppErrorOptions = {}) {
    super(400, 'validation_failed', 'Validation failed', detail, {
      ...options,
      extensions: { ...options.extensions, errors: issues },
    });
    this.issues = issues;
  }
}

export class BadRequestError extends AppError {
  constructor(
    detail = 'The request could not be understood.',
    code = 'bad_request',
    options?: AppErrorOptions,
  ) {
    super(400, code, 'Bad request', detail, options);
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Authentication is required.', code = 'unauthorized', options?: AppErrorOptions) {
    super(401, code, 'Unauthorized', detail, options);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'You are not allowed to do this.', code = 'forbidden', options?: AppErrorOptions) {
    super(403, code, 'Forbidden', detail, options);
  }
}

export class NotFoundError extends AppError {
  constructor(detail = 'The resource was not found.', code = 'not_found', options?: AppErrorOptions) {
    super(404, code, 'Not found', detail, options);
  }
}

export class MethodNotAllowedError extends AppError {
  constructor(detail = 'The method is not allowed on this resource.', options?: AppErrorOptions) {
    super(405, 'method_not_allowed', 'Method not allowed', detail, options);
  }
}

export class ConflictError extends AppError {
  constructor(
    detail = 'The resource already exists or was changed.',
    code = 'conflict',
    options?: AppErrorOptions,
  ) {
    super(409, code, 'Conflict', detail, options);
  }
}

export class PreconditionFailedError extends AppError {
  constructor(
    detail = 'The resource was changed since it was read.',
    code = 'precondition_failed',
    options?: AppErrorOptions,
  ) {
    super(412, code, 'Precondition failed', detail, options);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(detail = 'The request body is too large.', options?: AppErrorOptions) {
    super(413, 'payload_too_large', 'Payload too large', detail, options);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(detail = 'The request content type is not supported.', options?: AppErrorOptions) {
    super(415, 'unsupported_media_type', 'Unsupported media type', detail, options);
  }
}

export class UnprocessableError extends AppError {
  constructor(
    detail = 'The request is well-formed but cannot be processed.',
    code = 'unprocessable',
    options?: AppErrorOptions,
  ) {
    super(422, code, 'Unprocessable content', detail, options);
  }
}

function retryHeaders(retryAfterSeconds: number | undefined, options?: AppErrorOptions): AppErrorOptions {
  if (retryAfterSeconds === undefined) return options ?? {};
  const seconds = Math.max(0, Math.ceil(retryAfterSeconds));
  return {
    ...options,
    headers: { ...options?.headers, 'retry-after': String(seconds) },
    extensions: { ...options?.extensions, retryAfter: seconds },
  };
}

export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(
    retryAfterSeconds: number,
    detail = 'Too many requests; slow down.',
    code = 'rate_limited',
    options?: AppErrorOptions,
  ) {
    super(429, code, 'Too many requests', detail, retryHeaders(retryAfterSeconds, options));
    this.retryAfterSeconds = Math.max(0, Math.ceil(retryAfterSeconds));
  }
}

export class ServiceUnavailableError extends AppError {
  readonly retryAfterSeconds: number | undefined;
  constructor(
    detail = 'The service is temporarily unavailable.',
    retryAfterSeconds?: number,
    code = 'service_unavailable',
    options?: AppErrorOptions,
  ) {
    super(503, code, 'Service unavailable', detail, retryHeaders(retryAfterSeconds, options));
    this.retryAfterSeconds =
      retryAfterSeconds === undefined ? undefined : Math.max(0, Math.ceil(retryAfterSeconds));
  }
}

export class InternalError extends AppError {
  constructor(options?: AppErrorOptions) {
    super(500, 'internal_error', 'Internal server error', 'An unexpected error occurred.', options);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
