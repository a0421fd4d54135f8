import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { PROBE_PATHS } from './health.js';

/**
 * One access line per request, written when the response completes (method, URL, route, status,
 * duration), instead of Fastify's two (`incoming request` + `request completed`). Probes
 * (`/health`, `/ready`, `/metrics`) are not logged: they would drown everything else.
 */
export class AccessLogController extends LogController {
  constructor() {
    super({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: (request) => PROBE_PATHS.has(request.url.split('?', 1)[0] ?? ''),
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
