import { type HttpReceiver, type ReceivedRequest, startHttpReceiver } from '@groundwork/testing';
import { exportPKCS8, generateKeyPair, jwtVerify } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PushMessage } from './channels.js';
import { createFcmAdapter, FCM_SCOPE } from './fcm-adapter.js';

let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let privatePem: string;
const receivers: HttpReceiver[] = [];

beforeAll(async () => {
  keys = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  privatePem = await exportPKCS8(keys.privateKey);
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

type SendAnswer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

/** A Google token endpoint and an FCM v1 endpoint that check the assertion and the bearer token. */
async function fakeGoogle(now: () => number) {
  let issued = 0;
  const valid = new Set<string>();
  const sendAnswers: SendAnswer[] = [];
  const sends: Array<{ message: Record<string, unknown> }> = [];
  const receiver = await startHttpReceiver({
    respond: async (request: ReceivedRequest) => {
      if (request.path === '/token') {
        const form = new URLSearchParams(request.body);
        if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
          return { status: 400, body: { error: 'unsupported_grant_type' } };
        try {
          const { payload, protectedHeader } = await jwtVerify(form.get('assertion') ?? '', keys.publicKey, {
            algorithms: ['RS256'],
            issuer: 'fcm@acme-app.iam.gserviceaccount.com',
            audience: `${receiver.url}/token`,
            currentDate: new Date(now()),
          });
          if (payload.scope !== FCM_SCOPE || protectedHeader.kid !== 'key-1')
            return { status: 400, body: { error: 'invalid_scope' } };
        } catch {
          return { status: 400, body: { error: 'invalid_grant' } };
        }
        issued += 1;
        const token = `ya29.token-${issued}`;
        valid.add(token);
        return { status: 200, body: { access_token: token, expires_in: 3599, token_type: 'Bearer' } };
      }
      if (request.path === '/v1/projects/acme-app/messages:send') {
        const auth = String(request.headers.authorization ?? '');
        if (!valid.has(auth.replace(/^Bearer /, '')))
          return { status: 401, body: { error: { code: 401, status: 'UNAUTHENTICATED' } } };
        const body = JSON.parse(request.body) as { message: Record<string, unknown> };
        if (typeof body.message?.token !== 'string')
          return { status: 400, body: { error: { status: 'INVALID_ARGUMENT' } } };
        const answer = sendAnswers.shift();
        if (answer)
          return {
            status: answer.status,
            body: answer.body,
            ...(answer.headers ? { headers: answer.headers } : {}),
          };
        sends.push(body);
        return { status: 200, body: { name: `projects/acme-app/messages/${sends.length}` } };
      }
      return { status: 404, body: {} };
    },
  });
  receivers.push(receiver);
  return {
    receiver,
    sends,
    sendAnswers,
    issued: () => issued,
    revokeAll: () => valid.clear(),
  };
}

function account(tokenUri: string) {
  return {
    type: 'service_account',
    project_id: 'acme-app',
    private_key_id: 'key-1',
    private_key: privatePem,
    client_email: 'fcm@acme-app.iam.gserviceaccount.com',
    token_uri: tokenUri,
  };
}

function message(overrides: Partial<PushMessage> = {}): PushMessage {
  return {
    deliveryId: 'dlv_1',
    productId: 'acme',
    platform: 'android',
    token: 'fcm-token-1',
    title: 'Hi',
    body: 'There',
    data: { type: 'subscription_change' },
    pushType: 'alert',
    priority: 'high',
    collapseId: 'sub',
    ...overrides,
  };
}

describe('FCM HTTP v1 adapter against local token and send endpoints', () => {
  it('exchanges a verified RS256 assertion for a token, caches it, and sends messages', async () => {
    let now = Date.now();
    const google = await fakeGoogle(() => now);
    const adapter = createFcmAdapter({
      serviceAccount: JSON.stringify(account(`${google.receiver.url}/token`)),
      baseUrl: google.receiver.url,
      now: () => now,
    });
    const first = await adapter.send(message());
    await adapter.send(message({ deliveryId: 'dlv_2' }));
    expect(first.providerMessageId).toBe('projects/acme-app/messages/1');
    expect(google.issued()).toBe(1);
    expect(adapter.tokensFetched()).toBe(1);
    expect(google.sends[0]?.message).toMatchObject({
      token: 'fcm-token-1',
      notification: { title: 'Hi', body: 'There' },
      data: { type: 'subscription_change', deliveryId: 'dlv_1' },
      android: { priority: 'HIGH', collapse_key: 'sub' },
    });
    // Near expiry (5 min margin) a new token is fetched.
    now += 56 * 60_000;
    await adapter.send(message());
    expect(google.issued()).toBe(2);
  });

  it('fetches a new token once on 401', async () => {
    const google = await fakeGoogle(Date.now);
    const adapter = createFcmAdapter({
      serviceAccount: account(`${google.receiver.url}/token`),
      baseUrl: google.receiver.url,
    });
    await adapter.send(message());
    google.revokeAll();
    await adapter.send(message());
    expect(google.issued()).toBe(2);
    expect(google.sends).toHaveLength(2);
  });

  it('UNREGISTERED deactivates, 429 is transient with Retry-After, 400 is permanent', async () => {
    const google = await fakeGoogle(Date.now);
    const adapter = createFcmAdapter({
      serviceAccount: account(`${google.receiver.url}/token`),
      baseUrl: google.receiver.url,
    });
    google.sendAnswers.push(
      {
        status: 404,
        body: {
          error: {
            code: 404,
            status: 'NOT_FOUND',
            details: [
              { '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode: 'UNREGISTERED' },
            ],
          },
        },
      },
      {
        status: 429,
        body: { error: { code: 429, status: 'RESOURCE_EXHAUSTED' } },
        headers: { 'retry-after': '30' },
      },
      { status: 400, body: { error: { code: 400, status: 'FAILED_PRECONDITION' } } },
    );
    await expect(adapter.send(message())).rejects.toMatchObject({
      kind: 'unregistered',
      reason: 'UNREGISTERED',
    });
    await expect(adapter.send(message())).rejects.toMatchObject({
      kind: 'transient',
      status: 429,
      retryAfterMs: 30_000,
    });
    await expect(adapter.send(message())).rejects.toMatchObject({ kind: 'permanent', status: 400 });
  });

  it('a key the token endpoint does not know is refused (the check can fail)', async () => {
    const google = await fakeGoogle(Date.now);
    const other = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    const adapter = createFcmAdapter({
      serviceAccount: {
        ...account(`${google.receiver.url}/token`),
        private_key: await exportPKCS8(other.privateKey),
      },
      baseUrl: google.receiver.url,
    });
    await expect(adapter.send(message())).rejects.toMatchObject({ kind: 'permanent', reason: 'oauth_token' });
    expect(google.sends).toHaveLength(0);
  });
});
