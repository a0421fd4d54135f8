import {
  AppError,
  BadRequestError,
  type FieldIssue,
  InternalError,
  isAppError,
  NotFoundError,
  PayloadTooLargeError,
  PROBLEM_CONTENT_TYPE,
  toProblem,
  UnsupportedMediaTypeError,
  ValidationError,
} from '@groundwork/errors';
import type { FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { z } from 'zod';
import type { ServiceFastifyInstance } from './fastify-types.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/** The problem+json body every error response carries (RFC 9457 plus `code`, `requestId`, `errors`). */
export const problemDocumentSchema = z.looseObject({
  type: z.string().describe('URI identifying the problem type.'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string().describe('Stable machine-readable code, e.g. `validation_failed`.'),
  instance: z.string().optional().describe('The request path.'),
  requestId: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), code: z.string() }))
    .optional()
    .describe('Per-field issues of a validation failure.'),
});

/** Where a failed schema lives, as Fastify names it, and the prefix our field paths use. */
const VALIDATION_CONTEXT_PREFIX: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  validation?: FastifySchemaValidationError[];
  validationContext?: string;
  message?: unknown;
}

function fieldIssues(validation: FastifySchemaValidationError[], context: string | undefined): FieldIssue[] {
  const prefix = VALIDATION_CONTEXT_PREFIX[context ?? ''] ?? context ?? 'request';
  return validation.map((issue) => {
    const segments = issue.instancePath.split('/').filter((segment) => segment.length > 0);
    return {
      path: [prefix, ...segments].join('.'),
      message: issue.message ?? 'Invalid value.',
      code: issue.keyword,
    };
  });
}

/** Maps Fastify's own client errors (body parsing, content type, ...) to typed errors. */
function fromFastifyClientError(error: FastifyLikeError): AppError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new BadRequestError('The request body is not valid JSON.', 'malformed_json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new BadRequestError(
        'The request body is empty but its content type is JSON.',
        'empty_json_body',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PayloadTooLargeError();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new UnsupportedMediaTypeError();
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 0;
  if (status >= 400 && status < 500) {
    // Other client errors (bad content-length, aborted body, ...): the status is right, the message may not be safe.
    return new AppError(
      status,
      status === 413 ? 'payload_too_large' : 'bad_request',
      'Bad request',
      'The request could not be processed.',
    );
  }
  return undefined;
}

/** Every thrown value as a typed error: client mistakes are 4xx, everything unexpected a generic 500. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (typeof error === 'object' && error !== null) {
    const candidate = error as FastifyLikeError;
    if (Array.isArray(candidate.validation)) {
      return new ValidationError(fieldIssues(candidate.validation, candidate.validationContext));
    }
    const clientError = fromFastifyClientError(candidate);
    if (clientError) return clientError;
  }
  return new InternalError({ cause: error });
}

/** The request path, without the query string. */
function instanceOf(request: FastifyRequest): string {
  const queryStart = request.url.indexOf('?');
  return queryStart === -1 ? request.url : request.url.slice(0, queryStart);
}

/** Sends `error` as RFC 9457 problem+json, bypassing the route's response serializers. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const problem = { ...toProblem(error, { instance: instanceOf(request) }), requestId: request.id };
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply
    .header(REQUEST_ID_HEADER, request.id)
    .status(problem.status)
    .header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .send(JSON.stringify(problem));
}

/** Installs the error and not-found handlers that turn every failure into problem+json. */
export function registerProblemHandler(app: ServiceFastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      request.log.error({ err: error, code: appError.code }, 'request failed');
    } else {
      request.log.info({ code: appError.code, status: appError.status }, 'request rejected');
    }
    return sendProblem(request, reply, appError);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new NotFoundError('No route matches this method and path.', 'route_not_found'),
    ),
  );
}
