import type { DocumentStore } from '@groundwork/store';
import { createSqliteStore } from '@groundwork/store/sqlite';
import { createTempSqliteStore } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createFlagsTestApp, type FlagsTestApp } from '../test/support.js';

describe('flags on the SQLite store', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(store: DocumentStore): Promise<FlagsTestApp> {
    const app = await createFlagsTestApp({ store });
    cleanups.push(async () => {
      await app.service.stop();
    });
    return app;
  }

  it('keeps flags across a restart and serves every user the same rollout answer', async () => {
    const temp = createTempSqliteStore();
    cleanups.push(() => temp.cleanup());
    const admin = bearer('ann', 'acme', ['admin']);
    const first = await start(temp.store);
    const created = await first.service.app.inject({
      method: 'POST',
      url: '/v1/flags',
      headers: admin,
      payload: {
        key: 'half',
        enabled: true,
        rules: [
          {
            conditions: [{ attribute: 'platform', operator: 'in', values: ['ios', 'android'] }],
            serve: { variant: 'on', percentage: 50 },
          },
        ],
        defaultServe: { variant: 'off' },
      },
    });
    expect(created.statusCode).toBe(201);
    const answers = async (app: FlagsTestApp) => {
      const out: unknown[] = [];
      for (let i = 0; i < 30; i += 1) {
        const response = await app.service.app.inject({
          method: 'POST',
          url: '/v1/flags/evaluate',
          headers: bearer(`user-${i}`, 'acme', ['member']),
          payload: { context: { platform: 'ios' } },
        });
        out.push(response.json().flags.half);
      }
      return out;
    };
    const before = await answers(first);
    expect(new Set(before.map((a) => JSON.stringify(a))).size).toBe(2); // both answers occur
    await first.service.stop();

    const second = await start(createSqliteStore({ path: temp.path }));
    expect(await answers(second)).toEqual(before);
    const read = await second.service.app.inject({ method: 'GET', url: '/v1/flags/half', headers: admin });
    expect(read.json()).toEqual(created.json());
  });
});
