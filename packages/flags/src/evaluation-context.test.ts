import type { Principal } from '@groundwork/http';
import { describe, expect, it } from 'vitest';
import { evaluationContextOf } from './evaluation-context.js';

const principal = (kind: Principal['kind'], subject = 'usr_1', roles = ['member']): Principal => ({
  subject,
  productId: 'acme',
  roles,
  scopes: [],
  kind,
});

describe('evaluation context', () => {
  it('takes userId and roles from a user token, whatever the body says', () => {
    const context = evaluationContextOf(principal('user'), {
      userId: 'usr_other',
      roles: ['admin'],
      platform: 'ios',
      attributes: {
        userId: 'usr_sneaky',
        roles: ['admin'],
        targetingKey: 'usr_sneaky',
        plan: 'free',
        team: 'red',
      },
      plan: 'pro',
    });
    expect({ ...context }).toEqual({
      userId: 'usr_1',
      roles: ['member'],
      platform: 'ios',
      plan: 'pro',
      team: 'red',
    });
  });

  it('lets services and API tokens name the user and roles they evaluate for', () => {
    for (const kind of ['service', 'api_token'] as const) {
      const context = evaluationContextOf(principal(kind, 'svc'), {
        userId: 'usr_9',
        roles: ['beta'],
        attributes: { targetingKey: 'x', userId: 'from-attributes' },
      });
      expect({ ...context }).toEqual({ userId: 'usr_9', roles: ['beta'] });
    }
    expect({ ...evaluationContextOf(principal('service', 'svc'), {}) }).toEqual({});
  });
});
