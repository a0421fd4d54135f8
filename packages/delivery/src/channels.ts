/**
 * The channel adapters' one interface per channel. An adapter turns a rendered message into one
 * provider call and reports the outcome: the provider's message id, or a `SendError` saying
 * whether to retry. Adapters hold no state about deliveries: the dispatcher does.
 */

export const CHANNELS = ['email', 'push', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface EmailAddress {
  address: string;
  name?: string | undefined;
}

export interface EmailMessage {
  /** The delivery id: also the Message-ID local part and the provider metadata (`deliveryId`). */
  deliveryId: string;
  productId: string;
  from: EmailAddress;
  to: string;
  replyTo?: string | undefined;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. `List-Unsubscribe` for non-transactional mail. */
  headers: Record<string, string>;
  /** The template, sent to providers as a tag / category. */
  template: string;
}

export interface SendResult {
  /** The provider's id for the accepted message (used to match its events later). */
  providerMessageId?: string | undefined;
}

export interface EmailAdapter {
  /** `smtp`, `sendgrid`, `postmark`, `console`, or a failover pair's names. */
  readonly name: string;
  /** Resolves once the provider accepted the message; throws a `SendError` otherwise. */
  send(message: EmailMessage, signal?: AbortSignal): Promise<SendResult>;
  close?(): Promise<void>;
}

export const PUSH_PLATFORMS = ['ios', 'android', 'web'] as const;
export type PushPlatform = (typeof PUSH_PLATFORMS)[number];

export interface PushMessage {
  deliveryId: string;
  productId: string;
  platform: PushPlatform;
  token: string;
  title: string;
  body: string;
  /** Custom key/values for the app (strings only, as FCM requires). */
  data: Record<string, string>;
  /** `alert` shows a notification; `background` only wakes the app (no title/body shown). */
  pushType: 'alert' | 'background';
  priority: 'high' | 'normal';
  /** When the provider should stop trying to deliver, ms since the epoch. */
  expiresAt?: number | undefined;
  /** Later messages with the same id replace earlier ones on the device. */
  collapseId?: string | undefined;
  badge?: number | undefined;
  sound?: string | undefined;
}

export interface PushAdapter {
  readonly name: string;
  /** The platforms this adapter serves (APNs: ios; FCM: android, web). */
  readonly platforms: readonly PushPlatform[];
  send(message: PushMessage, signal?: AbortSignal): Promise<SendResult>;
  close?(): Promise<void>;
}

export interface SmsMessage {
  deliveryId: string;
  productId: string;
  to: string;
  text: string;
}

/** SMS is an interface and a console adapter only for now (seed: future). */
export interface SmsAdapter {
  readonly name: string;
  send(message: SmsMessage, signal?: AbortSignal): Promise<SendResult>;
  close?(): Promise<void>;
}
