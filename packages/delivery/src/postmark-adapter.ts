/**
 * Postmark email API (`POST /email`, `X-Postmark-Server-Token`): multipart text + HTML, reply-to,
 * headers, tag = template, metadata carrying the delivery id and product for its webhooks. 200 with
 * `ErrorCode` 0 = accepted (`MessageID`). 422 with `ErrorCode` 406 (inactive recipient: bounced or
 * complained before) rejects the recipient; other 4xx are permanent; 429 / 5xx transient.
 */
import type { EmailAdapter, EmailMessage, SendResult } from './channels.js';
import { numberField, postToProvider, stringField } from './http-call.js';
import { kindOfHttpStatus, parseRetryAfter, SendError } from './send-errors.js';

export interface PostmarkAdapterOptions {
  serverToken: string;
  /** Default `https://api.postmarkapp.com`. */
  baseUrl?: string;
  /** Default `outbound`. */
  messageStream?: string;
  timeoutMs?: number;
  now?: () => number;
}

const INACTIVE_RECIPIENT = 406;

export function postmarkBody(message: EmailMessage, messageStream: string): Record<string, unknown> {
  const from = message.from.name
    ? `"${message.from.name.replace(/["\\]/g, '')}" <${message.from.address}>`
    : message.from.address;
  return {
    From: from,
    To: message.to,
    ...(message.replyTo ? { ReplyTo: message.replyTo } : {}),
    Subject: message.subject,
    TextBody: message.text,
    HtmlBody: message.html,
    Headers: Object.entries(message.headers).map(([Name, Value]) => ({ Name, Value })),
    Tag: message.template,
    Metadata: { deliveryId: message.deliveryId, productId: message.productId },
    MessageStream: messageStream,
  };
}

export function createPostmarkAdapter(options: PostmarkAdapterOptions): EmailAdapter {
  const url = `${(options.baseUrl ?? 'https://api.postmarkapp.com').replace(/\/+$/, '')}/email`;
  const now = options.now ?? Date.now;
  const stream = options.messageStream ?? 'outbound';
  return {
    name: 'postmark',
    async send(message: EmailMessage, signal?: AbortSignal): Promise<SendResult> {
      const result = await postToProvider(url, {
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'x-postmark-server-token': options.serverToken,
        },
        body: JSON.stringify(postmarkBody(message, stream)),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        signal,
      });
      const errorCode = numberField(result.body, 'ErrorCode');
      if (result.status === 200 && (errorCode ?? 0) === 0) {
        return { providerMessageId: stringField(result.body, 'MessageID') };
      }
      const detail = stringField(result.body, 'Message') ?? `status ${result.status}`;
      if (errorCode === INACTIVE_RECIPIENT)
        throw new SendError('rejected_recipient', `Postmark: ${detail}`, {
          status: result.status,
          reason: '406',
        });
      const retryAfterMs = parseRetryAfter(result.headers.get('retry-after'), now());
      throw new SendError(kindOfHttpStatus(result.status), `Postmark: ${detail}`, {
        status: result.status,
        ...(errorCode === undefined ? {} : { reason: String(errorCode) }),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    },
  };
}
