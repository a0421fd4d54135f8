import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, recorded once its body was fully read. */
export interface ReceivedRequest {
  method: string;
  /** Path with the query string, as sent (`/hooks/a?x=1`). */
  path: string;
  /** Request headers, names lowercased (node:http). */
  headers: IncomingHttpHeaders;
  /** The body decoded as UTF-8 (`''` when there is none). */
  body: string;
  receivedAt: Date;
}

export interface ReceiverResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string or bytes are sent as they are; anything else as JSON with `content-type: application/json`. */
  body?: string | Uint8Array | Record<string, unknown> | unknown[];
}

export type Responder = (request: ReceivedRequest) => ReceiverResponse | Promise<ReceiverResponse>;

export interface HttpReceiverOptions {
  /** How to answer each request. Default: `204` with no body. */
  respond?: Responder;
  /** Wait this long before answering each request (to exercise client timeouts). Default 0. */
  delayMs?: number;
}

export interface HttpReceiver {
  /** Base URL, e.g. `http://127.0.0.1:49152`. */
  url: string;
  /** Every request received so far, oldest first. */
  requests: ReceivedRequest[];
  /** Resolves with the first `count` requests once that many arrived; rejects after `timeoutMs` (default 5000). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  /** Replaces the responder for the requests that follow. */
  setResponder(respond: Responder): void;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

interface Waiter {
  count: number;
  resolve(requests: ReceivedRequest[]): void;
}

const defaultResponder: Responder = () => ({ status: 204 });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: ReceiverResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | Uint8Array | undefined;
  if (typeof response.body === 'string' || response.body instanceof Uint8Array) {
    payload = response.body;
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    if (!hasContentType) headers['content-type'] = 'application/json';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** Starts an HTTP server on 127.0.0.1 (random port) that records every request and answers as told. */
export async function startHttpReceiver(options: HttpReceiverOptions = {}): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const waiters = new Set<Waiter>();
  const delayTimers = new Set<NodeJS.Timeout>();
  let respond = options.respond ?? defaultResponder;
  const delayMs = options.delayMs ?? 0;
  let closed = false;

  const notify = (): void => {
    for (const waiter of waiters) {
      if (requests.length >= waiter.count) {
        waiters.delete(waiter);
        waiter.resolve(requests.slice(0, waiter.count));
      }
    }
  };

  const delay = (): Promise<void> =>
    new Promise((resolve) => {
      if (delayMs <= 0) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        delayTimers.delete(timer);
        resolve();
      }, delayMs);
      delayTimers.add(timer);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const request: ReceivedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: await readBody(req),
      receivedAt: new Date(),
    };
    requests.push(request);
    notify();
    let response: ReceiverResponse;
    try {
      response = await respond(request);
    } catch (error) {
      response = {
        status: 500,
        body: `responder failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    await delay();
    if (closed || res.destroyed) return;
    send(res, response);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    waitFor(count: number, timeoutMs = 5000): Promise<ReceivedRequest[]> {
      if (requests.length >= count) return Promise.resolve(requests.slice(0, count));
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          count,
          resolve: (received) => {
            clearTimeout(timer);
            resolve(received);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `HTTP receiver: expected ${count} request(s) within ${timeoutMs} ms, got ${requests.length}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    setResponder(next: Responder): void {
      respond = next;
    },
    close(): Promise<void> {
      closed = true;
      for (const timer of delayTimers) clearTimeout(timer);
      delayTimers.clear();
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
