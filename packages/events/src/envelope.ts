/**
 * The envelope every event travels in: a prefixed, time-sortable id (`evt_…`), the catalog type
 * and version, the product, when it happened, who caused it, and the validated payload.
 */
import { idPattern, newId } from '@groundwork/http';
import { z } from 'zod';
import { actorSchema } from './actor.js';

export const EVENT_ID_PREFIX = 'evt';

export const eventIdSchema = z.string().regex(idPattern(EVENT_ID_PREFIX), 'must be an event id (evt_…)');

export const PRODUCT_ID_PATTERN = /^[^/\\?#\s]{1,200}$/;

export const productIdSchema = z
  .string()
  .regex(PRODUCT_ID_PATTERN, 'must be 1-200 characters without / \\ ? # or spaces');

export const eventEnvelopeSchema = z.object({
  id: eventIdSchema,
  type: z.string().min(1),
  version: z.number().int().positive(),
  productId: productIdSchema,
  occurredAt: z.string().describe('ISO 8601 time the event happened (the service clock).'),
  actor: actorSchema,
  payload: z.unknown(),
});

/** An event as delivered to subscribers; `P` is the payload type of its catalog entry. */
export interface EventEnvelope<P = unknown, T extends string = string> {
  id: string;
  type: T;
  version: number;
  productId: string;
  occurredAt: string;
  actor: z.infer<typeof actorSchema>;
  payload: P;
}

export function newEventId(nowMs: number): string {
  return newId(EVENT_ID_PREFIX, nowMs);
}

// Events emitted in one millisecond share one formatted time.
let lastMs = Number.NaN;
let lastIso = '';
export function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}
