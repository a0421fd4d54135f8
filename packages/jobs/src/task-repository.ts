/**
 * Store access for tasks: the `tasks` container, conversions between stored documents and the
 * public `Task`, and the few queries the queue and workers run. Nothing here decides state
 * transitions; `queue.ts` and `worker.ts` do.
 */
import { isAppError } from '@groundwork/errors';
import type {
  BatchItemResult,
  Container,
  ContainerSpec,
  DocumentStore,
  Filter,
  MatchedUpdate,
  Page,
  StoredDocument,
} from '@groundwork/store';
import type { Task, TaskState } from './schemas.js';

/**
 * Partition key `/productId` (the document's `pk` is its productId).
 *
 * - Product-scoped reads (`get`, `cancel`, `retryDead`, an admin listing one product) are
 *   single-partition point reads or queries.
 * - Claims need due tasks of *all* products: that is a cross-partition query on `state`,
 *   `runAt` and `lease.expiresAt`. Cosmos fans a cross-partition query out per *physical*
 *   partition (not per product), and a queue's working set lives in few physical partitions, so
 *   the claim query stays cheap; all paths are indexed by default.
 * - A single constant partition (e.g. `pk = "queue"`) would make claims single-partition but caps
 *   the whole queue at one logical partition's 20 GB and ~10,000 RU/s, and completed tasks are
 *   kept for days: not acceptable for the one durable primitive every module uses.
 */
export const TASKS_CONTAINER: ContainerSpec = {
  name: 'tasks',
  partitionKey: '/productId',
  description: 'Background tasks: state, lease, attempts and error history. Completed tasks expire.',
  // The claim query: tasks of one state in claim order (SQLite builds it; Cosmos indexes all paths).
  indexes: [{ equal: ['state'], sort: 'dueKey' }],
};

/** What is stored: the task plus its partition key and TTL. */
export type TaskDocument = Omit<Task, 'updatedAt'> & { pk: string; ttl?: number };
type KeyedTask = TaskDocument & { dueKey: string };
/** As stored: plus `dueKey`, the claim order as one sortable string (see `dueKeyOf`). */
export type StoredTask = StoredDocument<KeyedTask>;
/** A due task the batched claim selected, and what it became (absent when left to the caller). */
export type ClaimedMatch = MatchedUpdate<KeyedTask>;

const PRIORITY_OFFSET = 1_000_000;

/**
 * Claim order (priority desc, then runAt asc) as one string sorted ascending, kept on every write.
 * One sort property keeps the claim query a single-property `ORDER BY` on Cosmos (no composite
 * index, one keyset level instead of several).
 */
export function dueKeyOf(doc: Pick<TaskDocument, 'priority' | 'runAt'>): string {
  const inverted = String(PRIORITY_OFFSET - doc.priority).padStart(7, '0');
  return `${inverted}:${String(Math.max(0, Math.floor(doc.runAt))).padStart(16, '0')}`;
}

/**
 * Sets `dueKey` in place: every document written here is a fresh object the jobs package built for
 * this write (a transition's result or a new task), and the store copies what it writes.
 */
function withDueKey(doc: TaskDocument): KeyedTask {
  const keyed = doc as KeyedTask;
  keyed.dueKey = dueKeyOf(doc);
  return keyed;
}

export const NEVER_EXPIRES = -1;

export function toTask(doc: StoredTask): Task {
  const { pk: _pk, ttl: _ttl, etag: _etag, dueKey: _dueKey, ...task } = doc;
  return task;
}

/** The writable document for `task` (drops store-managed fields). */
export function toDocument(doc: StoredTask): TaskDocument {
  const { etag: _etag, updatedAt: _updatedAt, dueKey: _dueKey, ...rest } = doc;
  return rest;
}

/** True for the store's "someone else wrote first / it is gone" outcomes: 409, 412, 404. */
export function isWriteRace(error: unknown): boolean {
  return isAppError(error) && (error.status === 409 || error.status === 412 || error.status === 404);
}

export function isAlreadyExists(error: unknown): boolean {
  return isAppError(error) && error.status === 409;
}

