/**
 * The events member of the module contract (decision 0004): a module may add catalog entries,
 * subscribe in-process or durably, and name the containers whose documents carry an outbox.
 * `eventsExtension` collects them at startup and hands them to the events module's bus.
 */
import type { PlatformModule } from '@groundwork/http';
import type { EventDefinition } from './catalog.js';
import type { DurableSubscriber, InProcessSubscriber } from './subscribers.js';

/** What a module declares under `events`. */
export interface ModuleEvents {
  /** Catalog entries this module owns (a type may be defined once in the service). */
  definitions?: EventDefinition[];
  /** In-process subscribers (best effort, isolated). */
  subscribers?: InProcessSubscriber[];
  /** Durable subscribers (through the jobs queue, at-least-once, deduplicated by event id). */
  durableSubscribers?: DurableSubscriber[];
  /** Containers whose documents may carry an outbox (`withOutbox`); the relay scans them. */
  outboxContainers?: string[];
}

declare module '@groundwork/http' {
  interface PlatformModule {
    /** Events this module defines and subscribes to (needs `createEventsModule` and `eventsExtension`). */
    events?: ModuleEvents;
  }
}

/** Every module's `events`, merged; a duplicate event type or subscriber name fails with both module names. */
export function collectModuleEvents(modules: readonly PlatformModule[]): Required<ModuleEvents> {
  const collected: Required<ModuleEvents> = {
    definitions: [],
    subscribers: [],
    durableSubscribers: [],
    outboxContainers: [],
  };
  const owners = new Map<string, string>();
  const claim = (key: string, what: string, module: string) => {
    const owner = owners.get(key);
    if (owner !== undefined) {
      throw new TypeError(`${what} is declared by both module "${owner}" and module "${module}".`);
    }
    owners.set(key, module);
  };
  for (const module of modules) {
    const events = module.events;
    if (!events) continue;
    for (const definition of events.definitions ?? []) {
      claim(`type:${definition.type}`, `Event "${definition.type}"`, module.name);
      collected.definitions.push(definition);
    }
    for (const subscriber of [...(events.subscribers ?? []), ...(events.durableSubscribers ?? [])]) {
      claim(`subscriber:${subscriber.name}`, `Subscriber "${subscriber.name}"`, module.name);
    }
    collected.subscribers.push(...(events.subscribers ?? []));
    collected.durableSubscribers.push(...(events.durableSubscribers ?? []));
    for (const container of events.outboxContainers ?? []) {
      if (!collected.outboxContainers.includes(container)) collected.outboxContainers.push(container);
    }
  }
  return collected;
}
