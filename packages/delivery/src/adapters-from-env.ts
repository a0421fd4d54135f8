/**
 * Builds the channel adapters the environment asks for: the email provider (and its failover),
 * APNs when its key, key id, team id and topic are set, FCM when a service account is set, and the
 * console SMS adapter. A provider chosen without its credentials is a configuration error at
 * startup, not a failure at the first send.
 */
import { readFileSync } from 'node:fs';
import { createApnsAdapter } from './apns-adapter.js';
import type { EmailAdapter, EmailMessage, PushAdapter, SmsAdapter } from './channels.js';
import { type ConsoleLog, createConsoleEmailAdapter, createConsoleSmsAdapter } from './console-adapters.js';
import type { DeliveryEnv } from './delivery-env.js';
import { createFailoverEmailAdapter } from './failover-adapter.js';
import { createFcmAdapter } from './fcm-adapter.js';
import { createPostmarkAdapter } from './postmark-adapter.js';
import { createSendGridAdapter } from './sendgrid-adapter.js';
import { createSmtpAdapter } from './smtp-adapter.js';

export type DeliveryAdapterEnv = Pick<
  DeliveryEnv,
  | 'EMAIL_PROVIDER'
  | 'EMAIL_FALLBACK_PROVIDER'
  | 'SMTP_URL'
  | 'SENDGRID_API_KEY'
  | 'SENDGRID_BASE_URL'
  | 'POSTMARK_SERVER_TOKEN'
  | 'POSTMARK_BASE_URL'
  | 'POSTMARK_MESSAGE_STREAM'
  | 'APNS_KEY_ID'
  | 'APNS_TEAM_ID'
  | 'APNS_KEY_PATH'
  | 'APNS_PRIVATE_KEY'
  | 'APNS_TOPIC'
  | 'APNS_URL'
  | 'FCM_SERVICE_ACCOUNT_JSON'
  | 'FCM_BASE_URL'
  | 'FCM_TOKEN_URL'
>;

export interface DeliveryAdapters {
  email: EmailAdapter;
  push: PushAdapter[];
  sms: SmsAdapter;
}

function emailAdapter(
  provider: DeliveryEnv['EMAIL_PROVIDER'],
  env: DeliveryAdapterEnv,
  outbox: (message: EmailMessage) => Promise<void>,
  logger: ConsoleLog | undefined,
): EmailAdapter {
  switch (provider) {
    case 'console':
      return createConsoleEmailAdapter({ outbox, ...(logger ? { logger } : {}) });
    case 'smtp':
      if (!env.SMTP_URL) throw new TypeError('EMAIL_PROVIDER=smtp needs SMTP_URL.');
      return createSmtpAdapter({ url: env.SMTP_URL });
    case 'sendgrid':
      if (!env.SENDGRID_API_KEY) throw new TypeError('EMAIL_PROVIDER=sendgrid needs SENDGRID_API_KEY.');
      return createSendGridAdapter({ apiKey: env.SENDGRID_API_KEY, baseUrl: env.SENDGRID_BASE_URL });
    case 'postmark':
      if (!env.POSTMARK_SERVER_TOKEN)
        throw new TypeError('EMAIL_PROVIDER=postmark needs POSTMARK_SERVER_TOKEN.');
      return createPostmarkAdapter({
        serverToken: env.POSTMARK_SERVER_TOKEN,
        baseUrl: env.POSTMARK_BASE_URL,
        messageStream: env.POSTMARK_MESSAGE_STREAM,
      });
  }
}

export function adaptersFromEnv(
  env: DeliveryAdapterEnv,
  options: { outbox: (message: EmailMessage) => Promise<void>; logger?: ConsoleLog },
): DeliveryAdapters {
  const primary = emailAdapter(env.EMAIL_PROVIDER, env, options.outbox, options.logger);
  const email =
    env.EMAIL_FALLBACK_PROVIDER && env.EMAIL_FALLBACK_PROVIDER !== env.EMAIL_PROVIDER
      ? createFailoverEmailAdapter({
          primary,
          secondary: emailAdapter(env.EMAIL_FALLBACK_PROVIDER, env, options.outbox, options.logger),
        })
      : primary;

  const push: PushAdapter[] = [];
  // A PEM in an environment variable often arrives with literal `\n`s.
  const apnsKey =
    env.APNS_PRIVATE_KEY?.replace(/\\n/g, '\n') ??
    (env.APNS_KEY_PATH ? readFileSync(env.APNS_KEY_PATH, 'utf8') : undefined);
  const apnsSet = [apnsKey, env.APNS_KEY_ID, env.APNS_TEAM_ID, env.APNS_TOPIC].filter(Boolean).length;
  if (apnsSet === 4 && apnsKey && env.APNS_KEY_ID && env.APNS_TEAM_ID && env.APNS_TOPIC) {
    push.push(
      createApnsAdapter({
        privateKey: apnsKey,
        keyId: env.APNS_KEY_ID,
        teamId: env.APNS_TEAM_ID,
        topic: env.APNS_TOPIC,
        url: env.APNS_URL,
      }),
    );
  } else if (apnsSet > 0) {
    throw new TypeError(
      'iOS push needs all of APNS_KEY_PATH (or APNS_PRIVATE_KEY), APNS_KEY_ID, APNS_TEAM_ID and APNS_TOPIC.',
    );
  }
  if (env.FCM_SERVICE_ACCOUNT_JSON) {
    push.push(
      createFcmAdapter({
        serviceAccount: env.FCM_SERVICE_ACCOUNT_JSON,
        baseUrl: env.FCM_BASE_URL,
        ...(env.FCM_TOKEN_URL ? { tokenUrl: env.FCM_TOKEN_URL } : {}),
      }),
    );
  }
  return { email, push, sms: createConsoleSmsAdapter(options.logger ? { logger: options.logger } : {}) };
}
