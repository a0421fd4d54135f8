/**
 * The delivery module's containers (seed §4 for `delivery_log` and `email_templates`) and the
 * documents they hold.
 */
import { createHash } from 'node:crypto';
import type { ContainerSpec } from '@groundwork/store';
import type { Channel, PushPlatform } from './channels.js';
import { DELIVERY_KEYS_CONTAINER } from './sealing.js';
import type { Category } from './template-catalog.js';

const DAY = 86_400;
export const DEFAULT_LOG_RETENTION_DAYS = 90;

export function deliveryLogContainer(retentionDays = DEFAULT_LOG_RETENTION_DAYS): ContainerSpec {
  return {
    name: 'delivery_log',
    partitionKey: '/productId:channel:yyyyMM',
    defaultTtl: retentionDays * DAY,
    description: `One entry per send (channel, template, masked recipient, status, provider id, attempts); kept ${retentionDays} days.`,
  };
}

export const EMAIL_TEMPLATES_CONTAINER: ContainerSpec = {
  name: 'email_templates',
  partitionKey: '/productId',
  description: 'Per-product overrides of the shipped email templates (subject, HTML, text).',
};

export const DEVICES_CONTAINER: ContainerSpec = {
  name: 'notification_devices',
  partitionKey: '/productId:userId',
  description: 'Push devices per user: platform, token, app version, last seen, active flag.',
};

export const DEVICE_OWNERS_CONTAINER: ContainerSpec = {
  name: 'notification_device_owners',
  partitionKey: '/productId',
  description: 'Which user a push token (device id) is registered to, so a token that changes hands moves.',
};

/** The partition of a user's devices: one point query lists them. */
export function devicePartition(productId: string, userId: string): string {
  return `${productId}:${userId}`;
}

export const PREFERENCES_CONTAINER: ContainerSpec = {
  name: 'notification_prefs',
  partitionKey: '/productId',
  description: 'Notification preferences per user: channels per category, quiet hours and time zone.',
};

export const SUPPRESSIONS_CONTAINER: ContainerSpec = {
  name: 'delivery_suppressions',
  partitionKey: '/productId',
  description: 'Email addresses not to send to (hard bounce, spam complaint, manual).',
};

export const OUTBOX_CONTAINER: ContainerSpec = {
  name: 'delivery_outbox',
  partitionKey: '/productId',
  defaultTtl: DAY,
  description: 'Dev outbox of the console email adapter (sealed messages), kept one day.',
};

export const PROVIDER_EVENTS_CONTAINER: ContainerSpec = {
  name: 'delivery_provider_events',
  partitionKey: '/provider',
  defaultTtl: 7 * DAY,
  description: 'Ids of provider webhook events already applied (dedupe), kept seven days.',
};

export const DELIVERY_STATUSES = [
  'queued',
  'sent',
  'failed',
  'bounced',
  'delivered',
  'opened',
  'suppressed',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryLogDocument {
  id: string;
  pk: string;
  productId: string;
  channel: Channel;
  template: string;
  category: Category;
  critical: boolean;
  userId: string | null;
  /** Masked: enough to recognise, not to contact. */
  recipient: string;
  deviceId: string | null;
  platform: PushPlatform | null;
  status: DeliveryStatus;
  provider: string | null;
  providerMessageId: string | null;
  attempts: number;
  error: string | null;
  /** The request's idempotency key (the task's is derived from it). */
  idempotencyKey: string;
  /** Day of creation, `YYYY-MM-DD` (UTC), for stats. */
  day: string;
  createdAt: number;
  /** When the task may first run (later than createdAt inside quiet hours). */
  scheduledFor: number;
  sentAt: number | null;
  deliveredAt: number | null;
  openedAt: number | null;
  bouncedAt: number | null;
  failedAt: number | null;
  /** The recipient and template data, sealed (see sealing.ts); removed once the send is settled. */
  sealed?: string;
}

export interface TemplateOverrideDocument {
  id: string;
  pk: string;
  productId: string;
  template: string;
  subject: string;
  html: string;
  text: string;
  updatedBy: string;
  updatedAtMs: number;
}

export interface DeviceDocument {
  id: string;
  pk: string;
  productId: string;
  userId: string;
  platform: PushPlatform;
  token: string;
  appVersion: string | null;
  locale: string | null;
  createdAt: number;
  lastSeenAt: number;
  active: boolean;
  deactivatedAt: number | null;
  deactivationReason: string | null;
}

export interface QuietHours {
  /** `HH:MM`, local time. */
  start: string;
  end: string;
}

export interface PreferencesDocument {
  id: string;
  pk: string;
  productId: string;
  userId: string;
  /** IANA time zone for quiet hours. */
  timezone: string;
  quietHours: QuietHours | null;
  /** Per category, per channel: false turns it off; missing means on. */
  categories: Partial<Record<Category, Partial<Record<Channel, boolean>>>>;
  updatedAtMs: number;
}

export const SUPPRESSION_REASONS = ['hard_bounce', 'spam_complaint', 'manual', 'provider_rejected'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export interface SuppressionDocument {
  id: string;
  pk: string;
  productId: string;
  /** Normalized address: the list exists so admins can see and lift it. */
  email: string;
  reason: SuppressionReason;
  source: string;
  createdAt: number;
}

export interface OutboxDocument {
  id: string;
  pk: string;
  productId: string;
  template: string;
  createdAt: number;
  /** The rendered message (to, from, subject, text, html, headers), sealed. */
  sealed: string;
}

/** `productId:channel:yyyyMM` of a log entry created at `atMs`. */
export function logPartition(productId: string, channel: Channel, atMs: number): string {
  const date = new Date(atMs);
  const month = `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  return `${productId}:${channel}:${month}`;
}

export function dayOf(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, 10);
}

function digest(value: string, length: number): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/** A device's id: derived from platform and token, so registering a token again updates it. */
export function deviceIdFor(platform: PushPlatform, token: string): string {
  return `dev_${digest(`${platform}:${token}`, 32)}`;
}

export function suppressionIdFor(normalizedEmail: string): string {
  return `sup_${digest(normalizedEmail, 32)}`;
}

/** Every container the delivery service uses (what `createDelivery` needs ensured), including the key store. */
export function deliveryContainers(retentionDays = DEFAULT_LOG_RETENTION_DAYS): ContainerSpec[] {
  return [
    deliveryLogContainer(retentionDays),
    EMAIL_TEMPLATES_CONTAINER,
    DEVICES_CONTAINER,
    DEVICE_OWNERS_CONTAINER,
    PREFERENCES_CONTAINER,
    SUPPRESSIONS_CONTAINER,
    OUTBOX_CONTAINER,
    PROVIDER_EVENTS_CONTAINER,
    DELIVERY_KEYS_CONTAINER,
  ];
}
