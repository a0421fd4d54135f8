/**
 * APNs over HTTP/2 with token authentication. One HTTP/2 session is opened lazily and reused for
 * every send (re-opened after GOAWAY, an error or close); the provider JWT (ES256, `kid` = key id,
 * `iss` = team id, `iat`) is signed once and reused until it is 50 minutes old (Apple refuses
 * tokens older than an hour and refreshes more often than every 20 minutes), or sooner when APNs
 * answers `ExpiredProviderToken`. Each request carries `apns-topic`, an `apns-push-type` matching
 * the payload (`alert` or `background`), `apns-priority` (10 / 5), `apns-expiration`,
 * `apns-collapse-id` and an `apns-id` derived from the delivery id. Payloads over 4 KiB are refused
 * before sending. 410 and `BadDeviceToken` / `DeviceTokenNotForTopic` deactivate the token.
 */
import { createHash } from 'node:crypto';
import {
  type ClientHttp2Session,
  type ClientHttp2Stream,
  connect,
  constants,
  type IncomingHttpHeaders,
  type SecureClientSessionOptions,
} from 'node:http2';
import { type CryptoKey, importPKCS8, SignJWT } from 'jose';
import type { PushAdapter, PushMessage, SendResult } from './channels.js';
import { parseRetryAfter, SendError } from './send-errors.js';

export const APNS_MAX_PAYLOAD_BYTES = 4096;
/** Reuse a provider token for this long (Apple: valid for 1 h, refresh at most every 20 min). */
export const APNS_TOKEN_REFRESH_MS = 50 * 60_000;

export interface ApnsAdapterOptions {
  /** The `.p8` key (PKCS#8 PEM). */
  privateKey: string;
  keyId: string;
  teamId: string;
  /** The app's bundle id (`apns-topic`). */
  topic: string;
  /** Default `https://api.push.apple.com`; `http://` connects over cleartext HTTP/2 (local servers only). */
  url?: string;
  /** Extra TLS options for the session (e.g. `ca` of a local test server). */
  tls?: Pick<SecureClientSessionOptions, 'ca'>;
  /** Per-request timeout in ms (default 10 s). */
  timeoutMs?: number;
  now?: () => number;
}

export interface ApnsAdapter extends PushAdapter {
  /** How many HTTP/2 sessions were opened so far (one, unless the server closed one). */
  sessionsOpened(): number;
  /** How many provider tokens were signed so far. */
  tokensSigned(): number;
}

/** The APNs payload of a message: `aps` plus the custom data. */
export function apnsPayload(message: PushMessage): Record<string, unknown> {
  const aps: Record<string, unknown> =
    message.pushType === 'background'
      ? { 'content-available': 1 }
      : {
          alert: { title: message.title, body: message.body },
          ...(message.sound ? { sound: message.sound } : {}),
          ...(message.badge === undefined ? {} : { badge: message.badge }),
        };
  return { ...message.data, aps };
}

