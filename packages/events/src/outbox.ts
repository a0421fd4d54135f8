/**
 * The outbox: events written in the same document write as the change they describe, so the two
 * cannot drift. A single-document write is atomic on every store adapter (memory, SQLite, Cosmos),
 * which a write to a second container is not.
 *
 *   const event = bus.stage('user.created', payload, ctx);             // validated, not sent
 *   const stored = await users.create(withOutbox(user, [event]));        // change + event, atomic
 *   await outbox.flush('users', stored);                                 // send, then clear
 *
 * If the process dies between the write and `flush` (or `flush` fails), the relay finds the
 * document by its `eventOutboxAt` once it is older than the grace period, publishes the events to
 * the durable subscribers, and clears them. Publishing twice is harmless: deliveries are enqueued
 * with idempotency keys and subscribers skip event ids they handled. In-process subscribers only
 * hear events their own process flushed (they are best effort by definition).
 *
 * A module that rewrites such a document from a copy it read should keep the outbox fields as it
 * read them (or drop them with `withoutOutbox` once flushed); at worst an event is published again.
 */
import { isAppError } from '@groundwork/errors';
import type { JobsLogger } from '@groundwork/jobs';
import type { Clock, DocumentStore, StoredDocument } from '@groundwork/store';
import type { EventBus } from './bus.js';
import { type EventEnvelope, eventEnvelopeSchema } from './envelope.js';

export const OUTBOX_FIELD = 'eventOutbox';
export const OUTBOX_AT_FIELD = 'eventOutboxAt';
/** The relay leaves outboxes younger than this to the process that wrote them. */
export const DEFAULT_OUTBOX_GRACE_MS = 30_000;
const RELAY_PAGE = 100;
const MAX_CLEAR_ROUNDS = 5;

// A type, not an interface, so documents with an outbox stay assignable to `Record<string, unknown>`.
export type OutboxFields = {
  eventOutbox?: EventEnvelope[];
  /** When the oldest pending event was staged (ms); absent when the outbox is empty. */
  eventOutboxAt?: number;
};

/** `doc` with `events` added to its outbox (keeping events already pending there). */
export function withOutbox<T extends object>(doc: T, events: readonly EventEnvelope[]): T & OutboxFields {
  const pending = (doc as OutboxFields).eventOutbox ?? [];
  const all = [...pending, ...events];
  const oldest = Math.min(...all.map((event) => Date.parse(event.occurredAt)));
  return {
    ...doc,
    eventOutbox: all,
    eventOutboxAt: Number.isFinite(oldest) ? oldest : Date.now(),
  };
}

/** `doc` without the outbox fields. */
export function withoutOutbox<T extends object>(doc: T): Omit<T, keyof OutboxFields> {
  const { eventOutbox: _events, eventOutboxAt: _at, ...rest } = doc as T & OutboxFields;
  return rest;
}

function pendingEvents(doc: object): EventEnvelope[] {
  const raw = (doc as OutboxFields).eventOutbox;
  if (!Array.isArray(raw)) return [];
  return raw.filter((event) => eventEnvelopeSchema.safeParse(event).success) as EventEnvelope[];
}

export interface Outbox {
  /** Publishes the outbox of `doc` (just written to `container`) and clears it. */
  flush(container: string, doc: StoredDocument<object>): Promise<void>;
  /**
   * One relay pass: in each outbox container, documents whose outbox is older than the grace
   * period get their events published to durable subscribers and cleared. Returns how many events.
   */
  relay(): Promise<number>;
}

export interface CreateOutboxOptions {
  bus: EventBus;
  store: DocumentStore;
  clock: Clock;
  logger: JobsLogger;
  /** Containers whose documents may carry an outbox (the relay scans only these). */
  containers: () => readonly string[];
  graceMs?: number;
}

function isRace(error: unknown): boolean {
  return isAppError(error) && (error.status === 412 || error.status === 404);
}

export function createOutbox(options: CreateOutboxOptions): Outbox {
  const { bus, store, clock, logger } = options;
  const graceMs = options.graceMs ?? DEFAULT_OUTBOX_GRACE_MS;

  /** Removes the published event ids from the document's outbox (conditional writes, re-read on a race). */
  async function clear(
    container: string,
    doc: StoredDocument<object>,
    published: Set<string>,
  ): Promise<void> {
    const documents = store.container<object>(container);
    let current: StoredDocument<object> | undefined = doc;
    for (let round = 0; round < MAX_CLEAR_ROUNDS && current; round++) {
      const remaining = pendingEvents(current).filter((event) => !published.has(event.id));
      if (remaining.length === pendingEvents(current).length) return; // nothing of ours is left
      const { etag, updatedAt: _updatedAt, ...fields } = current;
      const next =
        remaining.length === 0 ? withoutOutbox(fields) : withOutbox(withoutOutbox(fields), remaining);
      try {
        await documents.replace(next as typeof fields, { ifMatch: etag });
        return;
      } catch (error) {
        if (!isRace(error)) throw error;
      }
      current = await documents.read(current.id, current.pk);
    }
  }

  async function publishAndClear(
    container: string,
    doc: StoredDocument<object>,
    inProcess: boolean,
  ): Promise<number> {
    const events = pendingEvents(doc);
    if (events.length === 0) return 0;
    await bus.publish(events, { inProcess });
    try {
      await clear(container, doc, new Set(events.map((event) => event.id)));
    } catch (error) {
      // Published already; the relay will publish again (deduplicated) and clear then.
      logger.warn({ err: error, container, id: doc.id }, 'could not clear a published outbox');
    }
    return events.length;
  }

  return {
    async flush(container, doc) {
      await publishAndClear(container, doc, true);
    },

    async relay() {
      let published = 0;
      const before = clock.now() - graceMs;
      for (const container of options.containers()) {
        const page = await store.container<object>(container).query({
          where: { field: OUTBOX_AT_FIELD, op: 'lte', value: before },
          orderBy: [{ field: OUTBOX_AT_FIELD }],
          limit: RELAY_PAGE,
        });
        for (const doc of page.items) {
          try {
            published += await publishAndClear(container, doc, false);
          } catch (error) {
            logger.error({ err: error, container, id: doc.id }, 'outbox relay could not publish a document');
          }
        }
      }
      return published;
    },
  };
}
