import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { PROBE_PATHS } from './health.js';

/** The URL without its query string (no array allocated: this runs on every request). */
function pathOf(url: string): string {
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

/**
 * One access line per request, written when the response completes (method, URL, route, status,
 * duration), instead of Fastify's two (`incoming request` + `request completed`). Probes
 * (`/health`, `/ready`, `/metrics`) are not logged: they would drown everything else.
 */
export class AccessLogController extends LogController {
  constructor() {
    super({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: (request) => PROBE_PATHS.has(pathOf(request.url)),
    });
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = {
      req: { method: request.method, url: request.url },
      res: { statusCode: reply.statusCode },
      responseTime: reply.elapsedTime,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
