import { type AppError, InternalError, isAppError } from './errors.js';

/** RFC 9457 problem details, with Groundwork's stable `code` and optional per-field `errors`. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Base of the `type` URI; each code gets its own documented URI under it. */
export const PROBLEM_TYPE_BASE = 'https://groundwork.dev/problems/';

export interface ToProblemOptions {
  /** The request path or id the problem occurred on. */
  instance?: string;
}

/**
 * Renders any thrown value as a problem document. Unknown errors become a generic 500 with no
 * message or stack: internal details belong in logs, never in responses.
 */
export function toProblem(error: unknown, options: ToProblemOptions = {}): ProblemDocument {
  const appError: AppError = isAppError(error) ? error : new InternalError({ cause: error });
  const reserved = new Set(['type', 'title', 'status', 'detail', 'code', 'instance']);
  const extensions = Object.fromEntries(
    Object.entries(appError.extensions).filter(([key]) => !reserved.has(key)),
  );
  return {
    type: `${PROBLEM_TYPE_BASE}${appError.code.replaceAll('_', '-')}`,
    title: appError.title,
    status: appError.status,
    detail: appError.detail,
    code: appError.code,
    ...(options.instance === undefined ? {} : { instance: options.instance }),
    ...extensions,
  };
}