/** A stable UUID (the `apns-id` format) for a delivery id. */
export function apnsIdFor(deliveryId: string): string {
  const hex = createHash('sha256').update(deliveryId).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const UNREGISTERED_REASONS = new Set(['BadDeviceToken', 'DeviceTokenNotForTopic', 'Unregistered']);
const TOKEN_REASONS = new Set(['ExpiredProviderToken', 'InvalidProviderToken', 'MissingProviderToken']);

export function createApnsAdapter(options: ApnsAdapterOptions): ApnsAdapter {
  const url = options.url ?? 'https://api.push.apple.com';
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let key: Promise<CryptoKey> | undefined;
  let token: { value: string; issuedAt: number } | undefined;
  let signing: Promise<string> | undefined;
  let session: ClientHttp2Session | undefined;
  let opened = 0;
  let signed = 0;

  async function providerToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && token && now() - token.issuedAt < APNS_TOKEN_REFRESH_MS) return token.value;
    signing ??= (async () => {
      try {
        key ??= importPKCS8(options.privateKey, 'ES256');
        const issuedAt = now();
        const value = await new SignJWT({ iss: options.teamId })
          .setProtectedHeader({ alg: 'ES256', kid: options.keyId })
          .setIssuedAt(Math.floor(issuedAt / 1000))
          .sign(await key);
        signed += 1;
        token = { value, issuedAt };
        return value;
      } finally {
        signing = undefined;
      }
    })();
    return signing;
  }

  function currentSession(): ClientHttp2Session {
    if (session && !session.closed && !session.destroyed) return session;
    const next = connect(url, options.tls ?? {});
    opened += 1;
    const drop = () => {
      if (session === next) session = undefined;
    };
    next.on('goaway', drop);
    next.on('close', drop);
    next.on('error', drop);
    next.unref();
    session = next;
    return next;
  }

  function request(
    headers: Record<string, string>,
    body: string,
    signal: AbortSignal | undefined,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      let stream: ClientHttp2Stream;
      try {
        stream = currentSession().request(headers);
      } catch (error) {
        reject(new SendError('transient', 'APNs: could not open a stream', { cause: error }));
        return;
      }
      const chunks: Buffer[] = [];
      let responseHeaders: IncomingHttpHeaders = {};
      const fail = (reason: string, cause?: unknown) => {
        cleanup();
        stream.close(constants.NGHTTP2_CANCEL);
        reject(new SendError('transient', `APNs: ${reason}`, { reason, cause }));
      };
      const timer = setTimeout(() => fail('timeout'), timeoutMs);
      const onAbort = () => fail('aborted', signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      stream.on('response', (received) => {
        responseHeaders = received;
      });
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        cleanup();
        resolve({
          status: Number(responseHeaders[':status'] ?? 0),
          headers: responseHeaders,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      stream.on('error', (error) => fail('stream error', error));
      stream.end(body);
    });
  }

  async function sendOnce(message: PushMessage, signal: AbortSignal | undefined, retried: boolean) {
    const payload = JSON.stringify(apnsPayload(message));
    if (Buffer.byteLength(payload) > APNS_MAX_PAYLOAD_BYTES) {
      throw new SendError('permanent', `APNs: the payload exceeds ${APNS_MAX_PAYLOAD_BYTES} bytes.`, {
        reason: 'PayloadTooLarge',
      });
    }
    const headers: Record<string, string> = {
      ':method': 'POST',
      ':path': `/3/device/${encodeURIComponent(message.token)}`,
      authorization: `bearer ${await providerToken()}`,
      'apns-topic': options.topic,
      'apns-push-type': message.pushType,
      'apns-priority': message.pushType === 'background' || message.priority === 'normal' ? '5' : '10',
      'apns-expiration': String(message.expiresAt === undefined ? 0 : Math.floor(message.expiresAt / 1000)),
      'apns-id': apnsIdFor(message.deliveryId),
      'content-type': 'application/json',
    };
    if (message.collapseId) headers['apns-collapse-id'] = message.collapseId.slice(0, 64);
    const response = await request(headers, payload, signal);
    if (response.status === 200) {
      const id = response.headers['apns-id'];
      return { providerMessageId: typeof id === 'string' ? id : headers['apns-id'] };
    }
    let reason: string | undefined;
    try {
      const parsed: unknown = JSON.parse(response.body);
      if (
        typeof parsed === 'object' &&
        parsed !== null &&
        'reason' in parsed &&
        typeof parsed.reason === 'string'
      )
        reason = parsed.reason;
    } catch {
      reason = undefined;
    }
    const status = response.status;
    const details = { status, ...(reason ? { reason } : {}) };
    if (status === 410 || (reason !== undefined && UNREGISTERED_REASONS.has(reason)))
      throw new SendError(
        'unregistered',
        `APNs: the device token is no longer valid (${reason ?? status}).`,
        details,
      );
    if (status === 403 && reason !== undefined && TOKEN_REASONS.has(reason)) {
      await providerToken(true);
      if (!retried) return sendOnce(message, signal, true);
      throw new SendError('transient', `APNs: provider token refused (${reason}).`, details);
    }
    if (status === 429 || status >= 500) {
      const retryAfter = response.headers['retry-after'];
      const retryAfterMs = parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined, now());
      throw new SendError('transient', `APNs answered ${status} (${reason ?? 'no reason'}).`, {
        ...details,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    throw new SendError('permanent', `APNs answered ${status} (${reason ?? 'no reason'}).`, details);
  }

  return {
    name: 'apns',
    platforms: ['ios'],
    sessionsOpened: () => opened,
    tokensSigned: () => signed,
    async send(message, signal): Promise<SendResult> {
      return sendOnce(message, signal, false);
    },
    async close() {
      const current = session;
      session = undefined;
      if (current && !current.closed) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
  };
}
