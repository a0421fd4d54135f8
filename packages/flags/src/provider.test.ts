import { OpenFeature } from '@openfeature/server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createFlagsTestApp, type FlagsTestApp } from '../test/support.js';
import { createFlagEvaluator } from './evaluator.js';
import { GroundworkFlagsProvider } from './provider.js';
import { defineFlag } from './validation.js';

const apps: FlagsTestApp[] = [];
afterEach(async () => {
  await OpenFeature.clearProviders();
  await Promise.all(apps.splice(0).map(({ service }) => service.stop()));
});

const flags = [
  defineFlag({
    key: 'new-checkout',
    enabled: true,
    defaultServe: { variant: 'off' },
    rules: [
      { conditions: [{ attribute: 'country', operator: 'eq', value: 'FR' }], serve: { variant: 'on' } },
      {
        conditions: [{ attribute: 'country', operator: 'eq', value: 'DE' }],
        serve: { variant: 'on', percentage: 50 },
      },
    ],
  }),
  defineFlag({
    key: 'banner',
    type: 'string',
    enabled: true,
    variants: [
      { key: 'plain', value: 'Welcome' },
      { key: 'sale', value: 'Sale!' },
    ],
    rules: [
      { conditions: [{ attribute: 'plan', operator: 'eq', value: 'free' }], serve: { variant: 'sale' } },
    ],
  }),
  defineFlag({ key: 'max-uploads', type: 'number', enabled: true, variants: [{ key: 'n', value: 25 }] }),
  defineFlag({
    key: 'limits',
    type: 'json',
    enabled: true,
    variants: [{ key: 'base', value: { uploads: 10, formats: ['mp3'] } }],
  }),
  defineFlag({ key: 'dark', enabled: true, defaultServe: { variant: 'on', percentage: 50 } }),
  defineFlag({ key: 'retired', enabled: false }),
];

describe('OpenFeature provider', () => {
  it('resolves every flag type through an OpenFeature client, with variants and reasons', async () => {
    await OpenFeature.setProviderAndWait(
      new GroundworkFlagsProvider({ evaluator: createFlagEvaluator(flags) }),
    );
    const client = OpenFeature.getClient();
    expect(await client.getBooleanValue('new-checkout', false, { targetingKey: 'u1', country: 'FR' })).toBe(
      true,
    );
    const details = await client.getBooleanDetails('new-checkout', true, {
      targetingKey: 'u1',
      country: 'US',
    });
    expect(details).toMatchObject({
      value: false,
      variant: 'off',
      reason: 'DEFAULT',
      flagKey: 'new-checkout',
    });
    expect(await client.getStringDetails('banner', 'x', { plan: 'free' })).toMatchObject({
      value: 'Sale!',
      variant: 'sale',
      reason: 'TARGETING_MATCH',
      flagMetadata: { type: 'string', ruleIndex: 0 },
    });
    expect(await client.getNumberDetails('max-uploads', 1)).toMatchObject({ value: 25, reason: 'STATIC' });
    expect(await client.getObjectValue('limits', {})).toEqual({ uploads: 10, formats: ['mp3'] });
    expect(await client.getBooleanDetails('retired', true)).toMatchObject({
      value: false,
      reason: 'DISABLED',
    });
  });

  it('splits by targetingKey, deterministically', async () => {
    await OpenFeature.setProviderAndWait(
      new GroundworkFlagsProvider({ evaluator: createFlagEvaluator(flags) }),
    );
    const client = OpenFeature.getClient();
    const direct = createFlagEvaluator(flags);
    let on = 0;
    for (let i = 0; i < 200; i += 1) {
      const details = await client.getBooleanDetails('dark', false, { targetingKey: `user-${i}` });
      expect(details.reason).toBe('SPLIT');
      expect(details.variant).toBe(direct.evaluate('dark', { userId: `user-${i}` }).variant);
      if (details.value) on += 1;
    }
    expect(on).toBeGreaterThan(60);
    expect(on).toBeLessThan(140);
  });

  it('answers the caller’s default with FLAG_NOT_FOUND, TYPE_MISMATCH or TARGETING_KEY_MISSING', async () => {
    await OpenFeature.setProviderAndWait(
      new GroundworkFlagsProvider({ evaluator: createFlagEvaluator(flags) }),
    );
    const client = OpenFeature.getClient();
    expect(await client.getBooleanDetails('nope', true)).toMatchObject({
      value: true,
      errorCode: 'FLAG_NOT_FOUND',
      reason: 'ERROR',
    });
    expect(await client.getStringDetails('new-checkout', 'fallback')).toMatchObject({
      value: 'fallback',
      errorCode: 'TYPE_MISMATCH',
      reason: 'ERROR',
    });
    expect(await client.getObjectDetails('banner', { a: 1 })).toMatchObject({
      value: { a: 1 },
      errorCode: 'TYPE_MISMATCH',
    });
    expect(await client.getBooleanDetails('dark', true)).toMatchObject({
      value: true,
      errorCode: 'TARGETING_KEY_MISSING',
      reason: 'ERROR',
    });
  });

  it('reads a product’s flags from the mounted module and follows admin changes', async () => {
    const app = await createFlagsTestApp({ cacheTtlMs: 1_000 });
    apps.push(app);
    const admin = bearer('ann', 'acme', ['admin']);
    const created = await app.service.app.inject({
      method: 'POST',
      url: '/v1/flags',
      headers: admin,
      payload: { key: 'beta-banner', enabled: true },
    });
    expect(created.statusCode).toBe(201);
    await OpenFeature.setProviderAndWait(
      new GroundworkFlagsProvider({ evaluator: () => app.flags.evaluator('acme') }),
    );
    const client = OpenFeature.getClient();
    expect(await client.getBooleanValue('beta-banner', false, { targetingKey: 'u' })).toBe(true);
    await app.service.app.inject({
      method: 'PATCH',
      url: '/v1/flags/beta-banner',
      headers: admin,
      payload: { enabled: false },
    });
    expect(await client.getBooleanDetails('beta-banner', true, { targetingKey: 'u' })).toMatchObject({
      value: false,
      reason: 'DISABLED',
    });
    // Another product's provider sees none of acme's flags.
    await OpenFeature.setProviderAndWait(
      'globex',
      new GroundworkFlagsProvider({ evaluator: () => app.flags.evaluator('globex') }),
    );
    expect(await OpenFeature.getClient('globex').getBooleanDetails('beta-banner', true)).toMatchObject({
      errorCode: 'FLAG_NOT_FOUND',
    });
  });
});
