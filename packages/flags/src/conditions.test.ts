import { describe, expect, it } from 'vitest';
import { compileCondition, compileConditions, parseVersion } from './conditions.js';
import { MAX_REGEX_SUBJECT_LENGTH, unsafeRegexReason } from './safe-regex.js';
import { type Condition, conditionSchema } from './schemas.js';

function matcher(input: unknown) {
  return compileCondition(conditionSchema.parse(input) as Condition);
}

describe('targeting operators', () => {
  it('eq / neq compare without type conversion; lists match on any element', () => {
    const eq = matcher({ attribute: 'plan', operator: 'eq', value: 'pro' });
    expect(eq({ plan: 'pro' })).toBe(true);
    expect(eq({ plan: 'free' })).toBe(false);
    expect(eq({})).toBe(false);
    expect(eq({ plan: ['free', 'pro'] })).toBe(true);
    const number = matcher({ attribute: 'seats', operator: 'eq', value: 3 });
    expect(number({ seats: 3 })).toBe(true);
    expect(number({ seats: '3' })).toBe(false);
    const neq = matcher({ attribute: 'plan', operator: 'neq', value: 'pro' });
    expect(neq({ plan: 'free' })).toBe(true);
    expect(neq({ plan: 'pro' })).toBe(false);
    expect(neq({})).toBe(false); // a missing attribute matches nothing
    expect(neq({ plan: ['free', 'pro'] })).toBe(false);
    expect(neq({ plan: ['free'] })).toBe(true);
    const bool = matcher({ attribute: 'beta', operator: 'eq', value: true });
    expect(bool({ beta: true })).toBe(true);
    expect(bool({ beta: 'true' })).toBe(false);
  });

  it('in / not_in, for user ids, platforms and roles', () => {
    const users = matcher({ attribute: 'userId', operator: 'in', values: ['usr_1', 'usr_2'] });
    expect(users({ userId: 'usr_2' })).toBe(true);
    expect(users({ targetingKey: 'usr_1' })).toBe(true); // userId falls back to targetingKey
    expect(users({ userId: 'usr_3', targetingKey: 'usr_1' })).toBe(false);
    expect(users({})).toBe(false);
    const roles = matcher({ attribute: 'roles', operator: 'in', values: ['admin', 'beta'] });
    expect(roles({ roles: ['member', 'beta'] })).toBe(true);
    expect(roles({ roles: ['member'] })).toBe(false);
    expect(roles({ roles: [] })).toBe(false);
    const notPlatform = matcher({ attribute: 'platform', operator: 'not_in', values: ['ios', 'android'] });
    expect(notPlatform({ platform: 'web' })).toBe(true);
    expect(notPlatform({ platform: 'ios' })).toBe(false);
    expect(notPlatform({})).toBe(false);
    const numbers = matcher({ attribute: 'tier', operator: 'in', values: [1, 2] });
    expect(numbers({ tier: 2 })).toBe(true);
    expect(numbers({ tier: '2' })).toBe(false);
  });

  it('contains, starts_with and ends_with on strings; contains on a list means "has the element"', () => {
    const contains = matcher({ attribute: 'email', operator: 'contains', value: '@acme.' });
    expect(contains({ email: 'ann@acme.com' })).toBe(true);
    expect(contains({ email: 'ann@globex.com' })).toBe(false);
    expect(contains({ email: 42 })).toBe(false);
    const tags = matcher({ attribute: 'tags', operator: 'contains', value: 'vip' });
    expect(tags({ tags: ['new', 'vip'] })).toBe(true);
    expect(tags({ tags: ['vipish'] })).toBe(false);
    const starts = matcher({ attribute: 'locale', operator: 'starts_with', value: 'fr' });
    expect(starts({ locale: 'fr-CA' })).toBe(true);
    expect(starts({ locale: 'en-FR' })).toBe(false);
    const ends = matcher({ attribute: 'email', operator: 'ends_with', value: '@acme.com' });
    expect(ends({ email: 'bob@acme.com' })).toBe(true);
    expect(ends({ email: 'bob@acme.com.evil' })).toBe(false);
  });

  it('gt / gte / lt / lte compare numbers with numbers and strings with strings', () => {
    const gt = matcher({ attribute: 'age', operator: 'gt', value: 18 });
    expect(gt({ age: 19 })).toBe(true);
    expect(gt({ age: 18 })).toBe(false);
    expect(gt({ age: '19' })).toBe(false);
    expect(matcher({ attribute: 'age', operator: 'gte', value: 18 })({ age: 18 })).toBe(true);
    expect(matcher({ attribute: 'age', operator: 'lt', value: 18 })({ age: 17.5 })).toBe(true);
    expect(matcher({ attribute: 'age', operator: 'lte', value: 18 })({ age: 18.1 })).toBe(false);
    const signedUp = matcher({ attribute: 'signedUpAt', operator: 'lt', value: '2026-01-01' });
    expect(signedUp({ signedUpAt: '2025-12-31T10:00:00Z' })).toBe(true);
    expect(signedUp({ signedUpAt: '2026-02-01' })).toBe(false);
    expect(signedUp({ signedUpAt: 20251231 })).toBe(false);
  });

  it('semver comparisons and ranges (pre-releases included in ranges), leading v allowed', () => {
    const range = matcher({ attribute: 'appVersion', operator: 'semver_range', value: '>=2.4.0 <3.0.0' });
    expect(range({ appVersion: '2.4.0' })).toBe(true);
    expect(range({ appVersion: 'v2.10.1' })).toBe(true);
    expect(range({ appVersion: '2.3.9' })).toBe(false);
    expect(range({ appVersion: '3.0.0' })).toBe(false);
    expect(range({ appVersion: '2.5.0-beta.1' })).toBe(true);
    expect(range({ appVersion: 'not a version' })).toBe(false);
    expect(range({ appVersion: 240 })).toBe(false);
    expect(
      matcher({ attribute: 'appVersion', operator: 'semver_gte', value: '2.10.0' })({ appVersion: '2.9.9' }),
    ).toBe(false);
    expect(
      matcher({ attribute: 'appVersion', operator: 'semver_gt', value: '2.9.0' })({ appVersion: '2.10.0' }),
    ).toBe(true);
    expect(
      matcher({ attribute: 'appVersion', operator: 'semver_lt', value: '2.0.0' })({
        appVersion: '2.0.0-rc.1',
      }),
    ).toBe(true);
    expect(
      matcher({ attribute: 'appVersion', operator: 'semver_lte', value: '2.0.0' })({ appVersion: '2.0.0' }),
    ).toBe(true);
    expect(
      matcher({ attribute: 'appVersion', operator: 'semver_eq', value: '2.0.0' })({ appVersion: 'v2.0.0' }),
    ).toBe(true);
    expect(parseVersion('1.2')).toBeNull();
  });

  it('regex within safe limits', () => {
    const regex = matcher({
      attribute: 'email',
      operator: 'regex',
      value: '^[a-z.]+@(?:acme|globex)\\.com$',
    });
    expect(regex({ email: 'ann.lee@acme.com' })).toBe(true);
    expect(regex({ email: 'ann@initech.com' })).toBe(false);
    expect(regex({ email: `${'a'.repeat(MAX_REGEX_SUBJECT_LENGTH)}@acme.com` })).toBe(false); // too long: no match
    const insensitive = matcher({ attribute: 'name', operator: 'regex', value: '^zoë', ignoreCase: true });
    expect(insensitive({ name: 'ZOË Smith' })).toBe(true);
  });

  it('exists / not_exists', () => {
    const exists = matcher({ attribute: 'plan', operator: 'exists' });
    const missing = matcher({ attribute: 'plan', operator: 'not_exists' });
    expect(exists({ plan: 'free' })).toBe(true);
    expect(exists({ plan: null })).toBe(false);
    expect(missing({})).toBe(true);
    expect(missing({ plan: '' })).toBe(false);
  });

  it('ANDs the conditions of a rule; no conditions match everyone', () => {
    const rule = compileConditions([
      conditionSchema.parse({ attribute: 'platform', operator: 'eq', value: 'ios' }) as Condition,
      conditionSchema.parse({ attribute: 'appVersion', operator: 'semver_gte', value: '2.0.0' }) as Condition,
    ]);
    expect(rule({ platform: 'ios', appVersion: '2.1.0' })).toBe(true);
    expect(rule({ platform: 'ios', appVersion: '1.9.0' })).toBe(false);
    expect(rule({ platform: 'web', appVersion: '2.1.0' })).toBe(false);
    expect(compileConditions([])({})).toBe(true);
  });
});

