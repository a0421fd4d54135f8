import { ValidationError } from '@groundwork/errors';
import { createMemoryStore } from '@groundwork/store/memory';
import { describe, expect, it } from 'vitest';
import { type JobDefinitionInput, jobDefinitionSchema, normalizeDefinition } from './job-definitions.js';
import { createQueue } from './queue.js';
import { createScheduler } from './scheduler.js';

const store = createMemoryStore();
const scheduler = createScheduler({ store, queue: createQueue({ store }), instanceId: 'test' });
const base: JobDefinitionInput = {
  name: 'nightly',
  type: 'report',
  productId: 'prod_a',
  schedule: { cron: '0 3 * * *' },
};

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    scheduler.define(input as JobDefinitionInput);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map(({ path, message }) => ({ path, message }));
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('job definitions', () => {
  it('rejects an invalid cron expression with a field issue', () => {
    expect(issuesOf({ ...base, schedule: { cron: '61 * * * *' } })).toEqual([
      { path: 'schedule.cron', message: expect.stringContaining('invalid cron expression') },
    ]);
    expect(issuesOf({ ...base, schedule: { cron: '0 0 1 1 * 2030' } })[0]?.path).toBe('schedule.cron'); // 7 fields
    expect(issuesOf({ ...base, schedule: { cron: 'every day' } })[0]?.path).toBe('schedule.cron');
  });

  it('rejects an unknown time zone with a field issue', () => {
    expect(issuesOf({ ...base, schedule: { cron: '0 3 * * *', timezone: 'Mars/Olympus_Mons' } })).toEqual([
      { path: 'schedule.timezone', message: 'unknown time zone "Mars/Olympus_Mons"' },
    ]);
  });

  it('rejects bad intervals, names, payloads, options and unknown fields, all at once', () => {
    const paths = issuesOf({
      name: 'has space',
      type: 'report',
      productId: 'prod_a',
      schedule: { everyMs: 10 },
      payload: { when: new Date(0) },
      overlap: 'sometimes',
      taskOptions: { concurrencyLimit: 2 },
      extra: true,
    }).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'schedule.everyMs',
        'overlap',
        'payload.when',
        'taskOptions.concurrencyLimit',
      ]),
    );
    expect(paths.some((path) => path === '' || path === 'extra')).toBe(true);
  });

  it('applies the defaults: UTC, enabled, overlap skip, catch-up latest; all keeps a 24 h window', () => {
    const job = normalizeDefinition(jobDefinitionSchema.parse(base));
    expect(job).toMatchObject({
      schedule: { kind: 'cron', cron: '0 3 * * *', timezone: 'UTC' },
      payload: null,
      enabled: true,
      overlap: 'skip',
      catchUp: { policy: 'latest', windowMs: undefined },
      taskOptions: {},
    });
    const all = normalizeDefinition(jobDefinitionSchema.parse({ ...base, catchUp: { policy: 'all' } }));
    expect(all.catchUp).toEqual({ policy: 'all', windowMs: 86_400_000 });
    expect(
      normalizeDefinition(jobDefinitionSchema.parse({ ...base, schedule: { everyMs: 5_000 } })).schedule,
    ).toEqual({
      kind: 'interval',
      everyMs: 5_000,
    });
  });
});
