import { ValidationError } from '@groundwork/errors';
import { describe, expect, it } from 'vitest';
import { bucketOf } from './bucketing.js';
import { createFlagEvaluator } from './evaluator.js';
import type { CreateFlagInput, FlagDefinition } from './schemas.js';
import { defineFlag } from './validation.js';

const flag = (input: CreateFlagInput) => defineFlag(input);

function issuesOf(fn: () => unknown): { path: string; code: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map(({ path, code }) => ({ path, code }));
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('evaluator: reasons', () => {
  it('STATIC for a flag without rules, DISABLED (off variant) when off, FLAG_NOT_FOUND for unknown keys', () => {
    const evaluator = createFlagEvaluator([
      flag({ key: 'on-flag', enabled: true }),
      flag({ key: 'off-flag', enabled: false }),
    ]);
    expect(evaluator.evaluate('on-flag', {})).toMatchObject({ value: true, variant: 'on', reason: 'STATIC' });
    expect(evaluator.evaluate('off-flag', {})).toMatchObject({
      value: false,
      variant: 'off',
      reason: 'DISABLED',
    });
    expect(evaluator.evaluate('nope', {})).toEqual({
      key: 'nope',
      value: undefined,
      reason: 'ERROR',
      errorCode: 'FLAG_NOT_FOUND',
    });
    expect(evaluator.keys().sort()).toEqual(['off-flag', 'on-flag']);
    expect(evaluator.size).toBe(2);
  });

  it('TARGETING_MATCH for the first matching rule, DEFAULT when none matches', () => {
    const evaluator = createFlagEvaluator([
      flag({
        key: 'banner',
        type: 'string',
        enabled: true,
        variants: [
          { key: 'none', value: '' },
          { key: 'ios', value: 'Update on the App Store' },
          { key: 'staff', value: 'Hello, staff' },
        ],
        rules: [
          {
            conditions: [{ attribute: 'roles', operator: 'in', values: ['staff'] }],
            serve: { variant: 'staff' },
          },
          {
            conditions: [
              { attribute: 'platform', operator: 'eq', value: 'ios' },
              { attribute: 'appVersion', operator: 'semver_range', value: '<2.0.0' },
            ],
            serve: { variant: 'ios' },
          },
        ],
      }),
    ]);
    expect(evaluator.evaluate('banner', { platform: 'ios', appVersion: '1.4.0' })).toMatchObject({
      value: 'Update on the App Store',
      variant: 'ios',
      reason: 'TARGETING_MATCH',
      ruleIndex: 1,
      type: 'string',
    });
    expect(
      evaluator.evaluate('banner', { platform: 'ios', appVersion: '1.4.0', roles: ['staff'] }),
    ).toMatchObject({
      variant: 'staff',
      ruleIndex: 0,
    });
    expect(evaluator.evaluate('banner', { platform: 'ios', appVersion: '2.0.0' })).toMatchObject({
      value: '',
      variant: 'none',
      reason: 'DEFAULT',
    });
  });

  it('SPLIT for a rule rollout; contexts outside it go on to the next rule', () => {
    const evaluator = createFlagEvaluator([
      flag({
        key: 'new-checkout',
        enabled: true,
        defaultServe: { variant: 'off' },
        rules: [
          {
            conditions: [{ attribute: 'country', operator: 'eq', value: 'FR' }],
            serve: { variant: 'on', percentage: 50 },
          },
          { conditions: [{ attribute: 'country', operator: 'eq', value: 'FR' }], serve: { variant: 'off' } },
        ],
      }),
    ]);
    let on = 0;
    for (let i = 0; i < 2_000; i += 1) {
      const userId = `user-${i}`;
      const result = evaluator.evaluate('new-checkout', { userId, country: 'FR' });
      const inside = bucketOf('new-checkout', userId) < 5_000;
      expect(result.variant).toBe(inside ? 'on' : 'off');
      expect(result.reason).toBe(inside ? 'SPLIT' : 'TARGETING_MATCH');
      expect(result.ruleIndex).toBe(inside ? 0 : 1);
      if (inside) on += 1;
    }
    expect(on).toBeGreaterThan(800);
    expect(on).toBeLessThan(1_200);
    expect(evaluator.evaluate('new-checkout', { userId: 'x', country: 'DE' })).toMatchObject({
      reason: 'DEFAULT',
      variant: 'off',
    });
    // Without a bucketing value the rollout rule is skipped.
    expect(evaluator.evaluate('new-checkout', { country: 'FR' })).toMatchObject({
      reason: 'TARGETING_MATCH',
      ruleIndex: 1,
    });
  });

  it('SPLIT between weighted variants by the bucketBy attribute, seeded per flag', () => {
    const evaluator = createFlagEvaluator([
      flag({
        key: 'pricing',
        type: 'number',
        enabled: true,
        variants: [
          { key: 'low', value: 9 },
          { key: 'mid', value: 12 },
          { key: 'high', value: 15 },
        ],
        defaultServe: {
          split: [
            { variant: 'low', weight: 25 },
            { variant: 'mid', weight: 25 },
            { variant: 'high', weight: 50 },
          ],
        },
        bucketBy: 'deviceId',
        seed: 'pricing-2026',
      }),
    ]);
    const counts: Record<string, number> = { low: 0, mid: 0, high: 0 };
    for (let i = 0; i < 20_000; i += 1) {
      const deviceId = `dev-${i}`;
      const result = evaluator.evaluate('pricing', { deviceId, userId: 'same-user' });
      expect(result.reason).toBe('SPLIT');
      const bucket = bucketOf('pricing-2026', deviceId);
      expect(evaluator.bucket('pricing', { deviceId })).toBe(bucket);
      expect(result.variant).toBe(bucket < 2_500 ? 'low' : bucket < 5_000 ? 'mid' : 'high');
      counts[result.variant as string] = (counts[result.variant as string] ?? 0) + 1;
    }
    expect(counts.low).toBeGreaterThan(4_600);
    expect(counts.low).toBeLessThan(5_400);
    expect(counts.high).toBeGreaterThan(9_500);
    expect(counts.high).toBeLessThan(10_500);
    // No bucketing value for a default split: the off variant, with TARGETING_KEY_MISSING.
    expect(evaluator.evaluate('pricing', { userId: 'u' })).toMatchObject({
      reason: 'ERROR',
      errorCode: 'TARGETING_KEY_MISSING',
      variant: 'low',
      value: 9,
    });
  });

  it('a default percentage serves the off variant (SPLIT) outside it', () => {
    const evaluator = createFlagEvaluator([
      flag({ key: 'dark-mode', enabled: true, defaultServe: { variant: 'on', percentage: 10 } }),
    ]);
    const results = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const result = evaluator.evaluate('dark-mode', { targetingKey: `t${i}` });
      results.add(`${result.variant}/${result.reason}`);
    }
    expect([...results].sort()).toEqual(['off/SPLIT', 'on/SPLIT']);
    expect(evaluator.evaluate('dark-mode', {})).toMatchObject({
      reason: 'ERROR',
      errorCode: 'TARGETING_KEY_MISSING',
      value: false,
    });
  });

  it('serves JSON variants', () => {
    const evaluator = createFlagEvaluator([
      flag({
        key: 'limits',
        type: 'json',
        enabled: true,
        variants: [
          { key: 'default', value: { uploads: 10 } },
          { key: 'pro', value: { uploads: 1000, formats: ['wav'] } },
        ],
        rules: [
          { conditions: [{ attribute: 'plan', operator: 'eq', value: 'pro' }], serve: { variant: 'pro' } },
        ],
      }),
    ]);
    expect(evaluator.evaluate('limits', { plan: 'pro' }).value).toEqual({ uploads: 1000, formats: ['wav'] });
    expect(evaluator.evaluate('limits', { plan: 'free' }).value).toEqual({ uploads: 10 });
  });

  it('returns shared, frozen results (no allocation per evaluation)', () => {
    const evaluator = createFlagEvaluator([flag({ key: 'a', enabled: true })]);
    const first = evaluator.evaluate('a', { userId: '1' });
    expect(evaluator.evaluate('a', { userId: '2' })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe('evaluator: prerequisites', () => {
  const parent = (enabled: boolean) => flag({ key: 'checkout-v2', enabled });
  const child = flag({
    key: 'one-click-pay',
    enabled: true,
    prerequisites: [{ key: 'checkout-v2', variants: ['on'] }],
  });

  it('serves the flag when its prerequisite serves a listed variant, the off variant (DISABLED) when not', () => {
    expect(createFlagEvaluator([parent(true), child]).evaluate('one-click-pay', {})).toMatchObject({
      variant: 'on',
      reason: 'DEFAULT',
    });
    expect(createFlagEvaluator([parent(false), child]).evaluate('one-click-pay', {})).toMatchObject({
      variant: 'off',
      value: false,
      reason: 'DISABLED',
      prerequisite: 'checkout-v2',
    });
  });

  it('evaluates the prerequisite for the same context (a rollout parent gates the same users)', () => {
    const rolled = flag({
      key: 'checkout-v2',
      enabled: true,
      defaultServe: { variant: 'on', percentage: 30 },
    });
    const evaluator = createFlagEvaluator([rolled, child]);
    for (let i = 0; i < 500; i += 1) {
      const context = { userId: `u${i}` };
      const parentOn = evaluator.evaluate('checkout-v2', context).variant === 'on';
      expect(evaluator.evaluate('one-click-pay', context).variant).toBe(parentOn ? 'on' : 'off');
    }
  });

  it('answers ERROR, never loops, for a missing prerequisite or a cycle that slipped past the save checks', () => {
    const a = flag({ key: 'a', enabled: true, prerequisites: [{ key: 'b', variants: ['on'] }] });
    const b = flag({ key: 'b', enabled: true, prerequisites: [{ key: 'a', variants: ['on'] }] });
    expect(createFlagEvaluator([a, b]).evaluate('a', {})).toMatchObject({
      reason: 'ERROR',
      errorCode: 'GENERAL',
      value: false,
    });
    expect(createFlagEvaluator([a]).evaluate('a', {})).toMatchObject({
      reason: 'ERROR',
      errorCode: 'GENERAL',
    });
  });
});

describe('defineFlag validation', () => {
  it('defaults a boolean flag to on/off variants, off variant "off", serving "on", seeded by its key', () => {
    const defined: FlagDefinition = flag({ key: 'x' });
    expect(defined).toMatchObject({
      type: 'boolean',
      enabled: false,
      variants: [
        { key: 'on', value: true },
        { key: 'off', value: false },
      ],
      offVariant: 'off',
      defaultServe: { variant: 'on' },
      bucketBy: 'userId',
      seed: 'x',
      rules: [],
      prerequisites: [],
    });
  });

  it('lists every cross-field problem with its path', () => {
    const issues = issuesOf(() =>
      flag({
        key: 'bad',
        type: 'number',
        variants: [
          { key: 'a', value: 1 },
          { key: 'a', value: 'two' },
        ],
        offVariant: 'zz',
        rules: [
          {
            conditions: [],
            serve: {
              split: [
                { variant: 'a', weight: 60 },
                { variant: 'q', weight: 30 },
              ],
            },
          },
        ],
        defaultServe: { variant: 'nope' },
        prerequisites: [{ key: 'bad', variants: ['on'] }],
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'flag.variants.1.key', code: 'duplicate_variant' },
        { path: 'flag.variants.1.value', code: 'type_mismatch' },
        { path: 'flag.offVariant', code: 'unknown_variant' },
        { path: 'flag.rules.0.serve.split.1.variant', code: 'unknown_variant' },
        { path: 'flag.rules.0.serve.split', code: 'bad_split' },
        { path: 'flag.defaultServe.variant', code: 'unknown_variant' },
        { path: 'flag.prerequisites.0.key', code: 'prerequisite_cycle' },
      ]),
    );
  });

  it('refuses bad shapes: key, percentage precision, non-JSON values', () => {
    expect(issuesOf(() => flag({ key: 'Bad Key' }))[0]?.path).toBe('flag.key');
    expect(
      issuesOf(() => flag({ key: 'p', defaultServe: { variant: 'on', percentage: 12.345 } }))[0]?.path,
    ).toBe('flag.defaultServe.percentage');
    expect(
      issuesOf(() => flag({ key: 'j', type: 'json', variants: [{ key: 'a', value: { f: () => 1 } }] })),
    ).toEqual([{ path: 'flag.variants.0.value', code: 'type_mismatch' }]);
    expect(issuesOf(() => flag({ key: 's', type: 'string', variants: [] }))[0]?.path).toBe('flag.variants');
  });
});
