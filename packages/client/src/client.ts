/**
 * The typed client: openapi-fetch over the platform's generated `paths`, with a fetch that adds
 * the session's access token, renews it once when it is about to expire or a request answers 401
 * (several requests share one renewal), retries the request once with the new token, and tells
 * the app when the session is over.
 */
import createClient, { type Client } from 'openapi-fetch';
import { ApiError } from './api-error.js';
import type { paths } from './generated/schema.js';
import type { AccessGrant, SessionStrategy } from './session.js';

export type { paths } from './generated/schema.js';

export type GroundworkApi = Client<paths>;

export interface GroundworkClientOptions {
  /** Base URL of the platform, e.g. `https://api.example.com`; `''` (default) for the page's origin. */
  baseUrl?: string;
  /** Where the access token comes from; without one, requests go out unauthenticated. */
  session?: SessionStrategy;
  /** Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Called once when a renewal fails: the session is over, sign in again. */
  onSessionEnded?: () => void;
  /** Renew this long before the access token expires. Default 15 s. */
  renewBeforeMs?: number;
  /** Default `Date.now`. */
  now?: () => number;
}

export interface GroundworkClient {
  /** Typed calls: `api.GET('/v1/jobs')`, `api.POST('/v1/jobs/{name}/run', { params: { path: { name } } })`. */
  api: GroundworkApi;
  /** The same authenticated, renewing fetch, for routes that answer files (exports). */
  fetch: typeof globalThis.fetch;
  /** Renews the access token now (single flight): the new grant, or `null` when the session is over. */
  renew(): Promise<AccessGrant | null>;
  session: SessionStrategy | undefined;
}

export function createGroundworkClient(options: GroundworkClientOptions = {}): GroundworkClient {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const rawFetch: typeof globalThis.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const { session } = options;
  const renewBeforeMs = options.renewBeforeMs ?? 15_000;
  const now = options.now ?? Date.now;
  let renewing: Promise<AccessGrant | null> | null = null;

  function renew(): Promise<AccessGrant | null> {
    if (!session) return Promise.resolve(null);
    renewing ??= session
      .renew(rawFetch)
      .catch(() => null)
      .then((grant) => {
        if (!grant) {
          session.clear();
          options.onSessionEnded?.();
        }
        return grant;
      })
      .finally(() => {
        renewing = null;
      });
    return renewing;
  }

  async function send(request: Request, grant: AccessGrant | null): Promise<Response> {
    const headers = new Headers(request.headers);
    if (grant) headers.set('authorization', `Bearer ${grant.accessToken}`);
    try {
      return await rawFetch(new Request(request, { headers }));
    } catch (error) {
      throw ApiError.network(error);
    }
  }

  const authFetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    // A caller that brings its own credentials (e.g. an impersonation token) is left alone.
    if (!session || request.headers.has('authorization')) return send(request, null);
    const retry = request.clone();
    let grant = session.current();
    if (grant?.expiresAt !== undefined && grant.expiresAt - renewBeforeMs <= now()) grant = await renew();
    const first = await send(request, grant);
    if (first.status !== 401) return first;
    // Another request may have renewed while this one was in flight.
    const latest = session.current();
    const renewed = latest && latest.accessToken !== grant?.accessToken ? latest : await renew();
    if (!renewed) return first;
    await first.body?.cancel().catch(() => undefined);
    return send(retry, renewed);
  };

  const api = createClient<paths>({ baseUrl, fetch: authFetch });
  return { api, fetch: authFetch, renew, session };
}

/** What openapi-fetch answers: data on success, the parsed error body otherwise. */
interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The data of a call, or its problem document thrown as an `ApiError`:
 * `const jobs = await unwrap(api.GET('/v1/jobs'))`.
 */
export async function unwrap<R extends FetchResult>(pending: Promise<R>): Promise<NonNullable<R['data']>> {
  const result = await pending;
  if (!result.response.ok) throw ApiError.from(result.error, result.response);
  return result.data as NonNullable<R['data']>;
}

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';
type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body a route answers: `ResponseBody<'/v1/jobs', 'get'>`. */
export type ResponseBody<P extends keyof paths, M extends HttpMethod = 'get', S extends number = 200> =
  paths[P] extends Record<M, { responses: infer R }> ? (S extends keyof R ? JsonOf<R[S]> : never) : never;

/** The JSON body a route takes: `RequestBody<'/v1/auth/login', 'post'>`. */
export type RequestBody<P extends keyof paths, M extends HttpMethod = 'post'> =
  paths[P] extends Record<M, { requestBody?: infer B }> ? JsonOf<NonNullable<B>> : never;
