/**
 * The `console` adapters: the embedded default. Email is handed to an outbox writer (the module
 * keeps it, encrypted, in the dev outbox admins read through the API) and logged without its body
 * (recovery links carry tokens); SMS is only logged, masked.
 */
import type { EmailAdapter, EmailMessage, SmsAdapter } from './channels.js';
import { maskRecipient } from './mask.js';

export interface ConsoleLog {
  info(bindings: Record<string, unknown>, message: string): void;
}

export function createConsoleEmailAdapter(options: {
  outbox: (message: EmailMessage) => Promise<void>;
  logger?: ConsoleLog;
}): EmailAdapter {
  return {
    name: 'console',
    async send(message) {
      await options.outbox(message);
      options.logger?.info(
        {
          deliveryId: message.deliveryId,
          productId: message.productId,
          template: message.template,
          to: maskRecipient(message.to),
        },
        `console email: "${message.subject}" kept in the dev outbox`,
      );
      return { providerMessageId: `console:${message.deliveryId}` };
    },
  };
}

export function createConsoleSmsAdapter(options: { logger?: ConsoleLog } = {}): SmsAdapter {
  return {
    name: 'console',
    async send(message) {
      options.logger?.info(
        { deliveryId: message.deliveryId, productId: message.productId, to: maskRecipient(message.to) },
        'console sms: not sent (no SMS provider yet)',
      );
      return { providerMessageId: `console:${message.deliveryId}` };
    },
  };
}
