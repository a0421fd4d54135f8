/**
 * Every non-2xx answer of the platform is an RFC 9457 problem document with a stable `code`; the
 * client surfaces it as one typed error. A failure to reach the platform at all is an `ApiError`
 * too, with `status: 0` and `code: 'network_error'`.
 */

/** One invalid field of a validation error (`errors` of a 400 `validation_failed`). */
export interface FieldError {
  /** Where the problem is, e.g. `body.email` or `query.limit`. */
  path?: string;
  message: string;
  [key: string]: unknown;
}

/** The problem document the platform answers errors with. */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldErrorsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => ({
    ...entry,
    message: typeof entry.message === 'string' ? entry.message : String(entry.message ?? ''),
  }));
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; `0` when the platform could not be reached. */
  readonly status: number;
  /** Stable machine-readable code, e.g. `invalid_credentials`, `validation_failed`, `not_found`. */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** Field errors of a validation failure (empty otherwise). */
  readonly errors: readonly FieldError[];
  readonly requestId: string | undefined;
  /** Seconds to wait before retrying (429, 503), from `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;
  /** The whole problem document, extensions included. */
  readonly problem: ProblemDocument;

  constructor(
    status: number,
    problem: ProblemDocument,
    options: { requestId?: string | undefined; retryAfterSeconds?: number | undefined; cause?: unknown } = {},
  ) {
    const title = problem.title ?? (status === 0 ? 'Network error' : `HTTP ${status}`);
    super(problem.detail ?? title, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.problem = problem;
    this.code = problem.code ?? (status === 0 ? 'network_error' : `http_${status}`);
    this.title = title;
    this.detail = problem.detail;
    this.errors = fieldErrorsOf(problem.errors);
    this.requestId = problem.requestId ?? options.requestId;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** An `ApiError` from a parsed error body (any shape) and its response. */
  static from(body: unknown, response: Response): ApiError {
    const problem: ProblemDocument = isRecord(body)
      ? (body as ProblemDocument)
      : { detail: typeof body === 'string' && body.length > 0 ? body.slice(0, 500) : undefined };
    const retryAfter = Number(response.headers.get('retry-after'));
    return new ApiError(response.status, problem, {
      requestId: response.headers.get('x-request-id') ?? undefined,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    });
  }

  /** Reads a failed response's body (problem+json or anything else) into an `ApiError`. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const text = await response.text().catch(() => '');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return ApiError.from(body, response);
  }

  /** A request that never got an answer (offline, DNS, CORS, aborted). */
  static network(cause: unknown): ApiError {
    const detail = cause instanceof Error ? cause.message : 'The platform could not be reached.';
    return new ApiError(0, { title: 'Network error', detail, code: 'network_error' }, { cause });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
