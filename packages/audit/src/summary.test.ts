import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY_BYTES, REDACTED, redact, summarize } from './summary.js';

describe('redact', () => {
  it('replaces secret-looking keys at any depth, in objects and arrays', () => {
    const input = {
      email: 'ann@example.com',
      password: 'hunter2',
      newPassword: 'x',
      profile: {
        apiKey: 'k',
        api_key: 'k',
        'x-api-key': 'k',
        name: 'Ann',
        nested: { clientSecret: 's' },
      },
      sessions: [{ refreshToken: 't', device: 'phone' }],
      headers: {
        Authorization: 'Bearer abc',
        Cookie: 'sid=1',
        'user-agent': 'ua',
      },
      credentials: { anything: 1 },
      privateKey: '-----BEGIN',
    };
    expect(redact(input)).toEqual({
      email: 'ann@example.com',
      password: REDACTED,
      newPassword: REDACTED,
      profile: {
        apiKey: REDACTED,
        api_key: REDACTED,
        'x-api-key': REDACTED,
        name: 'Ann',
        nested: { clientSecret: REDACTED },
      },
      sessions: [{ refreshToken: REDACTED, device: 'phone' }],
      headers: {
        Authorization: REDACTED,
        Cookie: REDACTED,
        'user-agent': 'ua',
      },
      credentials: REDACTED,
      privateKey: REDACTED,
    });
    // The input is not modified.
    expect(input.password).toBe('hunter2');
  });

  it('turns any value into plain JSON: dates, bigints, undefined, non-finite numbers, cycles, depth', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 30; i += 1) deep = { child: deep };
    const out = redact({
      at: new Date(Date.UTC(2026, 0, 1)),
      big: 12n,
      missing: undefined,
      fn: () => 1,
      nan: Number.NaN,
      list: [undefined, 1],
      cyclic,
      deep,
      map: new Map([['a', 1]]),
    }) as Record<string, unknown>;
    expect(out).toMatchObject({
      at: '2026-01-01T00:00:00.000Z',
      big: '12',
      nan: null,
      list: [null, 1],
      cyclic: { name: 'loop', self: '[circular]' },
      map: {},
    });
    expect(out).not.toHaveProperty('missing');
    expect(out).not.toHaveProperty('fn');
    expect(JSON.stringify(out.deep)).toContain('[too deep]');
    expect(() => JSON.stringify(out)).not.toThrow();
  });
});

describe('summarize', () => {
  it('keeps small summaries, redacted; drops empty ones', () => {
    expect(
      summarize({
        before: { plan: 'free' },
        after: { plan: 'pro', token: 'x' },
      }),
    ).toEqual({
      before: { plan: 'free' },
      after: { plan: 'pro', token: REDACTED },
    });
    expect(summarize(undefined)).toBeUndefined();
    expect(summarize({})).toBeUndefined();
    expect(summarize({ after: 'text' })).toEqual({ after: { value: 'text' } });
  });

  it('caps the summary: the larger side is replaced by a truncation marker, then the other', () => {
    const big = { blob: 'x'.repeat(MAX_SUMMARY_BYTES) };
    const small = { plan: 'pro' };
    const one = summarize({ before: small, after: big });
    expect(one).toEqual({
      before: small,
      after: { truncated: true, bytes: expect.any(Number) },
    });
    expect(one?.after?.bytes).toBeGreaterThan(MAX_SUMMARY_BYTES);

    const half = { blob: 'y'.repeat(MAX_SUMMARY_BYTES / 2 + 10) };
    const both = summarize({
      before: half,
      after: { ...half, more: 'z'.repeat(100) },
    });
    expect(both?.after).toMatchObject({ truncated: true });
    expect(both?.before).toEqual(half);

    const huge = summarize({ before: big, after: big });
    expect(huge).toEqual({
      before: { truncated: true, bytes: expect.any(Number) },
      after: { truncated: true, bytes: expect.any(Number) },
    });
    for (const summary of [one, both, huge]) {
      expect(Buffer.byteLength(JSON.stringify(summary))).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    }
  });

  it('counts UTF-8 bytes, not characters', () => {
    const multibyte = { text: 'é'.repeat(MAX_SUMMARY_BYTES / 2) }; // 2 bytes each: over the cap
    expect(summarize({ after: multibyte })?.after).toMatchObject({
      truncated: true,
    });
  });
});
