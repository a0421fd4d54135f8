/**
 * A local APNs over TLS HTTP/2 that checks the protocol as Apple does: the provider JWT (ES256,
 * verified with the public key, `kid`, `iss`, not older than an hour), `apns-topic`,
 * `apns-push-type` matching the payload, the priority, and the 4 KiB payload limit. Answers per
 * device token: 200, 410 Unregistered, 400 BadDeviceToken or 429, as the test arranges.
 */
import {
  createSecureServer,
  type Http2SecureServer,
  type IncomingHttpHeaders,
  type ServerHttp2Session,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from '@groundwork/testing';
import { type CryptoKey, decodeProtectedHeader, type JWTPayload, jwtVerify } from 'jose';

export interface ApnsRequest {
  token: string;
  headers: IncomingHttpHeaders;
  payload: Record<string, unknown>;
  jwt: JWTPayload;
}

export type ApnsAnswer = 'ok' | 'unregistered' | 'bad-token' | 'throttle' | 'expired-token';

export interface FakeApns {
  url: string;
  ca: string;
  requests: ApnsRequest[];
  rejected: Array<{ status: number; reason: string }>;
  /** Sessions (connections) opened by clients. */
  sessions(): number;
  answers: Map<string, ApnsAnswer>;
  close(): Promise<void>;
}

export async function startFakeApns(options: {
  publicKey: CryptoKey;
  keyId: string;
  teamId: string;
  topic: string;
  now: () => number;
}): Promise<FakeApns> {
  const { key, cert } = selfSignedCertificate();
  const server: Http2SecureServer = createSecureServer({ key, cert, allowHTTP1: false });
  const requests: ApnsRequest[] = [];
  const rejected: Array<{ status: number; reason: string }> = [];
  const answers = new Map<string, ApnsAnswer>();
  const open = new Set<ServerHttp2Session>();
  let sessions = 0;
  server.on('session', (session) => {
    sessions += 1;
    open.add(session);
    session.on('close', () => open.delete(session));
  });

  server.on('stream', (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', async () => {
      const answer = (status: number, reason?: string, extra: Record<string, string> = {}) => {
        if (status !== 200 && reason) rejected.push({ status, reason });
        stream.respond({ ':status': status, 'content-type': 'application/json', ...extra });
        stream.end(reason ? JSON.stringify({ reason }) : undefined);
      };
      const path = String(headers[':path'] ?? '');
      const match = /^\/3\/device\/([^/]+)$/.exec(path);
      if (headers[':method'] !== 'POST' || !match) return answer(405, 'MethodNotAllowed');
      const token = decodeURIComponent(match[1] ?? '');
      const auth = String(headers.authorization ?? '');
      if (!auth.startsWith('bearer ')) return answer(403, 'MissingProviderToken');
      let jwt: JWTPayload;
      try {
        const jwtText = auth.slice(7);
        const header = decodeProtectedHeader(jwtText);
        if (header.kid !== options.keyId) return answer(403, 'InvalidProviderToken');
        const verified = await jwtVerify(jwtText, options.publicKey, {
          algorithms: ['ES256'],
          issuer: options.teamId,
          currentDate: new Date(options.now()),
          maxTokenAge: '1h',
        });
        jwt = verified.payload;
      } catch {
        return answer(403, 'ExpiredProviderToken');
      }
      if (headers['apns-topic'] !== options.topic) return answer(400, 'TopicDisallowed');
      const body = Buffer.concat(chunks);
      if (body.length > 4096) return answer(413, 'PayloadTooLarge');
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        return answer(400, 'BadPayload');
      }
      const aps = (payload.aps ?? {}) as Record<string, unknown>;
      const type = headers['apns-push-type'];
      if (type === 'alert' && aps.alert === undefined) return answer(400, 'BadPushType');
      if (type === 'background' && (aps['content-available'] !== 1 || headers['apns-priority'] !== '5'))
        return answer(400, 'BadPushType');
      if (type !== 'alert' && type !== 'background') return answer(400, 'InvalidPushType');
      if (!['5', '10'].includes(String(headers['apns-priority']))) return answer(400, 'BadPriority');
      const scripted = answers.get(token) ?? 'ok';
      if (scripted === 'unregistered') return answer(410, 'Unregistered');
      if (scripted === 'bad-token') return answer(400, 'BadDeviceToken');
      if (scripted === 'throttle') return answer(429, 'TooManyRequests');
      if (scripted === 'expired-token') {
        answers.delete(token);
        return answer(403, 'ExpiredProviderToken');
      }
      requests.push({ token, headers, payload, jwt });
      answer(200, undefined, { 'apns-id': String(headers['apns-id'] ?? '') });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    ca: cert,
    requests,
    rejected,
    answers,
    sessions: () => sessions,
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of open) session.destroy();
        server.close(() => resolve());
      }),
  };
}
