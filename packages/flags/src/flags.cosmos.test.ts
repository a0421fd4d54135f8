/**
 * The flags module on the Cosmos adapter, against a local Cosmos wire-protocol server started for
 * this file: keys unique per product (409 from the store), etag-guarded edits, paging by key,
 * product isolation and evaluation from what is stored.
 */
import { bearer, useCosmosTestStores } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createFlagsTestApp, type FlagsTestApp } from '../test/support.js';

const cosmos = useCosmosTestStores();
const apps: FlagsTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map(({ service }) => service.stop()));
});

describe('flags on the Cosmos store', () => {
  it('creates, pages, guards edits, isolates products and evaluates', async () => {
    const { store, clock } = await cosmos();
    const app = await createFlagsTestApp({ store, clock });
    apps.push(app);
    const admin = bearer('ann', 'acme', ['admin']);
    const inject = (
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      headers: Record<string, string> = admin,
      payload?: object,
    ) => app.service.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

    for (const key of ['c', 'a', 'b']) {
      expect((await inject('POST', '/v1/flags', admin, { key, enabled: true })).statusCode).toBe(201);
    }
    expect((await inject('POST', '/v1/flags', admin, { key: 'a' })).json()).toMatchObject({
      code: 'flag_exists',
    });
    const keys: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const body = (
        await inject('GET', `/v1/flags?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json();
      keys.push(...body.items.map((flag: { key: string }) => flag.key));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(keys).toEqual(['a', 'b', 'c']);

    const read = await inject('GET', '/v1/flags/a');
    const etag = read.headers.etag as string;
    expect(
      (await inject('PATCH', '/v1/flags/a', { ...admin, 'if-match': etag }, { enabled: false })).statusCode,
    ).toBe(200);
    expect(
      (await inject('PATCH', '/v1/flags/a', { ...admin, 'if-match': etag }, { enabled: true })).statusCode,
    ).toBe(412);

    const evaluated = await inject('POST', '/v1/flags/evaluate', bearer('bob', 'acme', ['member']), {});
    expect(evaluated.json().flags).toEqual({
      a: { value: false, variant: 'off', reason: 'DISABLED' },
      b: { value: true, variant: 'on', reason: 'STATIC' },
      c: { value: true, variant: 'on', reason: 'STATIC' },
    });
    const globex = bearer('gus', 'globex', ['admin']);
    expect((await inject('GET', '/v1/flags', globex)).json()).toEqual({ items: [] });
    expect((await inject('DELETE', '/v1/flags/a', globex)).statusCode).toBe(404);
    expect((await inject('DELETE', '/v1/flags/a')).statusCode).toBe(204);
  });
});
