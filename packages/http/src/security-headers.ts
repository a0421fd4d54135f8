import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { ServiceFastifyInstance } from './fastify-types.js';

/**
 * Helmet's default security headers (CSP, HSTS, nosniff, frame options, …), computed once at
 * start-up by running Helmet against a recording response. Helmet's defaults are static, and
 * running its middleware on every request re-parsed the CSP directives each time.
 */
export function helmetHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return Object.freeze(headers);
}

/** Sets the security headers on every response; a route may still override one (the docs UI sets its own CSP). */
export function registerSecurityHeaders(app: ServiceFastifyInstance): void {
  const headers = helmetHeaders();
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
}
