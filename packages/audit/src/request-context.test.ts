import { describe, expect, it } from 'vitest';
import { auditRequestContext } from './request-context.js';

describe('auditRequestContext', () => {
  const request = {
    ip: '203.0.113.5',
    id: 'req-9',
    headers: { 'user-agent': 'curl/8' },
  };

  it('takes product and actor from the principal, and ip, user agent and request id from the request', () => {
    expect(
      auditRequestContext({
        ...request,
        principal: {
          subject: 'usr_1',
          productId: 'acme',
          roles: ['member'],
          scopes: [],
          kind: 'user',
          impersonatedBy: 'adm_1',
        },
      }),
    ).toEqual({
      productId: 'acme',
      actor: { type: 'user', id: 'usr_1', impersonatedBy: 'adm_1' },
      ip: '203.0.113.5',
      userAgent: 'curl/8',
      requestId: 'req-9',
    });
    const token = auditRequestContext({
      ...request,
      headers: {},
      principal: {
        subject: 'tok_1',
        productId: 'acme',
        roles: [],
        scopes: [],
        kind: 'api_token',
      },
    });
    expect(token).toEqual({
      productId: 'acme',
      actor: { type: 'api_token', id: 'tok_1' },
      ip: '203.0.113.5',
      requestId: 'req-9',
    });
  });

  it('refuses an unauthenticated request', () => {
    expect(() => auditRequestContext(request)).toThrow(expect.objectContaining({ status: 401 }));
  });
});
