/**
 * Which template an event sends, and with what data. `user.created` → `welcome` and
 * `payment.failed` → `payment-failed` are built-in events; the trial, license, waitlist and
 * invitation mappings apply once the modules that emit those events define them (subscribe to them
 * by name through the module's `subscribeTo` option).
 */
import type { EventEnvelope } from '@groundwork/events';

export interface EventDelivery {
  template: string;
  userId?: string;
  to?: string;
  data: Record<string, unknown>;
}

export interface EventLinks {
  /** The product's app URL (`appUrl` of its branding). */
  appUrl: string;
}

type Mapper = (payload: Record<string, unknown>, links: EventLinks) => EventDelivery | undefined;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function day(value: unknown): string | undefined {
  const text = str(value);
  if (text) return text.slice(0, 10);
  const ms = num(value);
  return ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10);
}

function formatAmount(minor: number, currency: string | undefined): string {
  const code = (currency ?? 'USD').toUpperCase();
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${code}`;
  }
}

export const EVENT_TEMPLATES: Record<string, Mapper> = {
  'user.created': (p) => {
    const userId = str(p.userId);
    const to = str(p.email);
    if (!userId || !to) return undefined;
    return { template: 'welcome', userId, to, data: { plan: str(p.plan) ?? 'free' } };
  },
  'payment.failed': (p, links) => {
    const userId = str(p.userId);
    const amount = num(p.amount);
    const invoiceId = str(p.invoiceId);
    if (!userId || amount === undefined || !invoiceId) return undefined;
    return {
      template: 'payment-failed',
      userId,
      data: {
        amount: formatAmount(amount, str(p.currency)),
        invoiceId,
        retryCount: num(p.retryCount) ?? 0,
        billingUrl: `${links.appUrl}/billing`,
      },
    };
  },
  'trial.expiring': (p, links) => {
    const userId = str(p.userId);
    if (!userId) return undefined;
    return {
      template: 'trial-expiring',
      userId,
      data: {
        daysLeft: num(p.daysLeft) ?? 7,
        trialEndsAt: day(p.trialEndsAt) ?? day(p.endsAt) ?? '',
        upgradeUrl: `${links.appUrl}/upgrade`,
      },
    };
  },
  'trial.expired': (p, links) => {
    const userId = str(p.userId);
    if (!userId) return undefined;
    return { template: 'trial-expired', userId, data: { upgradeUrl: `${links.appUrl}/upgrade` } };
  },
  'license.expiring': (p, links) => {
    const userId = str(p.userId);
    if (!userId) return undefined;
    return {
      template: 'license-expiring',
      userId,
      data: {
        daysLeft: num(p.daysLeft) ?? 7,
        expiresAt: day(p.expiresAt) ?? '',
        renewUrl: `${links.appUrl}/license`,
      },
    };
  },
  'waitlist.accepted': (p, links) => {
    const to = str(p.email);
    if (!to) return undefined;
    return {
      template: 'waitlist-accepted',
      to,
      data: { accessUrl: str(p.accessUrl) ?? `${links.appUrl}/signup`, code: str(p.code) ?? null },
    };
  },
  'invitation.created': (p) => {
    const to = str(p.email);
    const inviteUrl = str(p.inviteUrl);
    if (!to || !inviteUrl) return undefined;
    return {
      template: 'invitation',
      to,
      data: { inviterName: str(p.inviterName) ?? 'A teammate', inviteUrl },
    };
  },
};

/** Built-in events subscribed by default. */
export const DEFAULT_SUBSCRIBED_EVENTS = ['user.created', 'payment.failed'] as const;

export function eventDelivery(event: EventEnvelope, links: EventLinks): EventDelivery | undefined {
  const mapper = EVENT_TEMPLATES[event.type];
  if (!mapper || typeof event.payload !== 'object' || event.payload === null) return undefined;
  return mapper(event.payload as Record<string, unknown>, links);
}
