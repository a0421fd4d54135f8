/**
 * The events platform module: composition only. It binds the bus to the service (store, clock,
 * logger, metrics), registers the `events.deliver` and `events.outbox-relay` task handlers and the
 * relay's schedule with the jobs module (through the module contract's `jobs` member), declares
 * the receipts container and mounts the catalog route. `eventsExtension` hands it every module's
 * `events` declarations at startup.
 */
import type { ExtensionContext, ModuleExtension, PlatformModule } from '@groundwork/http';
import { defineModule } from '@groundwork/http';
import { DELIVER_TASK_TYPE, type EventBus } from './bus.js';
import { collectModuleEvents } from './module-contract.js';
import { createOutbox, DEFAULT_OUTBOX_GRACE_MS, type Outbox } from './outbox.js';
import { EVENT_RECEIPTS_CONTAINER } from './receipts.js';
import { eventCatalogRoutes } from './routes.js';

export const OUTBOX_RELAY_TASK_TYPE = 'events.outbox-relay';

export interface EventsModuleOptions {
  bus: EventBus;
  /** The product the relay job's tasks are recorded under (the service's own product). */
  productId: string;
  /** How often the outbox relay runs (default 10 s). */
  relayEveryMs?: number;
  /** Outboxes younger than this are left to their writer (default 30 s). */
  outboxGraceMs?: number;
}

interface EventsRuntime {
  outbox: Outbox | undefined;
  containers: string[];
}

const runtimes = new WeakMap<EventBus, EventsRuntime>();
const eventsModules = new WeakMap<PlatformModule, EventBus>();

function runtimeOf(bus: EventBus): EventsRuntime {
  let runtime = runtimes.get(bus);
  if (!runtime) {
    runtime = { outbox: undefined, containers: [] };
    runtimes.set(bus, runtime);
  }
  return runtime;
}

/** The outbox of a bus bound by the events module (see `outbox.ts`). */
export function outboxOf(bus: EventBus): Outbox {
  const outbox = runtimes.get(bus)?.outbox;
  if (!outbox)
    throw new Error('The outbox needs the event bus mounted with createEventsModule in a built service.');
  return outbox;
}

export function createEventsModule(options: EventsModuleOptions): PlatformModule {
  const { bus } = options;
  const module = defineModule({
    name: 'events',
    containers: [EVENT_RECEIPTS_CONTAINER],
    jobs: {
      handlers: {
        [DELIVER_TASK_TYPE]: bus.deliveryHandler,
        [OUTBOX_RELAY_TASK_TYPE]: async () => ({
          published: await outboxOf(bus).relay(),
        }),
      },
      definitions: [
        {
          name: OUTBOX_RELAY_TASK_TYPE,
          type: OUTBOX_RELAY_TASK_TYPE,
          productId: options.productId,
          schedule: { everyMs: options.relayEveryMs ?? 10_000 },
          overlap: 'skip',
          catchUp: { policy: 'latest' },
        },
      ],
    },
    routes: eventCatalogRoutes(bus.catalog),
  });
  eventsModules.set(module, bus);
  return module;
}

function bindBus(bus: EventBus, ctx: ExtensionContext, graceMs: number): void {
  bus.bind({
    store: ctx.store,
    clock: ctx.clock,
    logger: ctx.logger,
    metrics: ctx.metrics,
  });
  const runtime = runtimeOf(bus);
  runtime.outbox ??= createOutbox({
    bus,
    store: ctx.store,
    clock: ctx.clock,
    logger: ctx.logger,
    containers: () => runtime.containers,
    graceMs,
  });
}

/**
 * Pass in `createServiceApp({ extensions: [eventsExtension, jobsExtension] })`. Binds the bus and
 * registers every module's catalog entries and subscribers on it; fails startup on a duplicate
 * type or subscriber, or when modules declare events but no events module is mounted.
 */
export const eventsExtension: ModuleExtension = (modules, ctx) => {
  const buses = modules.flatMap((module) => {
    const bus = eventsModules.get(module);
    return bus ? [bus] : [];
  });
  const collected = collectModuleEvents(modules);
  if (buses.length === 0) {
    const declaring = modules.filter((module) => module.events !== undefined).map((module) => module.name);
    if (declaring.length > 0) {
      throw new TypeError(
        `Modules ${declaring.map((name) => `"${name}"`).join(', ')} declare events, but no events module (createEventsModule) is mounted.`,
      );
    }
    return;
  }
  if (buses.length > 1) throw new TypeError('Mount one events module per service.');
  const bus = buses[0] as EventBus;
  bindBus(bus, ctx, DEFAULT_OUTBOX_GRACE_MS);
  for (const definition of collected.definitions) bus.define(definition);
  for (const subscriber of collected.subscribers) bus.on(subscriber);
  for (const subscriber of collected.durableSubscribers) bus.subscribeDurable(subscriber);
  runtimeOf(bus).containers.push(...collected.outboxContainers);
};
