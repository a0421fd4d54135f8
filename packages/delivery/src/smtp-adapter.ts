/**
 * SMTP through a pooled nodemailer transport: multipart text + HTML, reply-to, extra headers, and
 * a Message-ID derived from the delivery id (so a receiving system can tell a resend). SMTP reply
 * codes decide the outcome: 4xx and connection errors are transient, 550/551/553 reject the
 * recipient, other 5xx are permanent.
 */
import { createTransport } from 'nodemailer';
import type { EmailAdapter, EmailMessage, SendResult } from './channels.js';
import { SendError } from './send-errors.js';

export interface SmtpAdapterOptions {
  /** `smtp://` or `smtps://` URL with credentials, e.g. from `SMTP_URL`. */
  url: string;
  /** Connections kept open (default 5). */
  maxConnections?: number;
  /** Domain of generated Message-IDs (default the sender's domain). */
  messageIdDomain?: string;
  /** Connection / greeting / socket timeouts in ms (default 10 s / 10 s / 30 s). */
  timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number };
  /** Extra transport options for tests (e.g. `{ tls: { rejectUnauthorized: false } }`). */
  tls?: { rejectUnauthorized?: boolean };
}

const RECIPIENT_REJECTED = new Set([550, 551, 553]);

interface SmtpFailure {
  responseCode?: number;
  code?: string;
  message?: string;
  response?: string;
}

function failureOf(error: unknown): SendError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const status = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  const message = `SMTP: ${failure.response ?? failure.message ?? String(error)}`;
  if (status !== undefined) {
    if (status >= 400 && status < 500) return new SendError('transient', message, { status, cause: error });
    if (RECIPIENT_REJECTED.has(status))
      return new SendError('rejected_recipient', message, { status, cause: error });
    return new SendError('permanent', message, { status, cause: error });
  }
  if (failure.code === 'EENVELOPE')
    return new SendError('permanent', message, { reason: failure.code, cause: error });
  return new SendError('transient', message, {
    ...(failure.code ? { reason: failure.code } : {}),
    cause: error,
  });
}

export function createSmtpAdapter(options: SmtpAdapterOptions): EmailAdapter {
  const timeouts = options.timeouts ?? {};
  const transport = createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: Number.POSITIVE_INFINITY,
    connectionTimeout: timeouts.connectionMs ?? 10_000,
    greetingTimeout: timeouts.greetingMs ?? 10_000,
    socketTimeout: timeouts.socketMs ?? 30_000,
    ...(options.tls ? { tls: options.tls } : {}),
  });

  return {
    name: 'smtp',
    async send(message: EmailMessage): Promise<SendResult> {
      const domain = options.messageIdDomain ?? message.from.address.split('@')[1] ?? 'localhost';
      try {
        const info = await transport.sendMail({
          from: message.from.name
            ? { name: message.from.name, address: message.from.address }
            : message.from.address,
          to: message.to,
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: { ...message.headers, 'X-Delivery-Id': message.deliveryId },
          messageId: `<${message.deliveryId}@${domain}>`,
        });
        if (info.rejected.length > 0)
          throw new SendError('rejected_recipient', 'SMTP: the server rejected the recipient.', {
            status: 550,
          });
        return { providerMessageId: info.messageId };
      } catch (error) {
        if (error instanceof SendError) throw error;
        throw failureOf(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}
