/**
 * Inbound provider webhooks, public but verified before the body is read: SendGrid's signed event
 * webhook (ECDSA over timestamp + raw body) and Postmark's basic auth. The routes live in their
 * own plugin scope whose JSON parser keeps the raw bytes (the signature covers them exactly).
 * A webhook without configured credentials answers 404.
 */
import type { KeyObject } from 'node:crypto';
import { AppError, BadRequestError, NotFoundError, UnauthorizedError } from '@groundwork/errors';
import { type ModuleRoutes, publicRoute } from '@groundwork/http';
import type { Clock } from '@groundwork/store';
import { z } from 'zod';
import {
  checkBasicAuth,
  parsePostmarkEvent,
  parseSendGridEvents,
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  sendGridPublicKey,
  verifySendGridSignature,
} from './provider-events.js';
import { webhookResultSchema } from './schemas.js';
import type { Delivery } from './service.js';

export interface WebhookRoutesOptions {
  delivery: () => Delivery;
  clock: () => Clock;
  /** `SENDGRID_WEBHOOK_PUBLIC_KEY` (base64 DER or PEM). */
  sendGridPublicKey?: string | undefined;
  /** `POSTMARK_WEBHOOK_USER` / `POSTMARK_WEBHOOK_PASSWORD`. */
  postmark?: { user: string; password: string } | undefined;
}

const rawBody = z.unknown().describe('The provider’s JSON payload, verified before it is read.');
const tags = ['delivery'];

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BadRequestError('The body is not JSON.', 'invalid_json');
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function webhookRoutes(options: WebhookRoutesOptions): ModuleRoutes {
  const key: KeyObject | undefined = options.sendGridPublicKey
    ? sendGridPublicKey(options.sendGridPublicKey)
    : undefined;
  return async (app) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
      (_request, body, done) => {
        done(null, body);
      },
    );

    app.post(
      '/delivery/webhooks/sendgrid',
      {
        ...publicRoute,
        schema: {
          tags,
          summary: 'SendGrid event webhook',
          description:
            'Signed events (delivered, open, bounce, spamreport, dropped). Verified with the configured public key over the timestamp header and the raw body; timestamps more than 5 minutes away are refused; each event id is applied once.',
          body: rawBody,
          response: { 200: webhookResultSchema },
        },
      },
      async (request) => {
        if (!key)
          throw new NotFoundError('The SendGrid webhook is not configured.', 'webhook_not_configured');
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const outcome = verifySendGridSignature({
          key,
          rawBody: raw,
          signature: header(request.headers[SENDGRID_SIGNATURE_HEADER]),
          timestamp: header(request.headers[SENDGRID_TIMESTAMP_HEADER]),
          nowMs: options.clock().now(),
        });
        if (!outcome.ok) {
          throw new UnauthorizedError(
            outcome.reason === 'stale'
              ? 'The signed timestamp is outside the accepted window.'
              : 'The signature is missing or invalid.',
            outcome.reason === 'stale' ? 'stale_signature' : 'invalid_signature',
          );
        }
        return options.delivery().applyProviderEvents(parseSendGridEvents(parseJson(raw)));
      },
    );

    app.post(
      '/delivery/webhooks/postmark',
      {
        ...publicRoute,
        schema: {
          tags,
          summary: 'Postmark webhook',
          description:
            'Delivery, Open, Bounce and SpamComplaint webhooks, authenticated with the configured basic-auth credentials (constant-time check); each event id is applied once.',
          body: rawBody,
          response: { 200: webhookResultSchema },
        },
      },
      async (request) => {
        const credentials = options.postmark;
        if (!credentials)
          throw new NotFoundError('The Postmark webhook is not configured.', 'webhook_not_configured');
        if (!checkBasicAuth(header(request.headers.authorization), credentials.user, credentials.password)) {
          throw new AppError(401, 'invalid_credentials', 'Unauthorized', 'Invalid webhook credentials.', {
            headers: { 'www-authenticate': 'Basic realm="postmark"' },
          });
        }
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return options.delivery().applyProviderEvents(parsePostmarkEvent(parseJson(raw)));
      },
    );
  };
}
