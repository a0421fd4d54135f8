/**
 * FCM HTTP v1. The service account's RS256 assertion (`iss` = client email, `scope` =
 * firebase.messaging, `aud` = token URI, one hour) is exchanged for an OAuth2 access token at the
 * token endpoint; the token is cached until five minutes before it expires (or until FCM answers
 * 401). Sends are `POST /v1/projects/<project>/messages:send` with the bearer token. `UNREGISTERED`
 * (404) and an invalid registration token deactivate the device; 429 / 5xx are transient
 * (honouring `Retry-After`); other errors are permanent.
 */
import { type CryptoKey, importPKCS8, SignJWT } from 'jose';
import { z } from 'zod';
import type { PushAdapter, PushMessage, SendResult } from './channels.js';
import { numberField, postToProvider, stringField } from './http-call.js';
import { kindOfHttpStatus, parseRetryAfter, SendError } from './send-errors.js';

export const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
const TOKEN_MARGIN_MS = 5 * 60_000;

export const serviceAccountSchema = z.object({
  project_id: z.string().min(1),
  client_email: z.string().min(1),
  private_key: z.string().min(1),
  private_key_id: z.string().min(1).optional(),
  token_uri: z.string().url().optional(),
});
export type ServiceAccount = z.infer<typeof serviceAccountSchema>;

export interface FcmAdapterOptions {
  /** The service account key (parsed JSON, or the JSON text). */
  serviceAccount: ServiceAccount | string;
  /** Default `https://fcm.googleapis.com`. */
  baseUrl?: string;
  /** Default the service account's `token_uri`, else `https://oauth2.googleapis.com/token`. */
  tokenUrl?: string;
  timeoutMs?: number;
  now?: () => number;
}

export interface FcmAdapter extends PushAdapter {
  /** How many access tokens were fetched so far. */
  tokensFetched(): number;
}

export function fcmMessage(message: PushMessage): Record<string, unknown> {
  const ttlSeconds =
    message.expiresAt === undefined
      ? undefined
      : Math.max(0, Math.floor((message.expiresAt - Date.now()) / 1000));
  return {
    token: message.token,
    ...(message.pushType === 'alert' ? { notification: { title: message.title, body: message.body } } : {}),
    data: { ...message.data, deliveryId: message.deliveryId },
    android: {
      priority: message.priority === 'high' ? 'HIGH' : 'NORMAL',
      ...(ttlSeconds === undefined ? {} : { ttl: `${ttlSeconds}s` }),
      ...(message.collapseId ? { collapse_key: message.collapseId } : {}),
    },
  };
}

/** The FCM error code in a v1 error body (`error.details[].errorCode`, else `error.status`). */
function fcmErrorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const details = (error as { details?: unknown }).details;
  if (Array.isArray(details)) {
    for (const detail of details) {
      const code = stringField(detail, 'errorCode');
      if (code) return code;
    }
  }
  return stringField(error, 'status');
}

export function createFcmAdapter(options: FcmAdapterOptions): FcmAdapter {
  const account =
    typeof options.serviceAccount === 'string'
      ? serviceAccountSchema.parse(JSON.parse(options.serviceAccount))
      : serviceAccountSchema.parse(options.serviceAccount);
  const tokenUrl = options.tokenUrl ?? account.token_uri ?? 'https://oauth2.googleapis.com/token';
  const sendUrl = `${(options.baseUrl ?? 'https://fcm.googleapis.com').replace(/\/+$/, '')}/v1/projects/${encodeURIComponent(account.project_id)}/messages:send`;
  const now = options.now ?? Date.now;
  let key: Promise<CryptoKey> | undefined;
  let cached: { value: string; expiresAt: number } | undefined;
  let fetching: Promise<string> | undefined;
  let fetched = 0;

  async function fetchToken(signal: AbortSignal | undefined): Promise<string> {
    key ??= importPKCS8(account.private_key, 'RS256');
    const issuedAt = Math.floor(now() / 1000);
    const assertion = await new SignJWT({ scope: FCM_SCOPE })
      .setProtectedHeader({
        alg: 'RS256',
        typ: 'JWT',
        ...(account.private_key_id ? { kid: account.private_key_id } : {}),
      })
      .setIssuer(account.client_email)
      .setAudience(tokenUrl)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 3600)
      .sign(await key);
    const result = await postToProvider(tokenUrl, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion,
      }).toString(),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      signal,
    });
    const token = stringField(result.body, 'access_token');
    if (result.status !== 200 || !token) {
      const kind = result.status === 200 ? 'permanent' : kindOfHttpStatus(result.status);
      throw new SendError(kind, `FCM: the token endpoint answered ${result.status}.`, {
        status: result.status,
        reason: 'oauth_token',
      });
    }
    fetched += 1;
    const expiresIn = numberField(result.body, 'expires_in') ?? 3600;
    cached = { value: token, expiresAt: now() + expiresIn * 1000 };
    return token;
  }

  async function accessToken(signal: AbortSignal | undefined): Promise<string> {
    if (cached && now() < cached.expiresAt - TOKEN_MARGIN_MS) return cached.value;
    fetching ??= fetchToken(signal).finally(() => {
      fetching = undefined;
    });
    return fetching;
  }

  async function sendOnce(
    message: PushMessage,
    signal: AbortSignal | undefined,
    retried: boolean,
  ): Promise<SendResult> {
    const token = await accessToken(signal);
    const result = await postToProvider(sendUrl, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: fcmMessage(message) }),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      signal,
    });
    if (result.status === 200) return { providerMessageId: stringField(result.body, 'name') };
    const code = fcmErrorCode(result.body);
    const details = { status: result.status, ...(code ? { reason: code } : {}) };
    if (result.status === 401 && !retried) {
      cached = undefined;
      return sendOnce(message, signal, true);
    }
    if (code === 'UNREGISTERED' || (result.status === 404 && code === 'NOT_FOUND'))
      throw new SendError('unregistered', 'FCM: the registration token is no longer valid.', details);
    if (code === 'INVALID_ARGUMENT' && /token/i.test(JSON.stringify(result.body)))
      throw new SendError('unregistered', 'FCM: the registration token is invalid.', details);
    const retryAfterMs = parseRetryAfter(result.headers.get('retry-after'), now());
    throw new SendError(
      kindOfHttpStatus(result.status),
      `FCM answered ${result.status} (${code ?? 'no code'}).`,
      {
        ...details,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      },
    );
  }

  return {
    name: 'fcm',
    platforms: ['android', 'web'],
    tokensFetched: () => fetched,
    send: (message, signal) => sendOnce(message, signal, false),
  };
}
