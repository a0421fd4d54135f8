/**
 * The environment variables of the delivery module. A service spreads the shape into its own env
 * schema (`platformEnvSchema.extend(deliveryEnvSchema.shape)`); the configuration reference in the
 * docs is generated from the `.describe()` texts. The defaults give a working embedded platform:
 * email goes to the `console` adapter (a dev outbox admins read through the API), push and SMS are
 * off until their credentials are set.
 */
import { envEnum, envInt, envUrl, secret } from '@groundwork/config';
import { z } from 'zod';

export const EMAIL_PROVIDERS = ['console', 'smtp', 'sendgrid', 'postmark'] as const;

export const deliveryEnvSchema = z.object({
  EMAIL_PROVIDER: envEnum(EMAIL_PROVIDERS)
    .default('console')
    .describe(
      'Email adapter: `console` (embedded default: messages kept in an encrypted dev outbox readable by admins, never sent), `smtp`, `sendgrid` or `postmark`.',
    ),
  EMAIL_FALLBACK_PROVIDER: envEnum(EMAIL_PROVIDERS)
    .optional()
    .describe(
      'Secondary email adapter used while the primary keeps failing (circuit breaker: 5 consecutive transient failures open it for 60 s). Unset: no failover.',
    ),
  EMAIL_FROM_ADDRESS: z
    .email()
    .default('no-reply@localhost')
    .describe('Default sender address (per-product overrides are module options).'),
  EMAIL_FROM_NAME: z.string().min(1).max(200).default('Groundwork').describe('Default sender name.'),
  EMAIL_REPLY_TO: z.email().optional().describe('Default Reply-To address. Unset: none.'),
  EMAIL_LINK_BASE_URL: envUrl()
    .default('http://localhost:3000')
    .describe('Base URL of the product used in templates (`{{appUrl}}`) and unsubscribe links.'),
  SMTP_URL: secret(envUrl({ protocols: ['smtp', 'smtps'] }).optional()).describe(
    'SMTP server for `EMAIL_PROVIDER=smtp`, e.g. `smtps://user:pass@smtp.example.com:465` (a pooled nodemailer transport).',
  ),
  SENDGRID_API_KEY: secret(z.string().min(1).optional()).describe(
    'SendGrid API key (v3 mail send) for `EMAIL_PROVIDER=sendgrid`.',
  ),
  SENDGRID_BASE_URL: envUrl()
    .default('https://api.sendgrid.com')
    .describe('SendGrid API base URL (tests point it at a local fake).'),
  SENDGRID_WEBHOOK_PUBLIC_KEY: secret(z.string().min(1).optional()).describe(
    'Base64 (DER/SPKI) or PEM ECDSA P-256 public key of the SendGrid signed event webhook. Unset: the SendGrid events route answers 404.',
  ),
  POSTMARK_SERVER_TOKEN: secret(z.string().min(1).optional()).describe(
    'Postmark server token for `EMAIL_PROVIDER=postmark`.',
  ),
  POSTMARK_BASE_URL: envUrl()
    .default('https://api.postmarkapp.com')
    .describe('Postmark API base URL (tests point it at a local fake).'),
  POSTMARK_MESSAGE_STREAM: z
    .string()
    .min(1)
    .default('outbound')
    .describe('Postmark message stream for transactional mail.'),
  POSTMARK_WEBHOOK_USER: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Basic-auth user Postmark sends with its webhooks. Unset: the Postmark events route answers 404.',
    ),
  POSTMARK_WEBHOOK_PASSWORD: secret(z.string().min(16).optional()).describe(
    'Basic-auth password of the Postmark webhooks (at least 16 characters).',
  ),
  APNS_KEY_ID: z.string().min(1).optional().describe('APNs token-auth key id (`kid` of the provider JWT).'),
  APNS_TEAM_ID: z.string().min(1).optional().describe('Apple developer team id (`iss` of the provider JWT).'),
  APNS_KEY_PATH: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Path of the APNs `.p8` signing key (PKCS#8 PEM). With APNS_KEY_ID, APNS_TEAM_ID and APNS_TOPIC, enables iOS push.',
    ),
  APNS_PRIVATE_KEY: secret(z.string().min(1).optional()).describe(
    'The APNs `.p8` key itself (PEM), instead of APNS_KEY_PATH (e.g. from Key Vault).',
  ),
  APNS_TOPIC: z.string().min(1).optional().describe('The app bundle id (`apns-topic`).'),
  APNS_URL: envUrl()
    .default('https://api.push.apple.com')
    .describe(
      'APNs endpoint: `https://api.sandbox.push.apple.com` for development builds; tests and benches point it at a local HTTP/2 server.',
    ),
  APNS_KEY_EXPIRES_AT: z.iso
    .date()
    .optional()
    .describe(
      'Date (YYYY-MM-DD) the APNs key or certificate must be renewed by; a daily job warns 30 days before (Appendix A risk 6).',
    ),
  FCM_SERVICE_ACCOUNT_JSON: secret(z.string().min(1).optional()).describe(
    'Firebase service account key (the JSON document) for FCM HTTP v1; enables Android/web push.',
  ),
  FCM_BASE_URL: envUrl()
    .default('https://fcm.googleapis.com')
    .describe('FCM API base URL (tests point it at a local fake).'),
  FCM_TOKEN_URL: envUrl()
    .optional()
    .describe(
      "OAuth2 token endpoint; default the service account's `token_uri` (tests point it at a local fake).",
    ),
  DELIVERY_ENCRYPTION_KEY: secret(
    z
      .string()
      .regex(/^[A-Za-z0-9+/_-]{43}=?$/, 'expected 32 bytes, base64 or base64url encoded')
      .optional(),
  ).describe(
    'AES-256-GCM key (32 bytes, base64) sealing queued message data and the dev outbox. Unset: one is generated on first start and kept in the store.',
  ),
  DELIVERY_MAX_ATTEMPTS: envInt({ min: 1, max: 50 })
    .default(8)
    .describe(
      'Attempts per send on transient provider errors (429, 5xx, timeouts) before it is marked failed.',
    ),
  DELIVERY_LOG_RETENTION_DAYS: envInt({ min: 1, max: 3650 })
    .default(90)
    .describe('Days a delivery log entry is kept (the container TTL).'),
});

export type DeliveryEnv = z.output<typeof deliveryEnvSchema>;
