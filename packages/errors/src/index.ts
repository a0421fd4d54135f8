export type { AppErrorOptions, FieldIssue } from './errors.js';
export {
  AppError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InternalError,
  isAppError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors.js';
export type { ProblemDocument, ToProblemOptions } from './problem.js';
export { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, toProblem } from './problem.js';
