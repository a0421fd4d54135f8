import { describe, expect, it } from 'vitest';
import { auditIdForEvent } from './audit-entry.js';
import { recordInputOfEvent, targetOfEvent } from './event-entry.js';

describe('targetOfEvent', () => {
  it('takes the entity the event type is about, else the most specific known id, the user last', () => {
    expect(targetOfEvent('user.created', { userId: 'u1', email: 'a@x.io' })).toEqual({
      type: 'user',
      id: 'u1',
    });
    expect(
      targetOfEvent('subscription.created', {
        subscriptionId: 's1',
        userId: 'u1',
      }),
    ).toEqual({
      type: 'subscription',
      id: 's1',
    });
    expect(targetOfEvent('payment.failed', { invoiceId: 'in1', userId: 'u1' })).toEqual({
      type: 'invoice',
      id: 'in1',
    });
    expect(targetOfEvent('license.expired', { licenseId: 'l1', userId: 'u1' })).toEqual({
      type: 'license',
      id: 'l1',
    });
    expect(targetOfEvent('api_token.revoked', { apiTokenId: 't1', userId: 'u1' })).toEqual({
      type: 'api_token',
      id: 't1',
    });
    expect(targetOfEvent('auth.login_failed', { userId: 'u1' })).toEqual({
      type: 'user',
      id: 'u1',
    });
    expect(
      targetOfEvent('auth.session_revoked', {
        sessionId: 'ses1',
        userId: 'u1',
      }),
    ).toEqual({
      type: 'session',
      id: 'ses1',
    });
  });

  it('names no target when the payload has no usable id', () => {
    expect(targetOfEvent('waitlist.joined', { email: 'a@x.io', position: 3 })).toBeUndefined();
    expect(targetOfEvent('user.created', { userId: 42 })).toBeUndefined();
    expect(targetOfEvent('user.created', { userId: '' })).toBeUndefined();
    expect(targetOfEvent('user.created', 'text')).toBeUndefined();
  });
});

describe('recordInputOfEvent', () => {
  const base = {
    id: 'evt_01kg0000000000000000000001',
    version: 1,
    productId: 'acme',
    occurredAt: '2026-01-01T00:00:00.000Z',
    actor: { type: 'admin' as const, id: 'adm_1' },
  };

  it('uses the type as action, keeps the actor and puts the payload in summary.after', () => {
    expect(
      recordInputOfEvent({
        ...base,
        type: 'flag.toggled',
        payload: { flagId: 'f1', enabled: true },
      }),
    ).toMatchObject({
      productId: 'acme',
      action: 'flag.toggled',
      eventId: base.id,
      target: { type: 'flag', id: 'f1' },
      summary: { after: { flagId: 'f1', enabled: true } },
    });
    expect(recordInputOfEvent({ ...base, type: 'x.y', payload: null })).not.toHaveProperty('summary');
    expect(recordInputOfEvent({ ...base, type: 'x.y', payload: [1, 2] }).summary).toEqual({
      after: { value: [1, 2] },
    });
  });

  it('derives the entry id from the event id', () => {
    expect(auditIdForEvent('evt_01kg0000000000000000000001')).toBe('aud_01kg0000000000000000000001');
    expect(() => auditIdForEvent('evt_nope')).toThrow(TypeError);
  });
});
