import { describe, expect, it } from 'vitest';
import {
  AppError,
  ConflictError,
  ForbiddenError,
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
import { PROBLEM_TYPE_BASE, toProblem } from './problem.js';

describe('typed errors', () => {
  it.each([
    [new UnauthorizedError(), 401, 'unauthorized'],
    [new ForbiddenError(), 403, 'forbidden'],
    [new NotFoundError(), 404, 'not_found'],
    [new ConflictError(), 409, 'conflict'],
    [new PreconditionFailedError(), 412, 'precondition_failed'],
    [new PayloadTooLargeError(), 413, 'payload_too_large'],
    [new UnsupportedMediaTypeError(), 415, 'unsupported_media_type'],
    [new UnprocessableError(), 422, 'unprocessable'],
    [new TooManyRequestsError(30), 429, 'rate_limited'],
    [new ServiceUnavailableError(), 503, 'service_unavailable'],
  ])('%s has status %i and code %s', (error, status, code) => {
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(toProblem(error)).toMatchObject({
      status,
      code,
      type: `${PROBLEM_TYPE_BASE}${code.replaceAll('_', '-')}`,
    });
  });

  it('lets callers choose a specific stable code', () => {
    const error = new ConflictError('That email is taken.', 'email_taken');
    expect(toProblem(error, { instance: '/v1/users' })).toEqual({
      type: `${PROBLEM_TYPE_BASE}email-taken`,
      title: 'Conflict',
      status: 409,
      detail: 'That email is taken.',
      code: 'email_taken',
      instance: '/v1/users',
    });
  });
});

describe('validation errors', () => {
  it('lists every field issue', () => {
    const error = new ValidationError([
      { path: 'body.email', message: 'Invalid email address', code: 'invalid_format' },
      { path: 'query.limit', message: 'Must be at most 1000', code: 'too_big' },
    ]);
    const problem = toProblem(error);
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toHaveLength(2);
    expect(problem.errors).toContainEqual({
      path: 'query.limit',
      message: 'Must be at most 1000',
      code: 'too_big',
    });
  });
});

describe('retry-after', () => {
  it('sets the header and the extension for 429', () => {
    const error = new TooManyRequestsError(1.2);
    expect(error.headers['retry-after']).toBe('2');
    expect(toProblem(error).retryAfter).toBe(2);
  });

  it('sets the header for 503 only when a delay is known', () => {
    expect(new ServiceUnavailableError('Down for maintenance', 120).headers['retry-after']).toBe('120');
    expect(new ServiceUnavailableError().headers['retry-after']).toBeUndefined();
  });
});

describe('unknown errors', () => {
  it('render as a generic 500 that leaks neither message nor stack', () => {
    const problem = toProblem(new Error('connection string postgres://user:secret@db failed'));
    expect(problem).toEqual({
      type: `${PROBLEM_TYPE_BASE}internal-error`,
      title: 'Internal server error',
      status: 500,
      detail: 'An unexpected error occurred.',
      code: 'internal_error',
    });
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  it('never lets extensions overwrite the standard members', () => {
    const error = new AppError(418, 'teapot', 'Teapot', 'Short and stout', {
      extensions: { status: 200, code: 'x', hint: 'tip' },
    });
    expect(toProblem(error)).toMatchObject({ status: 418, code: 'teapot', hint: 'tip' });
  });
});
