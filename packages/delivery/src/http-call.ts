/**
 * One JSON POST to a provider API with Node's `fetch`, bounded by a timeout and the task's abort
 * signal. Network errors and timeouts become transient `SendError`s; the caller maps statuses.
 */
import { SendError } from './send-errors.js';

export interface HttpCallResult {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or `undefined` when the body is empty or not JSON. */
  body: unknown;
}

export const DEFAULT_PROVIDER_TIMEOUT_MS = 15_000;

export async function postToProvider(
  url: string,
  init: {
    headers: Record<string, string>;
    body: string;
    timeoutMs?: number;
    signal?: AbortSignal | undefined;
  },
): Promise<HttpCallResult> {
  const timeout = AbortSignal.timeout(init.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal });
  } catch (error) {
    const reason = timeout.aborted ? 'timeout' : 'network';
    throw new SendError('transient', `${new URL(url).host}: ${reason} error`, { reason, cause: error });
  }
  const text = await response.text().catch(() => '');
  let body: unknown;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return { status: response.status, headers: response.headers, body };
}

/** A string field of a JSON object, if present. */
export function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

export function numberField(value: unknown, key: string): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'number' ? field : undefined;
}
