import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { ServiceFastifyInstance } from './fastify-types.js';
import { DOCS_PREFIX } from './openapi.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/**
 * Headers for JSON API responses, after the OWASP REST Security Cheat Sheet: nothing in a JSON
 * response may be framed, sniffed, cached by intermediaries or load sub-resources. (Helmet's
 * browser-page set adds a dozen headers that mean nothing to a JSON client.)
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
});

/**
 * Helmet's default headers for HTML pages (the docs UI), computed once at start-up by running
 * Helmet against a recording response: its defaults are static, and running the middleware per
 * request re-parsed the CSP directives each time.
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

/**
 * Sets the security headers and echoes the request id on every response, errors and 404s
 * included: the API set on API routes, Helmet's page set under `/documentation` (whose UI then
 * sets its own CSP).
 */
export function registerResponseHeaders(app: ServiceFastifyInstance): void {
  const pageHeaders = helmetHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    const isPage = request.url.startsWith(DOCS_PREFIX);
    reply.headers(isPage ? pageHeaders : API_SECURITY_HEADERS);
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
}
