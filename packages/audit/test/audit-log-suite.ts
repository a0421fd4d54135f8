/**
 * The audit log's guarantees as one suite, run unchanged on every store adapter by
 * `describeAuditLog('<kind>', factory, sizes)` (memory, sqlite, cosmos test files): recording,
 * redaction, idempotent events, retention, and filters, pagination, export and product isolation
 * over a seeded log of `sizes.acme` entries. Time is a fake clock; every loop is bounded.
 */
import { isAppError } from '@groundwork/errors';
import type { EventEnvelope } from '@groundwork/events';
import type { DocumentStore } from '@groundwork/store';
import type { FakeClock } from '@groundwork/testing';
import { interceptStore } from '@groundwork/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_LOG_CONTAINER, AUDIT_LOG_CONTAINER_NAME } from '../src/audit-container.js';
import type { AuditEntry, AuditRecordInput } from '../src/audit-entry.js';
import type { AuditFilters } from '../src/audit-filters.js';
import { type AuditLog, createAuditLog } from '../src/audit-log.js';
import { REDACTED } from '../src/summary.js';

export interface AuditLogHarness {
  store: DocumentStore;
  /** The clock the store was created with. */
  clock: FakeClock;
  cleanup(): Promise<void>;
}

export type AuditLogFactory = () => Promise<AuditLogHarness>;

export interface AuditLogSuiteSizes {
  /** Entries seeded in product `acme` (spread over time, actors, actions and targets). */
  acme: number;
  /** Entries seeded in product `globex`. */
  globex: number;
  /** Page size of the full walks (the walk must take several pages). */
  pageSize: number;
}

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
/** Entries recorded in one batch share one time (ties the store breaks by id). */
const BATCH = 10;
const ACTIONS = [
  'jobs.pause',
  'jobs.resume',
  'tasks.retry',
  'user.created',
  'auth.login_failed',
  'user.deleted',
];

function expectValidationError(error: unknown, path: string): void {
  expect(isAppError(error), String(error)).toBe(true);
  expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
  expect((error as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toContain(path);
}

async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

function seedInput(productId: string, i: number): AuditRecordInput {
  const actor =
    i % 4 === 0
      ? { type: 'admin' as const, id: `adm_${i % 3}` }
      : i % 4 === 1
        ? {
            type: 'user' as const,
            id: `usr_${i % 7}`,
            ...(i % 8 === 1 ? { impersonatedBy: 'adm_0' } : {}),
          }
        : i % 4 === 2
          ? { type: 'system' as const, id: 'jobs' }
          : { type: 'api_token' as const, id: `tok_${i % 5}` };
  const action = ACTIONS[i % ACTIONS.length] as string;
  return {
    productId,
    actor,
    action,
    ...(i % 9 === 0 ? {} : { target: { type: i % 2 === 0 ? 'user' : 'job', id: `t_${i % 11}` } }),
    summary: { after: { n: i, password: 'never stored' } },
    ip: `198.51.100.${i % 250}`,
    requestId: `req-${i}`,
  };
}

/** Records `count` entries for `productId`, `BATCH` per clock minute; returns them as stored. */
async function seed(
  log: AuditLog,
  clock: FakeClock,
  productId: string,
  count: number,
): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const inputs: AuditRecordInput[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i += 1) inputs.push(seedInput(productId, i));
    entries.push(...(await log.recordMany(inputs)));
    clock.advance(MINUTE);
  }
  return entries;
}

/** Newest first, ties by id: the order every adapter returns. */
function newestFirst(entries: AuditEntry[]): AuditEntry[] {
  return [...entries].sort((a, b) => b.atMs - a.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function walk(
  log: AuditLog,
  productId: string,
  filters: AuditFilters,
  limit: number,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages <= 1_000; pages += 1) {
    const page = await log.query(productId, filters, {
      limit,
      ...(cursor ? { cursor } : {}),
    });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((entry) => entry.id));
    if (!page.nextCursor) return { ids, pages };
    cursor = page.nextCursor;
  }
  throw new Error('more than 1,000 pages');
}

