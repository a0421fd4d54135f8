import { describe, expect, it } from 'vitest';
import { idempotentTaskId, newTaskId } from './task-id.js';

describe('task ids', () => {
  it('are unique and time-sortable across many refills of the random pool', () => {
    const now = Date.UTC(2026, 10, 26);
    const ids = Array.from({ length: 5_000 }, (_, i) => newTaskId(now + Math.floor(i / 100)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^task_[0-9a-f]{28}$/);
    const prefixes = ids.map((id) => id.slice(0, 17));
    expect([...prefixes].sort()).toEqual(prefixes);
  });

  it('derive the same id from the same type, product and idempotency key', () => {
    expect(idempotentTaskId('email.send', 'prod_a', 'k1')).toBe(
      idempotentTaskId('email.send', 'prod_a', 'k1'),
    );
    expect(idempotentTaskId('email.send', 'prod_a', 'k1')).not.toBe(
      idempotentTaskId('email.send', 'prod_b', 'k1'),
    );
  });
});
