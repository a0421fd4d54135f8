import { exportPKCS8, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { adaptersFromEnv } from './adapters-from-env.js';
import { deliveryEnvSchema } from './delivery-env.js';

const outbox = async () => {};

describe('adapters from the environment', () => {
  it('defaults to a working embedded setup: console email, no push, console SMS', () => {
    const env = deliveryEnvSchema.parse({});
    expect(env.EMAIL_PROVIDER).toBe('console');
    const adapters = adaptersFromEnv(env, { outbox });
    expect(adapters.email.name).toBe('console');
    expect(adapters.push).toEqual([]);
    expect(adapters.sms.name).toBe('console');
  });

  it('refuses a provider without its credentials, at startup', () => {
    for (const provider of ['smtp', 'sendgrid', 'postmark']) {
      const env = deliveryEnvSchema.parse({ EMAIL_PROVIDER: provider });
      expect(() => adaptersFromEnv(env, { outbox }), provider).toThrow(/needs/);
    }
    const partialApns = deliveryEnvSchema.parse({ APNS_KEY_ID: 'K' });
    expect(() => adaptersFromEnv(partialApns, { outbox })).toThrow(/APNS_/);
    expect(deliveryEnvSchema.safeParse({ EMAIL_PROVIDER: 'mailgun' }).success).toBe(false);
    expect(deliveryEnvSchema.safeParse({ DELIVERY_ENCRYPTION_KEY: 'short' }).success).toBe(false);
  });

  it('builds SendGrid with Postmark failover, APNs (PEM with literal \\n) and FCM', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const pem = (await exportPKCS8(privateKey)).replace(/\n/g, '\\n');
    const rsa = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    const env = deliveryEnvSchema.parse({
      EMAIL_PROVIDER: 'sendgrid',
      EMAIL_FALLBACK_PROVIDER: 'postmark',
      SENDGRID_API_KEY: 'SG.x',
      POSTMARK_SERVER_TOKEN: 'pm',
      APNS_KEY_ID: 'K',
      APNS_TEAM_ID: 'T',
      APNS_TOPIC: 'com.acme.app',
      APNS_PRIVATE_KEY: pem,
      FCM_SERVICE_ACCOUNT_JSON: JSON.stringify({
        project_id: 'p',
        client_email: 'c@p.iam.gserviceaccount.com',
        private_key: await exportPKCS8(rsa.privateKey),
      }),
    });
    const adapters = adaptersFromEnv(env, { outbox });
    expect(adapters.email.name).toBe('sendgrid>postmark');
    expect(adapters.push.map((adapter) => adapter.name)).toEqual(['apns', 'fcm']);
  });
});
