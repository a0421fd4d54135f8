/**
 * SendGrid v3 mail send (`POST /v3/mail/send`, bearer API key): multipart text + HTML, reply-to,
 * extra headers, the template as category, and `custom_args` carrying the delivery id and product
 * so the signed event webhook can be matched back to the delivery log. 202 = accepted (message id
 * in `X-Message-Id`); 429 / 5xx transient (honouring `Retry-After`); other 4xx permanent.
 */
import type { EmailAdapter, EmailMessage, SendResult } from './channels.js';
import { postToProvider } from './http-call.js';
import { kindOfHttpStatus, parseRetryAfter, SendError } from './send-errors.js';

export interface SendGridAdapterOptions {
  apiKey: string;
  /** Default `https://api.sendgrid.com`. */
  baseUrl?: string;
  timeoutMs?: number;
  now?: () => number;
}

export function sendGridBody(message: EmailMessage): Record<string, unknown> {
  return {
    personalizations: [{ to: [{ email: message.to }] }],
    from: { email: message.from.address, ...(message.from.name ? { name: message.from.name } : {}) },
    ...(message.replyTo ? { reply_to: { email: message.replyTo } } : {}),
    subject: message.subject,
    content: [
      { type: 'text/plain', value: message.text },
      { type: 'text/html', value: message.html },
    ],
    ...(Object.keys(message.headers).length > 0 ? { headers: message.headers } : {}),
    categories: [message.template],
    custom_args: { deliveryId: message.deliveryId, productId: message.productId },
  };
}

export function createSendGridAdapter(options: SendGridAdapterOptions): EmailAdapter {
  const url = `${(options.baseUrl ?? 'https://api.sendgrid.com').replace(/\/+$/, '')}/v3/mail/send`;
  const now = options.now ?? Date.now;
  return {
    name: 'sendgrid',
    async send(message: EmailMessage, signal?: AbortSignal): Promise<SendResult> {
      const result = await postToProvider(url, {
        headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(sendGridBody(message)),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        signal,
      });
      if (result.status >= 200 && result.status < 300) {
        return { providerMessageId: result.headers.get('x-message-id') ?? undefined };
      }
      const retryAfterMs = parseRetryAfter(result.headers.get('retry-after'), now());
      throw new SendError(kindOfHttpStatus(result.status), `SendGrid answered ${result.status}.`, {
        status: result.status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    },
  };
}
