import { PROBLEM_CONTENT_TYPE } from '@groundwork/errors';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, createTempSqliteStore, interceptStore } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditTestApp, bearer, createAuditTestApp } from '../test/module-support.js';
import type { AuditEntry, AuditRecordInput } from './audit-entry.js';
import { CSV_COLUMNS } from './export-format.js';

const apps: AuditTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map(({ service }) => service.stop()));
});

const acmeAdmin = bearer('ann', 'acme', ['admin']);
const acmeMember = bearer('bob', 'acme', ['member']);
const globexAdmin = bearer('gus', 'globex', ['admin']);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function setup(options: Parameters<typeof createAuditTestApp>[0] = {}) {
  const app = await createAuditTestApp(options);
  apps.push(app);
  const inject = (method: Method, url: string, headers: Record<string, string> = acmeAdmin) =>
    app.service.app.inject({
      method,
      url,
      headers: { ...headers, 'user-agent': 'audit-test/1.0' },
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
    });
  return { ...app, inject };
}

function input(productId: string, i: number, overrides: Partial<AuditRecordInput> = {}): AuditRecordInput {
  return {
    productId,
    actor: i % 2 === 0 ? { type: 'admin', id: 'ann' } : { type: 'user', id: `usr_${i % 3}` },
    action: i % 3 === 0 ? 'user.created' : 'jobs.pause',
    target: { type: 'user', id: `usr_${i}` },
    summary: { after: { n: i } },
    ...overrides,
  };
}

/** Records `count` entries for `productId`, one clock second apart. */
async function seed(app: AuditTestApp, productId: string, count: number): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    entries.push(await app.audit.record(input(productId, i)));
    app.clock.advance(1_000);
  }
  return entries;
}

const ROUTES: [Method, string][] = [
  ['GET', '/v1/audit'],
  ['GET', '/v1/audit/export'],
];

describe('audit API: access', () => {
  it('answers 401 without a principal and 403 without the admin role, on every route', async () => {
    const { inject } = await setup();
    for (const [method, url] of ROUTES) {
      const anonymous = await inject(method, url, {});
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(anonymous.json()).toMatchObject({ code: 'unauthorized' });
      const member = await inject(method, url, acmeMember);
      expect(member.statusCode, url).toBe(403);
      expect(member.json()).toMatchObject({ code: 'forbidden' });
    }
  });

  it('is append-only: no method writes, changes or deletes an entry', async () => {
    const { inject, audit } = await setup();
    const entry = await audit.record(input('acme', 0));
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/v1/audit', `/v1/audit/${entry.id}`, '/v1/audit/export']) {
        const response = await inject(method, url);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(response.json()).toMatchObject({ code: 'route_not_found' });
      }
    }
    const listed = (await inject('GET', '/v1/audit')).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: entry.id, summary: entry.summary })]);
  });

  it('documents both routes in OpenAPI under the audit tag, with their filters', async () => {
    const { service } = await setup();
    const document = (await service.app.inject({ method: 'GET', url: '/documentation/json' })).json();
    for (const path of ['/v1/audit', '/v1/audit/export']) {
      const operation = document.paths[path]?.get;
      expect(operation, path).toBeDefined();
      expect(operation.tags).toEqual(['audit']);
      expect(operation.security).toEqual([{ bearerAuth: [] }]);
      expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['actorId', 'actorType', 'action', 'targetType', 'targetId', 'from', 'to']),
      );
      for (const verb of ['post', 'put', 'patch', 'delete'])
        expect(document.paths[path][verb]).toBeUndefined();
    }
    expect(Object.keys(document.paths['/v1/audit/export'].get.responses['200'].content)).toEqual([
      'text/csv',
      'application/x-ndjson',
    ]);
  });
});

