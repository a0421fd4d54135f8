/**
 * The dedupe helper for at-least-once delivery: a subscriber handles each event id once. Before
 * the handler runs, a receipt `<subscriber>:<eventId>` is claimed in `event_receipts` (a create, or
 * a conditional replace of a lapsed claim); after it succeeds the receipt is marked done. So:
 * - a second delivery after success is skipped;
 * - a delivery that arrives while another is running waits (`RetryAt` the claim's expiry);
 * - a failed attempt releases its claim, and a crashed one's claim lapses after `claimMs`, so the
 *   event is handled again: once per *successful* handling, never two at a time.
 * Receipts expire after `RECEIPT_TTL_SECONDS` (30 days), longer than any retry schedule.
 */
import { isAppError } from '@groundwork/errors';
import { RetryAt } from '@groundwork/jobs';
import type { Clock, ContainerSpec, DocumentStore, StoredDocument } from '@groundwork/store';
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
  state: 'processing' | 'done';
  /** While processing: when the claim lapses (ms). */
  claimUntil: number;
  doneAt: number | null;
}

export type ReceiptOutcome = 'handled' | 'skipped';

export interface HandleOnceOptions {
  store: DocumentStore;
  clock: Clock;
  subscriber: string;
  event: Pick<EventEnvelope, 'id' | 'productId'>;
  /** How long a claim holds before another delivery may take over (the handler's timeout + margin). */
  claimMs: number;
}

const MAX_ROUNDS = 5;

function isRace(error: unknown): boolean {
  return isAppError(error) && (error.status === 409 || error.status === 412 || error.status === 404);
}

/** Runs `handler` unless this subscriber already handled this event id; see the file comment. */
export async function handleOnce(
  options: HandleOnceOptions,
  handler: () => Promise<unknown> | unknown,
): Promise<ReceiptOutcome> {
  const { store, clock, subscriber, event, claimMs } = options;
  await store.ensureContainers([EVENT_RECEIPTS_CONTAINER]);
  const receipts = store.container<Receipt>(EVENT_RECEIPTS_CONTAINER.name);
  const id = `${subscriber}:${event.id}`;
  const pk = event.productId;

  let claim: StoredDocument<Receipt> | undefined;
  for (let round = 0; round < MAX_ROUNDS && !claim; round++) {
    const now = clock.now();
    const existing = await receipts.read(id, pk);
    if (existing?.state === 'done') return 'skipped';
    if (existing && existing.claimUntil > now) {
      throw new RetryAt(
        existing.claimUntil - now + 1,
        `event ${event.id} is being handled by another delivery`,
      );
    }
    const next = {
      id,
      pk,
      productId: pk,
      subscriber,
      eventId: event.id,
      state: 'processing' as const,
      claimUntil: now + claimMs,
      doneAt: null,
    };
    try {
      claim = existing
        ? await receipts.replace(next, { ifMatch: existing.etag })
        : await receipts.create(next);
    } catch (error) {
      if (!isRace(error)) throw error;
    }
  }
  if (!claim) throw new RetryAt(1_000, `could not claim the receipt of event ${event.id}`);

  try {
    await handler();
  } catch (error) {
    // Release the claim so the retry runs at once; if this fails, the claim lapses by itself.
    await receipts.delete(id, pk, { ifMatch: claim.etag }).catch(() => undefined);
    throw error;
  }
  const { etag: _etag, updatedAt: _updatedAt, ...held } = claim;
  await receipts
    .replace({ ...held, state: 'done', doneAt: clock.now() }, { ifMatch: claim.etag })
    .catch((error: unknown) => {
      // The claim lapsed and another delivery took over: it will run the handler again (at-least-once).
      if (!isRace(error)) throw error;
    });
  return 'handled';
}
