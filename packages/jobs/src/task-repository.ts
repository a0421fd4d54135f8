/**
 * Store access for tasks: the `tasks` container, conversions between stored documents and the
 * public `Task`, and the few queries the queue and workers run. Nothing here decides state
 * transitions; `queue.ts` and `worker.ts` do.
 */
import { isAppError } from '@groundwork/errors';
import type { ContainerSpec, DocumentStore, Filter, Page, StoredDocument } from '@groundwork/store';
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
};

/** What is stored: the task plus its partition key and TTL. */
export type TaskDocument = Omit<Task, 'updatedAt'> & { pk: string; ttl?: number };
/** As stored: plus `dueKey`, the claim order as one sortable string (see `dueKeyOf`). */
export type StoredTask = StoredDocument<TaskDocument & { dueKey: string }>;

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

function withDueKey(doc: TaskDocument): TaskDocument & { dueKey: string } {
  const { dueKey: _old, ...rest } = doc as TaskDocument & { dueKey?: string };
  return { ...rest, dueKey: dueKeyOf(doc) };
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
   * Due work for a worker that knows `types`: queued tasks with `runAt <= now`, and running tasks
   * whose lease lapsed (to reclaim), highest priority first, then earliest `runAt`.
   */
  findDue(now: number, types: string[], limit: number): Promise<StoredTask[]>;
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
    return store.container<TaskDocument & { dueKey: string }>(TASKS_CONTAINER.name);
  };

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
    async findDue(now, types, limit) {
      if (types.length === 0) return [];
      const container = await tasks();
      const ofTypes: Filter = { field: 'type', op: 'in', values: types };
      // Two simple queries rather than one with an OR: each is a plain range scan on Cosmos.
      const [lapsed, due] = await Promise.all([
        container.query({
          where: { and: [stateIs('running'), { field: 'lease.expiresAt', op: 'lte', value: now }, ofTypes] },
          orderBy: [{ field: 'lease.expiresAt', direction: 'asc' }],
          limit,
        }),
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