describe('condition validation', () => {
  it('refuses unknown operators, missing values and malformed semver', () => {
    expect(conditionSchema.safeParse({ attribute: 'plan', operator: 'like', value: 'x' }).success).toBe(
      false,
    );
    expect(conditionSchema.safeParse({ attribute: 'plan', operator: 'in', values: [] }).success).toBe(false);
    expect(conditionSchema.safeParse({ attribute: 'plan', operator: 'eq' }).success).toBe(false);
    expect(conditionSchema.safeParse({ attribute: '1bad', operator: 'exists' }).success).toBe(false);
    expect(conditionSchema.safeParse({ attribute: 'v', operator: 'semver_gt', value: '1.2' }).success).toBe(
      false,
    );
    expect(
      conditionSchema.safeParse({ attribute: 'v', operator: 'semver_range', value: '>>1' }).success,
    ).toBe(false);
    expect(conditionSchema.safeParse({ attribute: 'v', operator: 'eq', value: 'x', extra: 1 }).success).toBe(
      false,
    );
  });

  it('refuses regexes that can backtrack catastrophically, are invalid or too long', () => {
    for (const pattern of [
      '(a+)+$',
      '(a*)*',
      '(a|aa)+',
      '(?:x|y)*z',
      '(\\w+\\s?)+$',
      '(a)\\1',
      '(?<n>a)\\k<n>',
      'a(?=b)',
      '(?<!a)b',
      '(a{1,5}){2}',
      '[',
      'a'.repeat(201),
      // Polynomial backtracking: 0.5 s to minutes on a 1024-character subject (measured).
      'a*a*b',
      '.*beta.*',
      '\\d*\\d*\\d*x',
      'a?a?a?a?a?a?a?a?a?a?a?a*b',
      'a{0,100}a{0,100}b',
      'a+?b*',
    ]) {
      expect(unsafeRegexReason(pattern), pattern).toBeDefined();
      expect(
        conditionSchema.safeParse({ attribute: 'x', operator: 'regex', value: pattern }).success,
        pattern,
      ).toBe(false);
    }
    for (const pattern of [
      '^[a-z]+@example\\.com$',
      '(?:ab)+',
      '^(foo|bar)$',
      '\\d{3}-\\d{4}',
      '[(*+]+',
      '(?<year>\\d{4})-\\d{2}',
      'a+?b',
      '^[a-z.]+@(?:acme|globex)\\.com$',
      'x{2,}',
    ]) {
      expect(unsafeRegexReason(pattern), pattern).toBeUndefined();
    }
  });
});
