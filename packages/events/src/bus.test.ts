import { isAppError } from '@groundwork/errors';
import { idPattern } from '@groundwork/http';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock } from '@groundwork/testing';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { type Actor, systemActor } from './actor.js';
import { createEventBus } from './bus.js';
import type { EventEnvelope } from './envelope.js';

const actor: Actor = { type: 'user', id: 'usr_1' };
const ctx = { productId: 'prod_a', actor };
const created = { userId: 'usr_1', email: 'ann@example.com', plan: 'free' };

/** Resolves after queued microtasks and one macrotask have run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function recordingLogger() {
  const errors: Array<{ obj: object; msg?: string | undefined }> = [];
  const ignore = () => {};
  return {
    errors,
    logger: {
      debug: ignore,
      info: ignore,
      warn: ignore,
      error: (obj: object, msg?: string) => errors.push({ obj, msg }),
    },
  };
}

describe('event bus: emit', () => {
  it('builds the envelope: evt_ id, type, version, product, time, actor, parsed payload', async () => {
    const clock = createFakeClock(Date.UTC(2026, 10, 26, 8, 0, 0));
    const bus = createEventBus({ clock });
    const event = await bus.emit('user.created', created, {
      ...ctx,
      actor: { type: 'admin', id: 'adm_1', impersonatedBy: 'adm_2' },
    });
    expect(event).toEqual({
      id: expect.stringMatching(idPattern('evt')),
      type: 'user.created',
      version: 1,
      productId: 'prod_a',
      occurredAt: '2026-11-26T08:00:00.000Z',
      actor: { type: 'admin', id: 'adm_1', impersonatedBy: 'adm_2' },
      payload: created,
    });
  });

  it('rejects unknown types, bad payloads and bad contexts at the emitter', async () => {
    const bus = createEventBus();
    const seen: EventEnvelope[] = [];
    bus.on({ name: 'all', types: '*', handler: (event) => void seen.push(event) });
    const reasons = await Promise.all([
      bus.emit('user.exploded' as 'user.created', created, ctx).catch((error: unknown) => error),
      bus.emit('user.created', { ...created, email: 'nope' }, ctx).catch((error: unknown) => error),
      bus.emit('user.created', created, { productId: 'a/b', actor }).catch((error: unknown) => error),
      bus
        .emit('user.created', created, { ...ctx, actor: { type: 'robot', id: 'r' } as unknown as Actor })
        .catch((error: unknown) => error),
    ]);
    const codes = reasons.map((reason) =>
      isAppError(reason)
        ? (reason.extensions.errors as Array<{ code: string; path: string }>).map((issue) => issue.path)
        : reason,
    );
    expect(codes).toEqual([['type'], ['payload.email'], ['ctx.productId'], ['ctx.actor']]);
    await settle();
    expect(seen).toEqual([]);
  });

  it('delivers to subscribers of the type and to wildcard subscribers, after emit returned', async () => {
    const bus = createEventBus();
    const calls: string[] = [];
    bus.on({
      name: 'users',
      types: ['user.created'],
      handler: (event) => void calls.push(`users:${event.type}`),
    });
    bus.on({ name: 'all', types: '*', handler: (event) => void calls.push(`all:${event.type}`) });
    bus.on({ name: 'flags', types: ['flag.toggled'], handler: () => void calls.push('flags') });
    const emitted = bus.emit('user.created', created, ctx);
    expect(calls).toEqual([]); // handlers run in their own microtasks, never inside emit
    await emitted;
    await settle();
    expect(calls.sort()).toEqual(['all:user.created', 'users:user.created']);
  });

  it('isolates handlers: throwing, rejecting and never-settling handlers fail nothing else', async () => {
    const registry = new Registry();
    const { errors, logger } = recordingLogger();
    const bus = createEventBus();
    bus.bind({ store: createMemoryStore(), clock: createFakeClock(), logger, metrics: registry });
    const received: string[] = [];
    bus.on({
      name: 'thrower',
      types: '*',
      handler: () => {
        throw new Error('boom');
      },
    });
    bus.on({
      name: 'rejecter',
      types: '*',
      handler: async () => {
        throw new Error('async boom');
      },
    });
    bus.on({ name: 'hanger', types: '*', handler: () => new Promise(() => {}) });
    bus.on({ name: 'good', types: '*', handler: (event) => void received.push(event.id) });
    const first = await bus.emit('user.created', created, ctx);
    const second = await bus.emit('user.deleted', { userId: 'usr_1' }, ctx);
    await settle();
    expect(received).toEqual([first.id, second.id]);
    expect(errors.map((entry) => (entry.obj as { subscriber: string }).subscriber).sort()).toEqual([
      'rejecter',
      'rejecter',
      'thrower',
      'thrower',
    ]);
    const metrics = await registry.getMetricsAsJSON();
    const value = (name: string, label: string) =>
      metrics
        .find((metric) => metric.name === name)
        ?.values.find((sample) => sample.labels.subscriber === label || sample.labels.type === label)?.value;
    expect(value('events_handler_failures_total', 'thrower')).toBe(2);
    expect(value('events_handler_failures_total', 'rejecter')).toBe(2);
    expect(value('events_handlers_in_flight', 'hanger')).toBe(2);
    expect(value('events_emitted_total', 'user.created')).toBe(1);
  });

  it('stops delivering after unsubscribe, and refuses subscriptions to types not in the catalog', async () => {
    const bus = createEventBus();
    const calls: string[] = [];
    const off = bus.on({ name: 'once', types: '*', handler: (event) => void calls.push(event.type) });
    await bus.emit('user.deleted', { userId: 'u' }, ctx);
    off();
    await bus.emit('user.deleted', { userId: 'u' }, ctx);
    await settle();
    expect(calls).toEqual(['user.deleted']);
    expect(() => bus.on({ name: 'typo', types: ['user.craeted'], handler: () => {} })).toThrow(
      /not in the catalog/,
    );
    expect(() => bus.on({ name: 'Bad Name', types: '*', handler: () => {} })).toThrow(/Subscriber name/);
  });

  it('stages without dispatching, and refuses durable delivery while unbound', async () => {
    const bus = createEventBus();
    const calls: string[] = [];
    bus.on({ name: 'all', types: '*', handler: (event) => void calls.push(event.id) });
    const staged = bus.stage(
      'license.expired',
      { licenseId: 'lic_1', userId: 'u' },
      { productId: 'p', actor: systemActor('jobs') },
    );
    await settle();
    expect(calls).toEqual([]);
    bus.subscribeDurable({ name: 'audit', types: '*', handler: () => {} });
    await expect(bus.publish([staged])).rejects.toThrow(/bound to a store/);
    await settle();
    expect(calls).toEqual([staged.id]); // in-process subscribers still heard it
  });
});