function event(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    id: 'evt_01kg0000000000000000000000',
    type: 'subscription.created',
    version: 1,
    productId: 'acme',
    occurredAt: '2025-12-31T23:59:00.000Z',
    actor: { type: 'user', id: 'usr_1' },
    payload: {
      subscriptionId: 'sub_1',
      userId: 'usr_1',
      plan: 'pro',
      status: 'active',
    },
    ...overrides,
  };
}

export function describeAuditLog(kind: string, factory: AuditLogFactory, sizes: AuditLogSuiteSizes): void {
  describe(`audit log on ${kind}: recording`, () => {
    let harness: AuditLogHarness;
    let log: AuditLog;
    beforeEach(async () => {
      harness = await factory();
      await harness.store.ensureContainers([AUDIT_LOG_CONTAINER]);
      log = createAuditLog({ store: harness.store, clock: harness.clock });
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('records an entry with a new id, the clock’s time, a redacted summary and clipped request metadata', async () => {
      const entry = await log.record({
        productId: 'acme',
        actor: { type: 'user', id: 'usr_1', impersonatedBy: 'adm_1' },
        action: 'user.email_changed',
        target: { type: 'user', id: 'usr_1' },
        summary: {
          before: { email: 'a@x.io' },
          after: { email: 'b@x.io', session: { token: 'tok_SECRET_VALUE' } },
        },
        ip: '2001:db8::1',
        userAgent: `agent/${'x'.repeat(2_000)}`,
        requestId: 'req-1',
      });
      expect(entry).toMatchObject({
        productId: 'acme',
        actor: { type: 'user', id: 'usr_1', impersonatedBy: 'adm_1' },
        action: 'user.email_changed',
        target: { type: 'user', id: 'usr_1' },
        summary: {
          before: { email: 'a@x.io' },
          after: { email: 'b@x.io', session: { token: REDACTED } },
        },
        ip: '2001:db8::1',
        requestId: 'req-1',
        at: new Date(harness.clock.now()).toISOString(),
        atMs: harness.clock.now(),
      });
      expect(entry.id).toMatch(/^aud_[0-9a-z]{26}$/);
      expect(entry.userAgent).toHaveLength(512);
      expect(entry).not.toHaveProperty('pk');
      expect(entry).not.toHaveProperty('etag');
      const page = await log.query('acme');
      expect(page.items).toEqual([entry]);
      const stored = await harness.store.container(AUDIT_LOG_CONTAINER_NAME).read(entry.id, 'acme');
      expect(JSON.stringify(stored)).not.toContain('tok_SECRET_VALUE');
    });

    it('rejects an invalid entry with a ValidationError listing each field, storing nothing', async () => {
      const error = await failure(() =>
        log.record({
          productId: 'bad product',
          actor: { type: 'robot' as 'user', id: '' },
          action: 'Jobs.Pause',
          target: { type: 'User', id: 'x' },
        }),
      );
      expectValidationError(error, 'productId');
      expectValidationError(error, 'actor.type');
      expectValidationError(error, 'actor.id');
      expectValidationError(error, 'action');
      expectValidationError(error, 'target.type');
      const many = await failure(() =>
        log.recordMany([seedInput('acme', 1), { ...seedInput('acme', 2), action: 'nope' }]),
      );
      expectValidationError(many, 'items.1.action');
      expect((await log.query('acme')).items).toEqual([]);
    });

    it('records an event once, however often it is delivered, timed when it occurred', async () => {
      const first = await log.recordEvent(event());
      harness.clock.advance(5 * MINUTE);
      const again = await log.recordEvent(event());
      expect(again).toEqual(first);
      expect(first).toMatchObject({
        id: 'aud_01kg0000000000000000000000',
        eventId: 'evt_01kg0000000000000000000000',
        action: 'subscription.created',
        actor: { type: 'user', id: 'usr_1' },
        target: { type: 'subscription', id: 'sub_1' },
        summary: {
          after: {
            subscriptionId: 'sub_1',
            userId: 'usr_1',
            plan: 'pro',
            status: 'active',
          },
        },
        at: '2025-12-31T23:59:00.000Z',
      });
      const [batched] = await log.recordMany([
        { ...seedInput('acme', 3), eventId: 'evt_01kg0000000000000000000000' },
      ]);
      expect(batched).toEqual(first);
      expect((await log.query('acme')).items).toHaveLength(1);

      const security = await log.recordEvent(
        event({
          id: 'evt_01kg0000000000000000000001',
          type: 'auth.login_failed',
          actor: { type: 'system', id: 'identity' },
          payload: {
            userId: 'usr_9',
            reason: 'bad_password',
            password: 'guess',
          },
        }),
      );
      expect(security).toMatchObject({
        target: { type: 'user', id: 'usr_9' },
        summary: {
          after: {
            userId: 'usr_9',
            reason: 'bad_password',
            password: REDACTED,
          },
        },
      });
      const error = await failure(() => log.recordEvent(event({ id: 'not-an-event' })));
      expectValidationError(error, 'id');
    });

    it('keeps entries for the retention period (365 days), then they are gone', async () => {
      const entry = await log.record(seedInput('acme', 1));
      harness.clock.advance(364 * DAY_MS);
      expect((await log.query('acme')).items.map((item) => item.id)).toEqual([entry.id]);
      harness.clock.advance(2 * DAY_MS);
      expect((await log.query('acme')).items).toEqual([]);
    });

    it('offers no way to change or delete an entry', () => {
      expect(Object.keys(log).sort()).toEqual([
        'exportEntries',
        'query',
        'record',
        'recordEvent',
        'recordMany',
      ]);
    });
  });

  describe(`audit log on ${kind}: queries over ${sizes.acme} entries`, () => {
    let harness: AuditLogHarness;
    let log: AuditLog;
    let acme: AuditEntry[];
    let globex: AuditEntry[];
    let queries = 0;

    beforeAll(async () => {
      harness = await factory();
      await harness.store.ensureContainers([AUDIT_LOG_CONTAINER]);
      // Counts the store queries the audit log runs, to show that the export reads page by page.
      const inner = harness.store;
      const store = interceptStore(inner, ({ method, proceed }) => {
        if (method === 'query') queries += 1;
        return proceed();
      });
      log = createAuditLog({ store, clock: harness.clock });
      acme = await seed(log, harness.clock, 'acme', sizes.acme);
      globex = await seed(log, harness.clock, 'globex', sizes.globex);
    });
    afterAll(async () => {
      await harness?.cleanup();
    });

    it('walks every entry once, newest first, over several pages', async () => {
      const { ids, pages } = await walk(log, 'acme', {}, sizes.pageSize);
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(sizes.acme / sizes.pageSize));
      expect(ids).toEqual(newestFirst(acme).map((entry) => entry.id));
      expect(new Set(ids).size).toBe(sizes.acme);
    });

    const cases: [string, AuditFilters, (entry: AuditEntry) => boolean][] = [
      ['actorId', { actorId: 'adm_1' }, (e) => e.actor.id === 'adm_1'],
      ['actorType', { actorType: 'api_token' }, (e) => e.actor.type === 'api_token'],
      ['impersonatedBy', { impersonatedBy: 'adm_0' }, (e) => e.actor.impersonatedBy === 'adm_0'],
      ['action', { action: 'user.created' }, (e) => e.action === 'user.created'],
      ['action prefix', { action: 'jobs.*' }, (e) => e.action.startsWith('jobs.')],
      ['targetType', { targetType: 'job' }, (e) => e.target?.type === 'job'],
      [
        'target',
        { targetType: 'user', targetId: 't_4' },
        (e) => e.target?.type === 'user' && e.target.id === 't_4',
      ],
    ];
    for (const [name, filters, matches] of cases) {
      it(`filters by ${name}, paging through every match`, async () => {
        const expected = newestFirst(acme.filter(matches)).map((entry) => entry.id);
        expect(expected.length).toBeGreaterThan(0);
        const { ids } = await walk(
          log,
          'acme',
          filters,
          Math.min(200, Math.max(10, Math.ceil(expected.length / 3))),
        );
        expect(ids).toEqual(expected);
      });
    }

    it('filters by a time range (from inclusive, to exclusive; ms, ISO strings or Dates) and combines filters', async () => {
      const sorted = newestFirst(acme);
      const from = sorted[Math.floor(sorted.length * 0.6)]?.atMs as number;
      const to = sorted[Math.floor(sorted.length * 0.2)]?.atMs as number;
      const inRange = (e: AuditEntry) => e.atMs >= from && e.atMs < to;
      const expected = sorted.filter(inRange).map((entry) => entry.id);
      expect(expected.length).toBeGreaterThan(0);
      for (const range of [
        { from, to },
        { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
        { from: new Date(from), to: new Date(to) },
      ]) {
        expect((await walk(log, 'acme', range, sizes.pageSize)).ids).toEqual(expected);
      }
      const combined = {
        from,
        to,
        actorType: 'admin' as const,
        action: 'jobs.pause',
      };
      const expectedCombined = sorted
        .filter((e) => inRange(e) && e.actor.type === 'admin' && e.action === 'jobs.pause')
        .map((entry) => entry.id);
      expect((await walk(log, 'acme', combined, 7)).ids).toEqual(expectedCombined);
      expect((await log.query('acme', { from: to, to: to })).items).toEqual([]);
    });

    it('rejects bad filters, pages and cursors with a ValidationError', async () => {
      expectValidationError(await failure(() => log.query('acme', { from: 2, to: 1 })), 'from');
      expectValidationError(await failure(() => log.query('acme', { action: 'DROP TABLE' })), 'action');
      expectValidationError(
        await failure(() => log.query('acme', { actorType: 'robot' } as unknown as AuditFilters)),
        'actorType',
      );
      expectValidationError(
        await failure(() => log.query('acme', { nope: 1 } as unknown as AuditFilters)),
        'nope',
      );
      expectValidationError(await failure(() => log.query('acme', {}, { limit: 201 })), 'limit');
      expectValidationError(await failure(() => log.query('acme', {}, { cursor: 'garbage' })), 'cursor');
      expectValidationError(await failure(() => log.exportEntries('acme', { from: 'yesterday' })), 'from');
    });

    it('keeps products apart: every query and export sees one product, and cursors do not cross', async () => {
      const { ids } = await walk(log, 'globex', {}, sizes.pageSize);
      expect(ids).toEqual(newestFirst(globex).map((entry) => entry.id));
      const acmeIds = new Set(acme.map((entry) => entry.id));
      expect(ids.some((id) => acmeIds.has(id))).toBe(false);
      expect((await log.query('initech')).items).toEqual([]);
      const filtered = await walk(log, 'globex', { action: 'user.created' }, sizes.pageSize);
      expect(filtered.ids).toEqual(
        newestFirst(globex.filter((e) => e.action === 'user.created')).map((entry) => entry.id),
      );
      const acmePage = await log.query('acme', {}, { limit: 5 });
      expectValidationError(
        await failure(() => log.query('globex', {}, { limit: 5, cursor: acmePage.nextCursor as string })),
        'cursor',
      );
      for await (const entry of log.exportEntries('globex')) expect(entry.productId).toBe('globex');
    });

    it('exports every match in query order, reading the store page by page as it is iterated', async () => {
      const before = queries;
      const iterator = log.exportEntries('acme')[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.value?.id).toBe(newestFirst(acme)[0]?.id);
      expect(queries - before).toBe(1);
      const ids = [first.value?.id];
      for (let step = 0; step <= sizes.acme; step += 1) {
        const next = await iterator.next();
        if (next.done) break;
        ids.push(next.value.id);
      }
      expect(ids).toEqual(newestFirst(acme).map((entry) => entry.id));
      expect(queries - before).toBe(Math.ceil(sizes.acme / 500));

      const exported: string[] = [];
      for await (const entry of log.exportEntries('acme', {
        action: 'jobs.*',
        actorType: 'admin',
      })) {
        exported.push(entry.id);
      }
      expect(exported).toEqual(
        newestFirst(acme.filter((e) => e.action.startsWith('jobs.') && e.actor.type === 'admin')).map(
          (entry) => entry.id,
        ),
      );
    });

    it('never stores a secret from a summary', async () => {
      const page = await log.query('acme', {}, { limit: 20 });
      for (const entry of page.items) expect(entry.summary?.after?.password).toBe(REDACTED);
    });
  });
}
