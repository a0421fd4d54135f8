/**
 * The dedupe helper for at-least-once delivery: a subscriber handles each event id once. After a
 * handler succeeds, a receipt `<subscriber>:<eventId>` is written to `event_receipts`; a delivery
 * that finds the receipt is skipped. Receipts written in the same turn of the event loop go to the
 * store together (one `createMany`, one transaction, where the store offers it).
 *
 * What it covers: the same event delivered again after the first delivery succeeded — a task that
 * ran but whose completion was not recorded (crash, lost lease) and is run again, or an event
 * published again after its delivery task expired. Receipts live 30 days (`RECEIPT_TTL_SECONDS`),
 * longer than completed tasks are kept. What it cannot cover: a crash between the handler's
 * success and its receipt write runs the handler again (at-least-once), and so can a worker that
 * froze past its lease while another worker took the task over. Handlers with external effects
 * should still pass the event id on (e.g. as an idempotency key) where the other side accepts one.
 */
import { isAppError } from '@groundwork/errors';
import type { Clock, Container, ContainerSpec, DocumentStore, NewDocument } from '@groundwork/store';
import type { EventEnvelope } from './envelope.js';

export const RECEIPT_TTL_SECONDS = 30 * 24 * 60 * 60;

export const EVENT_RECEIPTS_CONTAINER: ContainerSpec = {
  name: 'event_receipts',
  partitionKey: '/productId',
  description: 'Which durable subscriber handled which event id (dedupe of at-least-once delivery).',
  defaultTtl: RECEIPT_TTL_SECONDS,
};

interface Receipt {
  productId: string;
  subscriber: string;
  eventId: string;
  handledAt: number;
}

export type ReceiptOutcome = 'handled' | 'skipped';

export interface HandleOnceOptions {
  store: DocumentStore;
  clock: Clock;
  subscriber: string;
  event: Pick<EventEnvelope, 'id' | 'productId'>;
  /**
   * The caller knows no earlier handling can exist (the bus's first attempt of a delivery task
   * while any earlier task for the same event and subscriber would still be kept): skip the read.
   */
  firstDelivery?: boolean;
}

interface ReceiptWriter {
  container: Container<Receipt>;
  /** Receipts waiting for this turn's `createMany`. */
  pending: Array<{ doc: NewDocument<Receipt>; settle: (error?: unknown) => void }>;
}

const writers = new WeakMap<DocumentStore, Promise<ReceiptWriter>>();

/** The receipts container of `store`, ensured once per store (not on every delivery). */
function writerOf(store: DocumentStore): Promise<ReceiptWriter> {
  let writer = writers.get(store);
  if (!writer) {
    writer = store.ensureContainers([EVENT_RECEIPTS_CONTAINER]).then(() => ({
      container: store.container<Receipt>(EVENT_RECEIPTS_CONTAINER.name),
      pending: [],
    }));
    writers.set(store, writer);
    writer.catch(() => writers.delete(store));
  }
  return writer;
}

const isConflict = (error: unknown) => isAppError(error) && error.status === 409;

async function flush(writer: ReceiptWriter): Promise<void> {
  const batch = writer.pending;
  writer.pending = [];
  const docs = batch.map((entry) => entry.doc);
  try {
    const results = writer.container.createMany
      ? await writer.container.createMany(docs)
      : await Promise.all(
          docs.map((doc) =>
            writer.container.create(doc).then(
              (document) => ({ ok: true as const, document }),
              (error: unknown) => ({ ok: false as const, error: error as Error }),
            ),
          ),
        );
    batch.forEach((entry, index) => {
      const result = results[index];
      // A receipt that exists already (a concurrent redelivery finished first) is as good.
      entry.settle(result && !result.ok && !isConflict(result.error) ? result.error : undefined);
    });
  } catch (error) {
    for (const entry of batch) entry.settle(error);
  }
}

function record(writer: ReceiptWriter, doc: NewDocument<Receipt>): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: unknown) => (error === undefined ? resolve() : reject(error));
    if (writer.pending.push({ doc, settle }) === 1) setImmediate(() => void flush(writer));
  });
}

/** Runs `handler` unless this subscriber already handled this event id; see the file comment. */
export async function handleOnce(
  options: HandleOnceOptions,
  handler: () => Promise<unknown> | unknown,
): Promise<ReceiptOutcome> {
  const { store, clock, subscriber, event } = options;
  const writer = await writerOf(store);
  const id = `${subscriber}:${event.id}`;
  if (!options.firstDelivery && (await writer.container.read(id, event.productId))) return 'skipped';
  await handler();
  await record(writer, {
    id,
    pk: event.productId,
    productId: event.productId,
    subscriber,
    eventId: event.id,
    handledAt: clock.now(),
  });
  return 'handled';
}
