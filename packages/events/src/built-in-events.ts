/**
 * The platform's own events: the 13 of the roadmap's webhook catalog (§2.3) and the two auth
 * events (`user.password_reset`, `user.email_verified`). Payloads are strict: an emitter that sends
 * an unknown field is told so, instead of leaking it to every subscriber.
 */
import { z } from 'zod';
import { defineEvent } from './catalog.js';

const id = z.string().min(1).max(200);
const email = z.email().max(320);
const plan = z.string().min(1).max(100);
const amount = z.number().int().min(0).describe('In the currency’s minor unit (cents).');

export const builtInEvents = [
  defineEvent({
    type: 'user.created',
    version: 1,
    description: 'A user registered (password or single sign-on).',
    payload: z.strictObject({ userId: id, email, plan }),
  }),
  defineEvent({
    type: 'user.deleted',
    version: 1,
    description: 'An admin deleted a user.',
    payload: z.strictObject({ userId: id }),
  }),
  defineEvent({
    type: 'user.password_reset',
    version: 1,
    description: 'A user reset their password with a reset token.',
    payload: z.strictObject({ userId: id }),
  }),
  defineEvent({
    type: 'user.email_verified',
    version: 1,
    description: 'A user verified their email address.',
    payload: z.strictObject({ userId: id, email }),
  }),
  defineEvent({
    type: 'subscription.created',
    version: 1,
    description: 'A subscription started.',
    payload: z.strictObject({
      subscriptionId: id,
      userId: id,
      plan,
      status: z.string().min(1).max(50),
    }),
  }),
  defineEvent({
    type: 'subscription.changed',
    version: 1,
    description: 'A subscription changed plan or status.',
    payload: z.strictObject({
      subscriptionId: id,
      oldPlan: plan,
      newPlan: plan,
      status: z.string().min(1).max(50),
    }),
  }),
  defineEvent({
    type: 'subscription.canceled',
    version: 1,
    description: 'A subscription was canceled by the user or the payment provider.',
    payload: z.strictObject({
      subscriptionId: id,
      userId: id,
      reason: z.string().max(500),
    }),
  }),
  defineEvent({
    type: 'payment.succeeded',
    version: 1,
    description: 'An invoice was paid.',
    payload: z.strictObject({ invoiceId: id, amount, userId: id }),
  }),
  defineEvent({
    type: 'payment.failed',
    version: 1,
    description: 'An invoice payment failed.',
    payload: z.strictObject({
      invoiceId: id,
      amount,
      userId: id,
      retryCount: z.number().int().min(0),
    }),
  }),
  defineEvent({
    type: 'invitation.redeemed',
    version: 1,
    description: 'An invitation code was redeemed.',
    payload: z.strictObject({ invitationId: id, userId: id }),
  }),
  defineEvent({
    type: 'referral.completed',
    version: 1,
    description: 'A referred user completed the referral.',
    payload: z.strictObject({ referralId: id, referrerId: id, referredId: id }),
  }),
  defineEvent({
    type: 'waitlist.joined',
    version: 1,
    description: 'Someone joined the waitlist.',
    payload: z.strictObject({ email, position: z.number().int().min(1) }),
  }),
  defineEvent({
    type: 'flag.toggled',
    version: 1,
    description: 'A feature flag was turned on or off, or its rollout changed.',
    payload: z.strictObject({
      flagId: id,
      enabled: z.boolean(),
      percentage: z.number().min(0).max(100),
    }),
  }),
  defineEvent({
    type: 'license.activated',
    version: 1,
    description: 'A license was activated on a device.',
    payload: z.strictObject({ licenseId: id, userId: id, deviceId: id }),
  }),
  defineEvent({
    type: 'license.expired',
    version: 1,
    description: 'A license expired.',
    payload: z.strictObject({ licenseId: id, userId: id }),
  }),
] as const;

type BuiltIn = (typeof builtInEvents)[number];

/**
 * Payload type per event type, for typed `emit`. Modules that add events extend it:
 * `declare module '@groundwork/events' { interface EventPayloads { 'note.shared': { noteId: string } } }`
 */
export interface EventPayloads extends BuiltInPayloads {}

export type BuiltInPayloads = {
  [E in BuiltIn as E['type']]: z.input<E['payload']>;
};
