/**
 * For tests of modules that act on other modules' requests (rate limits, maintenance mode): a
 * `probe` module whose routes count the handler runs that got through, and an `inject` that sends a
 * request from a given client address (default `198.51.100.7`, documentation range).
 */
import { defineModule, type PlatformModule, publicRoute, type ServiceApp } from '@groundwork/http';
import { z } from 'zod';

/** What `app.inject()` resolves to (light-my-request's response). */
export type LightResponse = Awaited<ReturnType<ServiceApp['app']['inject']>>;

export interface ProbeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  url: string;
  headers?: Record<string, string>;
  payload?: unknown;
  remoteAddress?: string;
}

export const DEFAULT_PROBE_ADDRESS = '198.51.100.7';

/** `GET|POST /probe/public` (no sign-in) and `GET|POST /probe/private`; each run adds 1 to `calls.count`. */
export function probeModule(calls: { count: number }): PlatformModule {
  const ok = z.object({ ok: z.boolean() });
  const body = z.object({ n: z.number() });
  const handler = async () => {
    calls.count += 1;
    return { ok: true };
  };
  return defineModule({
    name: 'probe',
    routes: async (app) => {
      app.get('/probe/public', { ...publicRoute, schema: { response: { 200: ok } } }, handler);
      app.post('/probe/public', { ...publicRoute, schema: { body, response: { 200: ok } } }, handler);
      app.get('/probe/private', { schema: { response: { 200: ok } } }, handler);
      app.post('/probe/private', { schema: { body, response: { 200: ok } } }, handler);
    },
  });
}

/** `service.app.inject` taking a client address, `GET` and no headers by default. */
export function injectFrom(service: ServiceApp): (request: ProbeRequest) => Promise<LightResponse> {
  return ({ method = 'GET', url, headers = {}, payload, remoteAddress = DEFAULT_PROBE_ADDRESS }) =>
    service.app.inject({
      method,
      url,
      headers,
      remoteAddress,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
}
