import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadProductIdentity } from './product-identity.js';

describe('loadProductIdentity', () => {
  it('defaults to the Groundwork product', () => {
    expect(loadProductIdentity({})).toEqual({ id: 'default', name: 'Groundwork' });
  });

  it('reads id, name and url', () => {
    expect(
      loadProductIdentity({ PRODUCT_ID: 'acme', PRODUCT_NAME: 'Acme', PRODUCT_URL: 'https://acme.test' }),
    ).toEqual({ id: 'acme', name: 'Acme', url: 'https://acme.test' });
  });

  it('rejects ids that are not slugs and bad urls, together', () => {
    let caught: unknown;
    try {
      loadProductIdentity({ PRODUCT_ID: 'Acme Corp', PRODUCT_URL: 'acme' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).issues.map((issue) => issue.variable)).toEqual([
      'PRODUCT_ID',
      'PRODUCT_URL',
    ]);
    expect((caught as ConfigError).message).toContain(
      'PRODUCT_ID: expected a slug (lowercase letters, digits and single dashes), got "Acme Corp"',
    );
  });
});