export interface TaskRepository {
  create(doc: TaskDocument): Promise<StoredTask>;
  read(taskId: string, productId: string): Promise<StoredTask | undefined>;
  /** Replaces the task only if its etag is still `etag`; throws the store's 412/404 otherwise. */
  replace(doc: TaskDocument, etag: string): Promise<StoredTask>;
  /**
   * `replace`, except that calls made in the same turn of the event loop reach the store together,
   * as one `replaceMany` (one transaction) where the store offers it. For outcomes, whose timing
   * nobody waits on but the worker itself.
   */
  replaceInBatch(doc: TaskDocument, etag: string): Promise<StoredTask>;
  /**
   * Due work for a worker that knows `types`: queued tasks with `runAt <= now`, and (with
   * `includeLapsed`) running tasks whose lease lapsed, to reclaim; highest priority first, then
   * earliest `runAt`.
   */
  findDue(now: number, types: string[], limit: number, includeLapsed: boolean): Promise<StoredTask[]>;
  /**
   * The batched claim, when the store offers `updateMatching` (else `undefined`): selects what
   * `findDue` would (lapsed running tasks first) and, in one store transaction per state, writes
   * `decide(task)` for each task it returns a document for.
   */
  claimDue(
    now: number,
    types: string[],
    limit: number,
    includeLapsed: boolean,
    decide: (task: StoredTask) => TaskDocument | undefined,
  ): Promise<ClaimedMatch[] | undefined>;
  /** Creates each task in one store transaction when the store offers `createMany` (else `undefined`). */
  createMany(docs: TaskDocument[]): Promise<BatchItemResult<KeyedTask>[] | undefined>;
  list(
    filter: Filter | undefined,
    productId: string | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<StoredTask>>;
  count(filter: Filter | undefined, productId: string | undefined): Promise<number>;
}

export function createTaskRepository(store: DocumentStore): TaskRepository {
  let ready: Promise<void> | undefined;
  const tasks = async () => {
    ready ??= store.ensureContainers([TASKS_CONTAINER]).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
    return store.container<KeyedTask>(TASKS_CONTAINER.name);
  };

  // Replaces issued in the same turn of the event loop go to the store as one `replaceMany`.
  let pending: Array<{ doc: KeyedTask; etag: string; settle: (result: BatchItemResult<KeyedTask>) => void }> =
    [];
  async function flush(container: Container<KeyedTask>): Promise<void> {
    const batch = pending;
    pending = [];
    const items = batch.map(({ doc, etag }) => ({ doc, ifMatch: etag }));
    try {
      const results = (await container.replaceMany?.(items)) ?? [];
      for (const [index, entry] of batch.entries())
        entry.settle(results[index] ?? { ok: false, error: new Error('replaceMany gave no result') });
    } catch (error) {
      const failure = {
        ok: false as const,
        error: error instanceof Error ? error : new Error(String(error)),
      };
      for (const entry of batch) entry.settle(failure);
    }
  }
  async function replaceBatched(container: Container<KeyedTask>, doc: KeyedTask, etag: string) {
    const result = await new Promise<BatchItemResult<KeyedTask>>((settle) => {
      if (pending.push({ doc, etag, settle }) === 1) setImmediate(() => void flush(container));
    });
    if (!result.ok) throw result.error;
    return result.document;
  }

  function dueQuery(state: 'running' | 'queued', now: number, types: string[], limit: number) {
    const ofTypes: Filter = { field: 'type', op: 'in', values: types };
    const due: Filter =
      state === 'running'
        ? { field: 'lease.expiresAt', op: 'lte', value: now }
        : { field: 'runAt', op: 'lte', value: now };
    return { where: { and: [stateIs(state), due, ofTypes] }, orderBy: [{ field: 'dueKey' }], limit };
  }

  return {
    async create(doc) {
      return (await tasks()).create(withDueKey(doc));
    },
    async read(taskId, productId) {
      return (await tasks()).read(taskId, productId);
    },
    async replace(doc, etag) {
      return (await tasks()).replace(withDueKey(doc), { ifMatch: etag });
    },
    async replaceInBatch(doc, etag) {
      const container = await tasks();
      if (container.replaceMany) return replaceBatched(container, withDueKey(doc), etag);
      return container.replace(withDueKey(doc), { ifMatch: etag });
    },
    async createMany(docs) {
      const container = await tasks();
      return container.createMany?.(docs.map(withDueKey));
    },
    async claimDue(now, types, limit, includeLapsed, decide) {
      const container = await tasks();
      if (!container.updateMatching) return undefined;
      if (types.length === 0) return [];
      const update = (task: StoredTask) => {
        const next = decide(task);
        return next === undefined ? undefined : withDueKey(next);
      };
      const lapsed = includeLapsed
        ? await container.updateMatching(dueQuery('running', now, types, limit), update)
        : [];
      if (lapsed.length >= limit) return lapsed;
      const due = await container.updateMatching(
        dueQuery('queued', now, types, limit - lapsed.length),
        update,
      );
      return [...lapsed, ...due];
    },
    async findDue(now, types, limit, includeLapsed) {
      if (types.length === 0) return [];
      const container = await tasks();
      const ofTypes: Filter = { field: 'type', op: 'in', values: types };
      // Two simple queries rather than one with an OR: each is a plain range scan on Cosmos.
      const [lapsed, due] = await Promise.all([
        includeLapsed
          ? container.query({
              where: {
                and: [stateIs('running'), { field: 'lease.expiresAt', op: 'lte', value: now }, ofTypes],
              },
              orderBy: [{ field: 'lease.expiresAt', direction: 'asc' }],
              limit,
            })
          : { items: [] },
        container.query({
          where: { and: [stateIs('queued'), { field: 'runAt', op: 'lte', value: now }, ofTypes] },
          orderBy: [{ field: 'dueKey', direction: 'asc' }],
          limit,
        }),
      ]);
      return [...lapsed.items, ...due.items]
        .sort((a, b) => (a.dueKey < b.dueKey ? -1 : a.dueKey > b.dueKey ? 1 : 0))
        .slice(0, limit);
    },
    async list(filter, productId, limit, cursor) {
      return (await tasks()).query({
        ...(productId === undefined ? {} : { pk: productId }),
        ...(filter === undefined ? {} : { where: filter }),
        orderBy: [{ field: 'createdAt', direction: 'desc' }],
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
    },
    async count(filter, productId) {
      return (await tasks()).count({
        ...(productId === undefined ? {} : { pk: productId }),
        ...(filter === undefined ? {} : { where: filter }),
      });
    },
  };
}

export function stateIs(state: TaskState): Filter {
  return { field: 'state', op: 'eq', value: state };
}