describe('audit API: search', () => {
  it('lists the product’s entries newest first, paged, without internal fields', async () => {
    const app = await setup();
    const entries = await seed(app, 'acme', 25);
    const first = await app.inject('GET', '/v1/audit?limit=10');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(10);
    const { atMs: _atMs, ...view } = entries[24] as AuditEntry;
    expect(page1.items[0]).toEqual(view);
    expect(Object.keys(page1.items[0])).not.toEqual(expect.arrayContaining(['pk']));
    expect(page1.items[0]).not.toHaveProperty('etag');

    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const url = `/v1/audit?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await app.inject('GET', url)).json();
      ids.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(ids).toEqual(entries.map((entry) => entry.id).reverse());
    expect((await app.inject('GET', '/v1/audit')).json().items).toHaveLength(25);
  });

  it('filters by actor, action, target and time range', async () => {
    const app = await setup();
    const entries = await seed(app, 'acme', 12);
    const ids = async (query: string) =>
      (await app.inject('GET', `/v1/audit?${query}`)).json().items.map((item: { id: string }) => item.id);
    const expected = (match: (entry: AuditEntry) => boolean) =>
      entries
        .filter(match)
        .map((entry) => entry.id)
        .reverse();

    expect(await ids('actorId=ann')).toEqual(expected((e) => e.actor.id === 'ann'));
    expect(await ids('actorType=user')).toEqual(expected((e) => e.actor.type === 'user'));
    expect(await ids('action=user.created')).toEqual(expected((e) => e.action === 'user.created'));
    expect(await ids('action=jobs.*&actorId=ann')).toEqual(
      expected((e) => e.action === 'jobs.pause' && e.actor.id === 'ann'),
    );
    expect(await ids('targetType=user&targetId=usr_5')).toEqual(expected((e) => e.target?.id === 'usr_5'));
    const from = entries[3]?.at as string;
    const to = entries[7]?.at as string;
    expect(await ids(`from=${from}&to=${to}`)).toEqual(expected((e) => e.at >= from && e.at < to));
    expect(await ids(`from=${encodeURIComponent(from.replace('Z', '+00:00'))}`)).toEqual(
      expected((e) => e.at >= from),
    );
  });

  it('rejects bad filters with 400 problem+json naming the field', async () => {
    const { inject } = await setup();
    const cases: [string, string][] = [
      ['/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'query.from'],
      ['/v1/audit?from=yesterday', 'query.from'],
      ['/v1/audit?limit=0', 'query.limit'],
      ['/v1/audit?limit=201', 'query.limit'],
      ['/v1/audit?actorType=robot', 'query.actorType'],
      ['/v1/audit?action=DROP%20TABLE', 'query.action'],
      ['/v1/audit?targetType=User', 'query.targetType'],
      ['/v1/audit?cursor=garbage', 'cursor'],
      ['/v1/audit/export?format=xlsx', 'query.format'],
      ['/v1/audit/export?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'query.from'],
    ];
    for (const [url, path] of cases) {
      const response = await inject('GET', url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      const problem = response.json();
      expect(problem).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(
        problem.errors.map((issue: { path: string }) => issue.path),
        url,
      ).toContain(path);
      expect(JSON.stringify(problem)).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('keeps products apart: another product’s admin sees none of these entries and cannot use their cursors', async () => {
    const app = await setup();
    await seed(app, 'acme', 5);
    const globexEntries = await seed(app, 'globex', 2);
    const globex = (await app.inject('GET', '/v1/audit', globexAdmin)).json();
    expect(globex.items.map((item: { id: string }) => item.id)).toEqual(
      globexEntries.map((entry) => entry.id).reverse(),
    );
    const acmePage = (await app.inject('GET', '/v1/audit?limit=2')).json();
    const crossed = await app.inject(
      'GET',
      `/v1/audit?limit=2&cursor=${encodeURIComponent(acmePage.nextCursor)}`,
      globexAdmin,
    );
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    const exported = (await app.inject('GET', '/v1/audit/export?format=ndjson', globexAdmin)).body;
    expect(exported).not.toContain('"productId":"acme"');
  });
});

describe('audit API: export', () => {
  function lines(body: string, separator: string): string[] {
    return body.split(separator).filter((line) => line.length > 0);
  }

  it('streams NDJSON: one line per entry, newest first, beginning with the export’s own record', async () => {
    const app = await setup();
    const entries = await app.audit
      .log()
      .recordMany(Array.from({ length: 1_234 }, (_, i) => input('acme', i, { ip: '203.0.113.9' })));
    app.clock.advance(1_000);
    const response = await app.inject('GET', '/v1/audit/export?format=ndjson');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="audit-acme-20260101T000001Z.ndjson"',
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-length']).toBeUndefined(); // streamed, not buffered
    const rows = lines(response.body, '\n').map((line) => JSON.parse(line));
    expect(rows).toHaveLength(entries.length + 1);
    expect(rows[0]).toMatchObject({
      action: 'audit.export',
      actor: { type: 'admin', id: 'ann' },
      userAgent: 'audit-test/1.0',
      requestId: expect.any(String),
      summary: { after: { format: 'ndjson', filters: {} } },
    });
    expect(rows[0]).not.toHaveProperty('atMs');
    expect(new Set(rows.slice(1).map((row) => row.id))).toEqual(new Set(entries.map((entry) => entry.id)));
    expect(rows.every((row) => row.productId === 'acme')).toBe(true);
  });

  it('streams CSV with a header row, one record per matching entry, formula cells neutralized', async () => {
    const app = await setup();
    await seed(app, 'acme', 9);
    await app.audit.record(
      input('acme', 3, {
        userAgent: '=HYPERLINK("http://evil.example","click")',
        requestId: 'req,1',
      }),
    );
    const response = await app.inject('GET', '/v1/audit/export?format=csv&action=user.created');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-acme-\d{8}T\d{6}Z\.csv"$/,
    );
    const rows = lines(response.body, '\r\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    // user.created is every third entry (0, 3, 6) plus the extra one; the export record is another action.
    expect(rows).toHaveLength(1 + 4);
    expect(rows[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(rows[1]).toContain('"req,1"');
    expect(rows.slice(1).every((row) => row.includes(',user.created,'))).toBe(true);
  });

  it('sends the export chunked over a real connection (no content-length)', async () => {
    const app = await setup();
    await app.audit.log().recordMany(Array.from({ length: 600 }, (_, i) => input('acme', i)));
    const { url } = await app.service.start();
    const response = await fetch(`${url}/v1/audit/export?format=csv`, {
      headers: acmeAdmin,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('content-length')).toBeNull();
    const body = await response.text();
    expect(lines(body, '\r\n')).toHaveLength(1 + 600 + 1); // header, entries, the export's own record
  });

  it('exports thousands of entries from SQLite in both formats, one line per entry', async () => {
    const clock = createFakeClock();
    const sqlite = createTempSqliteStore({ clock });
    try {
      const app = await setup({ store: sqlite.store, clock });
      for (let batch = 0; batch < 5; batch += 1) {
        await app.audit
          .log()
          .recordMany(Array.from({ length: 500 }, (_, i) => input('acme', batch * 500 + i)));
        clock.advance(1_000);
      }
      const ndjson = await app.inject('GET', '/v1/audit/export?format=ndjson&actorType=admin');
      const rows = lines(ndjson.body, '\n').map((line) => JSON.parse(line));
      expect(rows).toHaveLength(1 + 1_250); // the export's own record (by admin ann), and every even entry
      expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
      const atTimes = rows.map((row) => row.at);
      expect(atTimes).toEqual([...atTimes].sort().reverse());
      const csv = await app.inject('GET', '/v1/audit/export?format=csv');
      expect(lines(csv.body, '\r\n')).toHaveLength(1 + 2_500 + 2); // header, entries, two export records
    } finally {
      await sqlite.cleanup();
    }
  });

  it('answers 500 problem+json, not a cut-off 200, when the first page cannot be read', async () => {
    const clock = createFakeClock();
    const memory = createMemoryStore({ clock });
    let failQueries = false;
    const store = interceptStore(memory, ({ method, proceed }) =>
      method === 'query' && failQueries ? Promise.reject(new Error('store down')) : proceed(),
    );
    const app = await setup({ store, clock });
    failQueries = true;
    const response = await app.inject('GET', '/v1/audit/export?format=csv');
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body).not.toContain('store down');
  });

  it('records each export, with who asked, from where, and the filters', async () => {
    const app = await setup();
    await app.inject('GET', '/v1/audit/export?format=csv&actorId=ann&from=2026-01-01T00:00:00Z');
    const recorded = (await app.inject('GET', '/v1/audit?action=audit.export')).json().items;
    expect(recorded).toEqual([
      expect.objectContaining({
        productId: 'acme',
        actor: { type: 'admin', id: 'ann' },
        ip: '127.0.0.1',
        userAgent: 'audit-test/1.0',
        summary: {
          after: {
            format: 'csv',
            filters: { actorId: 'ann', from: '2026-01-01T00:00:00Z' },
          },
        },
      }),
    ]);
    const impersonated = bearer('usr_1', 'acme', ['admin'], 'adm_root');
    await app.inject('GET', '/v1/audit/export', impersonated);
    const byImpersonation = (await app.inject('GET', '/v1/audit?impersonatedBy=adm_root')).json().items;
    expect(byImpersonation).toEqual([
      expect.objectContaining({
        actor: { type: 'admin', id: 'usr_1', impersonatedBy: 'adm_root' },
      }),
    ]);
  });
});
