/**
 * The outbound HTTP client: every request goes through the address policy.
 *
 * - The URL is parsed (WHATWG), its scheme checked (`https:` unless `allowHttp`), an IP-literal
 *   host checked directly.
 * - A host name is resolved when a connection opens, by the socket's `lookup` hook: every
 *   address is checked and the socket connects to a checked one (SNI and `Host` stay the name),
 *   so DNS rebinding between a check and the connect cannot reach a refused address.
 * - Redirects are never followed: a 3xx comes back as the response.
 * - One time budget covers connect, headers and body; the body is kept up to a cap.
 * - Connections are pooled with keep-alive (one undici Agent per client).
 */
import { Agent } from 'undici';
import { type CompiledPolicy, compilePolicy, isIpLiteral, type OutboundPolicy } from './address-policy.js';
import { parseOutboundUrl } from './check-url.js';
import {
  isOutboundError,
  OutboundConnectionError,
  type OutboundError,
  OutboundTimeoutError,
} from './errors.js';
import { createCheckedLookup, type Resolver, resolveChecked, systemResolver } from './resolve.js';

export interface OutboundClientOptions {
  /** Replaces DNS resolution (tests). Default: `dns.lookup(host, { all: true })`. */
  resolver?: Resolver;
  /** Default time budget per request (connect + headers + body), ms. Default 10 000. */
  timeoutMs?: number;
  /** Default cap on the response body kept, bytes. Default 64 KiB. */
  maxResponseBytes?: number;
  /** Open connections per origin at most. Default 128. */
  connectionsPerOrigin?: number;
  /** How long an idle pooled connection stays open, ms. Default 10 000. */
  keepAliveTimeoutMs?: number;
  /** `user-agent` sent when the request sets none. Default `groundwork-outbound`. */
  userAgent?: string;
}

export interface OutboundRequestOptions {
  /** Default `POST` when a body is given, else `GET`. */
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Time budget for this request (connect + headers + body), ms. */
  timeoutMs?: number;
  /** Response body bytes kept; the rest is drained (up to 64 KiB more) or the connection dropped. */
  maxResponseBytes?: number;
  /** Aborts the request (reported as a connection failure). */
  signal?: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  /** Response headers, names lowercased, repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body, at most `maxResponseBytes` bytes. */
  body: Buffer;
  /** True when the body was longer than the cap. */
  truncated: boolean;
  /** From the start of the request to the end of the body, ms. */
  durationMs: number;
}

export interface OutboundClient {
  /** Sends one request under the policy. Throws a typed `OutboundError` on refusal or failure. */
  request(url: string | URL, options?: OutboundRequestOptions): Promise<OutboundResponse>;
  /** The compiled policy this client enforces. */
  readonly policy: CompiledPolicy;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

const STRIPPED_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'proxy-connection',
  'expect',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const DRAIN_EXTRA_BYTES = 64 * 1024;

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function findOutboundError(error: unknown): OutboundError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    if (isOutboundError(current)) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

/** Creates a client enforcing `policy`. Reuse one per process: it pools connections. */
export function createOutboundClient(
  policy: OutboundPolicy | CompiledPolicy = {},
  options: OutboundClientOptions = {},
): OutboundClient {
  const compiled = compilePolicy(policy);
  const resolver = options.resolver ?? systemResolver;
  const defaultTimeout = options.timeoutMs ?? 10_000;
  const defaultMaxBytes = options.maxResponseBytes ?? 64 * 1024;
  const userAgent = options.userAgent ?? 'groundwork-outbound';
  const agent = new Agent({
    connections: options.connectionsPerOrigin ?? 128,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
    connect: { lookup: createCheckedLookup(compiled, resolver), timeout: defaultTimeout },
  });

  async function request(input: string | URL, opts: OutboundRequestOptions = {}): Promise<OutboundResponse> {
    const started = performance.now();
    const url = parseOutboundUrl(input, compiled);
    // IP literals never reach the lookup hook; check them here.
    if (isIpLiteral(url.hostname)) await resolveChecked(url.hostname, compiled, resolver);
    const timeoutMs = opts.timeoutMs ?? defaultTimeout;
    const maxBytes = opts.maxResponseBytes ?? defaultMaxBytes;
    const headers: Record<string, string> = { 'user-agent': userAgent };
    for (const [name, value] of Object.entries(opts.headers ?? {})) {
      const lower = name.toLowerCase();
      if (!STRIPPED_HEADERS.has(lower)) headers[lower] = value;
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = (): void => controller.abort();
    opts.signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const response = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
        headers,
        body: opts.body,
        signal: controller.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const chunks: Buffer[] = [];
      let kept = 0;
      let seen = 0;
      let truncated = false;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        seen += chunk.length;
        if (kept < maxBytes) {
          const room = maxBytes - kept;
          const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
          chunks.push(part);
          kept += part.length;
        }
        if (seen > maxBytes) truncated = true;
        if (seen > maxBytes + DRAIN_EXTRA_BYTES) {
          response.body.destroy();
          break;
        }
      }
      return {
        status: response.statusCode,
        headers: flattenHeaders(response.headers),
        body: Buffer.concat(chunks, kept),
        truncated,
        durationMs: performance.now() - started,
      };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (timedOut || (typeof code === 'string' && TIMEOUT_CODES.has(code))) {
        throw new OutboundTimeoutError(timeoutMs, { cause: error });
      }
      const typed = findOutboundError(error);
      if (typed) throw typed;
      const detail = typeof code === 'string' ? `The request failed (${code}).` : 'The request failed.';
      throw new OutboundConnectionError(detail, { cause: error });
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return {
    request,
    policy: compiled,
    close: () => agent.close(),
  };
}
