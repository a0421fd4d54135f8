/** The outcome of one request to a service's `/health` or `/ready`. */
export interface ProbeResult {
  ok: boolean;
  /** HTTP status, absent when no response arrived. */
  httpStatus?: number;
  latencyMs: number;
  /** Why the probe failed: `timeout`, `unreachable`, or `http_<status>`. */
  error?: string;
}

/**
 * GETs `url` and reports whether it answered 2xx within `timeoutMs`. Never throws and never
 * waits longer than the timeout: a slow service is a down service.
 */
export async function probe(
  url: string,
  timeoutMs: number,
  now: () => number = performance.now.bind(performance),
): Promise<ProbeResult> {
  const started = now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      signal,
      headers: { accept: 'application/json' },
      redirect: 'manual',
    });
    // Drain the body so the connection is released; bounded by the same signal.
    await response.arrayBuffer();
    const latencyMs = Math.round(now() - started);
    return response.ok
      ? { ok: true, httpStatus: response.status, latencyMs }
      : { ok: false, httpStatus: response.status, latencyMs, error: `http_${response.status}` };
  } catch (error) {
    const latencyMs = Math.round(now() - started);
    const timedOut = signal.aborted || (error instanceof Error && error.name === 'TimeoutError');
    return { ok: false, latencyMs, error: timedOut ? 'timeout' : 'unreachable' };
  }
}
