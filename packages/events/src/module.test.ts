import { defineModule, type PlatformModule } from '@groundwork/http';
import { createJobsModule, createWorker, jobsExtension } from '@groundwork/jobs';
import { bearer, createFakeClock, createTestService } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEventBus, DELIVER_TASK_TYPE } from './bus.js';
import { defineEvent } from './catalog.js';
import type { EventEnvelope } from './envelope.js';
import { createEventsModule, eventsExtension, OUTBOX_RELAY_TASK_TYPE, outboxOf } from './module.js';
import { withOutbox } from './outbox.js';

declare module './built-in-events.js' {
  interface EventPayloads {
    'note.shared': { noteId: string };
  }
}

const noteShared = defineEvent({
  type: 'note.shared',
  version: 1,
  description: 'A note was shared.',
  payload: z.strictObject({ noteId: z.string() }),
});

const jobs = () => createJobsModule({ runnerEnabled: false, tickIntervalMs: 60_000 });
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function notesModule(received: EventEnvelope[], heard: string[]): PlatformModule {
  return defineModule({
    name: 'notes',
    containers: [{ name: 'notes', partitionKey: '/productId' }],
    events: {
      definitions: [noteShared],
      subscribers: [
        { name: 'notes-log', types: ['note.shared'], handler: (event) => void heard.push(event.id) },
      ],
      durableSubscribers: [
        { name: 'notes-index', types: ['note.shared'], handler: (event) => void received.push(event) },
      ],
      outboxContainers: ['notes'],
    },
  });
}

async function service(modules: PlatformModule[]) {
  const built = await createTestService({
    modules,
    extensions: [eventsExtension, jobsExtension],
    clock: createFakeClock(Date.UTC(2026, 10, 26)),
  });
  closers.push(async () => void (await built.service.stop()));
  return built;
}

describe('events module', () => {
  it('serves the catalog, with module events, to any authenticated caller', async () => {
    const bus = createEventBus();
    const { service: svc } = await service([
      createEventsModule({ bus, productId: 'prod_ops' }),
      jobs(),
      notesModule([], []),
    ]);
    const anonymous = await svc.app.inject({ method: 'GET', url: '/v1/events/catalog' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const listed = await svc.app.inject({
      method: 'GET',
      url: '/v1/events/catalog',
      headers: bearer('ann', 'acme', []),
    });
    expect(listed.statusCode).toBe(200);
    const types = (listed.json() as { items: Array<{ type: string }> }).items.map((entry) => entry.type);
    expect(types).toContain('note.shared');
    expect(types).toContain('user.created');
    expect(types).toHaveLength(16);
  });

  it('binds the bus, wires module subscribers, and delivers a flushed outbox through the jobs queue', async () => {
    const bus = createEventBus();
    const received: EventEnvelope[] = [];
    const heard: string[] = [];
    const { store, clock } = await service([
      createEventsModule({ bus, productId: 'prod_ops' }),
      jobs(),
      notesModule(received, heard),
    ]);
    const event = bus.stage(
      'note.shared',
      { noteId: 'note_1' },
      { productId: 'acme', actor: { type: 'user', id: 'ann' } },
    );
    const notes = store.container('notes');
    const written = await notes.create(withOutbox({ id: 'note_1', pk: 'acme', productId: 'acme' }, [event]));
    await outboxOf(bus).flush('notes', written);
    expect(await notes.read('note_1', 'acme')).not.toHaveProperty('eventOutbox');
    const worker = createWorker({ store, clock, handlers: { [DELIVER_TASK_TYPE]: bus.deliveryHandler } });
    expect(await worker.runOnce()).toBe(1);
    expect(received.map((seen) => seen.id)).toEqual([event.id]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toEqual([event.id]);
  });

  it('schedules the outbox relay as a job of the service product', async () => {
    const bus = createEventBus();
    const { service: svc } = await service([
      createEventsModule({ bus, productId: 'prod_ops', relayEveryMs: 5_000 }),
      jobs(),
    ]);
    const listed = await svc.app.inject({
      method: 'GET',
      url: '/v1/jobs',
      headers: bearer('root', 'prod_ops', ['admin']),
    });
    expect(listed.json()).toMatchObject({
      items: [expect.objectContaining({ name: OUTBOX_RELAY_TASK_TYPE })],
    });
  });

  it('fails startup when two modules own one subscriber, or events are declared without the events module', async () => {
    const bus = createEventBus();
    const twin = defineModule({
      name: 'twin',
      events: { durableSubscribers: [{ name: 'notes-index', types: '*', handler: () => {} }] },
    });
    await expect(
      createTestService({
        modules: [createEventsModule({ bus, productId: 'p' }), jobs(), notesModule([], []), twin],
        extensions: [eventsExtension, jobsExtension],
      }),
    ).rejects.toThrow(/Subscriber "notes-index" is declared by both module "notes" and module "twin"/);
    await expect(
      createTestService({ modules: [notesModule([], [])], extensions: [eventsExtension] }),
    ).rejects.toThrow(/declare events, but no events module/);
  });
});
