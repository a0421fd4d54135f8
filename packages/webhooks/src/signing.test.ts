import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateSecret, secretKey } from './secrets.js';
import { signatureHeaders } from './signing.js';
import { verifyWebhook, WebhookVerificationError } from './verify.js';

const body = JSON.stringify({ id: 'evt_1', type: 'user.created', data: { userId: 'u1' } });
const now = Date.now();
const ts = Math.floor(now / 1000);

describe('signatures', () => {
  it('generates whsec_ secrets of 32 random bytes', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(secretKey(secret)).toHaveLength(32);
    expect(generateSecret()).not.toBe(secret);
  });

  it('is verified by the standardwebhooks package as published', () => {
    const secret = generateSecret();
    const headers = signatureHeaders({ id: 'evt_1', timestamp: ts, body, secrets: [secret] });
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
  });

  it('signs the seed header as sha256=hex HMAC of "<timestamp>.<body>" (independent check)', () => {
    const secret = generateSecret();
    const headers = signatureHeaders({ id: 'evt_1', timestamp: ts, body, secrets: [secret] });
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`${ts}.${body}`).digest('hex');
    expect(headers['x-webhook-signature']).toBe(`sha256=${expected}`);
    expect(headers['x-webhook-timestamp']).toBe(String(ts));
    expect(headers['webhook-timestamp']).toBe(String(ts));
    expect(headers['webhook-id']).toBe('evt_1');
  });

  it('during a rotation carries one signature per secret, each verifiable on its own', () => {
    const [fresh, old] = [generateSecret(), generateSecret()];
    const headers = signatureHeaders({ id: 'evt_2', timestamp: ts, body, secrets: [fresh, old] });
    expect(String(headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(String(headers['x-webhook-signature']).split(' ')).toHaveLength(2);
    expect(new Webhook(fresh).verify(body, headers)).toBeTruthy();
    expect(new Webhook(old).verify(body, headers)).toBeTruthy();
    expect(verifyWebhook({ body, headers, secret: old, now }).id).toBe('evt_2');
  });
});

describe('verifyWebhook', () => {
  const secret = generateSecret();
  const headers = signatureHeaders({ id: 'evt_3', timestamp: ts, body, secrets: [secret] });

  it('accepts a genuine delivery and returns id, timestamp and parsed body', () => {
    expect(verifyWebhook({ body, headers, secret, now })).toEqual({
      id: 'evt_3',
      timestamp: ts,
      payload: JSON.parse(body),
    });
    expect(verifyWebhook({ body: Buffer.from(body), headers: new Headers(headers), secret, now }).id).toBe(
      'evt_3',
    );
  });

  it('accepts the seed headers alone', () => {
    const seedOnly = {
      'x-webhook-signature': headers['x-webhook-signature'],
      'x-webhook-timestamp': headers['x-webhook-timestamp'],
    };
    expect(verifyWebhook({ body, headers: seedOnly, secret, now })).toMatchObject({
      id: undefined,
      timestamp: ts,
    });
  });

  const rejects = (input: Parameters<typeof verifyWebhook>[0], code: string) => {
    try {
      verifyWebhook(input);
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect((error as WebhookVerificationError).code).toBe(code);
      return;
    }
    throw new Error('expected a rejection');
  };

  it('rejects tampering, a wrong secret, a replay older than 5 minutes, and missing headers', () => {
    rejects({ body: body.replace('u1', 'u2'), headers, secret, now }, 'webhook_signature_invalid');
    rejects(
      { body, headers: { ...headers, 'webhook-id': 'evt_other' }, secret, now },
      'webhook_signature_invalid',
    );
    rejects({ body, headers, secret: generateSecret(), now }, 'webhook_signature_invalid');
    rejects({ body, headers, secret, now: now + 301_000 }, 'webhook_timestamp_expired');
    rejects({ body, headers, secret, now: now - 301_000 }, 'webhook_timestamp_expired');
    rejects({ body, headers: {}, secret, now }, 'webhook_signature_missing');
    rejects(
      { body, headers: { ...headers, 'webhook-timestamp': 'soon' }, secret, now },
      'webhook_timestamp_invalid',
    );
    // The seed header, tampered body.
    const seedOnly = {
      'x-webhook-signature': headers['x-webhook-signature'],
      'x-webhook-timestamp': headers['x-webhook-timestamp'],
    };
    rejects({ body: `${body}x`, headers: seedOnly, secret, now }, 'webhook_signature_invalid');
    expect(verifyWebhook({ body, headers, secret, now: now + 299_000 }).id).toBe('evt_3');
  });
});
