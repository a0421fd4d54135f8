import { describe, expect, it } from 'vitest';
import { applyPatch } from './patch-apply.js';
import type { PatchOperation } from './types.js';

function invalidAt(fn: () => unknown, path: string) {
  expect(fn).toThrow(
    expect.objectContaining({ code: 'validation_failed', issues: [expect.objectContaining({ path })] }),
  );
}

describe('applyPatch', () => {
  const base = { id: 'd', pk: 'p', count: 1, meta: { a: 1 }, list: [1], drop: true };

  it('applies set, remove and incr in order without touching the input', () => {
    const input = structuredClone(base);
    const result = applyPatch(input, [
      { op: 'set', path: 'meta.b', value: { c: [1, 2] } },
      { op: 'set', path: 'x.y.z', value: 'new' },
      { op: 'remove', path: 'drop' },
      { op: 'remove', path: 'not.there' },
      { op: 'incr', path: 'count', value: 2.5 },
      { op: 'incr', path: 'fresh', value: -1 },
      { op: 'set', path: 'count', value: 10 },
      { op: 'incr', path: 'count', value: 1 },
    ]);
    expect(result).toEqual({
      id: 'd',
      pk: 'p',
      count: 11,
      fresh: -1,
      meta: { a: 1, b: { c: [1, 2] } },
      list: [1],
      x: { y: { z: 'new' } },
    });
    expect(input).toEqual(base);
  });

  it('stores JSON values (copies, dates as strings)', () => {
    const value = { when: new Date(0), nested: { k: 1 } };
    const result = applyPatch(base, [{ op: 'set', path: 'v', value }]);
    value.nested.k = 2;
    expect(result.v).toEqual({ when: '1970-01-01T00:00:00.000Z', nested: { k: 1 } });
  });

  it('refuses store-managed fields, bad paths and bad operations', () => {
    invalidAt(() => applyPatch(base, [{ op: 'set', path: 'id', value: 'x' }]), 'operations.0.path');
    invalidAt(() => applyPatch(base, [{ op: 'remove', path: 'etag' }]), 'operations.0.path');
    invalidAt(() => applyPatch(base, [{ op: 'set', path: 'updatedAt', value: 'x' }]), 'operations.0.path');
    invalidAt(() => applyPatch(base, [{ op: 'set', path: 'pk.sub', value: 'x' }]), 'operations.0.path');
    invalidAt(() => applyPatch(base, [{ op: 'set', path: 'a/b', value: 1 }]), 'operations.0.path');
    invalidAt(() => applyPatch(base, [{ op: 'set', path: '__proto__..x', value: 1 }]), 'operations.0.path');
    invalidAt(() => applyPatch(base, [{ op: 'set', path: 'a', value: undefined }]), 'operations.0.value');
    invalidAt(
      () => applyPatch(base, [{ op: 'incr', path: 'count', value: Number.NaN }]),
      'operations.0.value',
    );
    invalidAt(
      () => applyPatch(base, [{ op: 'move', path: 'a' } as unknown as PatchOperation]),
      'operations.0.op',
    );
    invalidAt(() => applyPatch(base, []), 'operations');
  });

  it('refuses incr on a non-number and set through a non-object', () => {
    invalidAt(() => applyPatch(base, [{ op: 'incr', path: 'meta', value: 1 }]), 'operations.0.path');
    invalidAt(
      () =>
        applyPatch(base, [
          { op: 'set', path: 'ok', value: 1 },
          { op: 'set', path: 'list.x', value: 1 },
        ]),
      'operations.1.path',
    );
    invalidAt(() => applyPatch(base, [{ op: 'set', path: 'count.x', value: 1 }]), 'operations.0.path');
  });

  it('cannot reach the prototype chain', () => {
    invalidAt(
      () => applyPatch({}, [{ op: 'set', path: '__proto__.polluted', value: true }]),
      'operations.0.path',
    );
    invalidAt(
      () => applyPatch({}, [{ op: 'set', path: 'a.__proto__', value: { x: 1 } }]),
      'operations.0.path',
    );
    const result = applyPatch({}, [{ op: 'set', path: 'constructor.name', value: 'x' }]);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result).toEqual({ constructor: { name: 'x' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
