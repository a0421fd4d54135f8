import { isAppError } from '@groundwork/errors';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtInEvents } from './built-in-events.js';
import { defineEvent, EventCatalog } from './catalog.js';

function validationIssues(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isAppError(error) && error.status === 400) return error.extensions.errors;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('event catalog', () => {
  const catalog = new EventCatalog(builtInEvents);

  it('holds the 13 roadmap events and the two auth events, each with a version', () => {
    expect(catalog.types()).toEqual(
      [
        'flag.toggled',
        'invitation.redeemed',
        'license.activated',
        'license.expired',
        'payment.failed',
        'payment.succeeded',
        'referral.completed',
        'subscription.canceled',
        'subscription.changed',
        'subscription.created',
        'user.created',
        'user.deleted',
        'user.email_verified',
        'user.password_reset',
        'waitlist.joined',
      ].sort(),
    );
    for (const entry of catalog.describe()) expect(entry.version).toBe(1);
  });

  it('returns the parsed payload of a valid event', () => {
    expect(catalog.validate('user.created', { userId: 'usr_1', email: 'a@b.co', plan: 'free' })).toEqual({
      userId: 'usr_1',
      email: 'a@b.co',
      plan: 'free',
    });
  });

  it('rejects an unknown type with a stable code', () => {
    expect(validationIssues(() => catalog.validate('user.exploded', {}))).toEqual([
      expect.objectContaining({ path: 'type', code: 'unknown_event_type' }),
    ]);
  });

  it('lists every bad field of a payload, including fields the catalog does not know', () => {
    const issues = validationIssues(() =>
      catalog.validate('payment.failed', { invoiceId: '', amount: -1, userId: 'u', secret: 'x' }),
    ) as Array<{ path: string }>;
    const paths = issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['payload.invoiceId', 'payload.amount', 'payload.retryCount', 'payload']),
    );
  });

  it('describes each entry with the JSON Schema of its payload', () => {
    const entry = catalog.describe().find((candidate) => candidate.type === 'waitlist.joined');
    expect(entry?.schema).toMatchObject({
      type: 'object',
      properties: { email: { type: 'string' }, position: { type: 'integer' } },
      required: ['email', 'position'],
      additionalProperties: false,
    });
  });

  it('refuses badly named, badly versioned and duplicate definitions', () => {
    const payload = z.object({});
    expect(() => defineEvent({ type: 'UserCreated', version: 1, description: '', payload })).toThrow(
      /lowercase dotted/,
    );
    expect(() => defineEvent({ type: 'note.shared', version: 0, description: '', payload })).toThrow(
      /version/,
    );
    const extended = new EventCatalog(builtInEvents);
    expect(() => extended.add(builtInEvents[0])).toThrow(/defined twice/);
    extended.add(
      defineEvent({ type: 'note.shared', version: 2, description: 'A note was shared.', payload }),
    );
    expect(extended.get('note.shared')?.version).toBe(2);
  });
});
