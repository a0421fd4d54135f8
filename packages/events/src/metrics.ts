/**
 * Event metrics in the service's registry: emits per type, in-process handler failures and
 * handlers still running (a handler that never settles shows here), durable deliveries enqueued.
 * Label children are cached, so counting costs a property lookup per emit.
 */
import { Counter, Gauge, type Registry } from 'prom-client';

export interface EventMetrics {
  emitted(type: string): void;
  handlerFailed(subscriber: string): void;
  handlerStarted(subscriber: string): void;
  handlerSettled(subscriber: string): void;
  enqueued(subscriber: string, count: number): void;
}

function cached<T>(make: (label: string) => T): (label: string) => T {
  const children = new Map<string, T>();
  return (label) => {
    let child = children.get(label);
    if (child === undefined) {
      child = make(label);
      children.set(label, child);
    }
    return child;
  };
}

export function registerEventMetrics(registry: Registry): EventMetrics {
  const emitted = new Counter({
    name: 'events_emitted_total',
    help: 'Events emitted (validated), by type.',
    labelNames: ['type'],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'events_handler_failures_total',
    help: 'In-process event handlers that threw or rejected, by subscriber.',
    labelNames: ['subscriber'],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'events_handlers_in_flight',
    help: 'In-process async event handlers not settled yet, by subscriber.',
    labelNames: ['subscriber'],
    registers: [registry],
  });
  const enqueued = new Counter({
    name: 'events_deliveries_enqueued_total',
    help: 'Durable deliveries enqueued on the jobs queue, by subscriber.',
    labelNames: ['subscriber'],
    registers: [registry],
  });
  const emittedOf = cached((type) => emitted.labels(type));
  const failuresOf = cached((subscriber) => failures.labels(subscriber));
  const inFlightOf = cached((subscriber) => inFlight.labels(subscriber));
  const enqueuedOf = cached((subscriber) => enqueued.labels(subscriber));
  return {
    emitted: (type) => emittedOf(type).inc(),
    handlerFailed: (subscriber) => failuresOf(subscriber).inc(),
    handlerStarted: (subscriber) => inFlightOf(subscriber).inc(),
    handlerSettled: (subscriber) => inFlightOf(subscriber).dec(),
    enqueued: (subscriber, count) => enqueuedOf(subscriber).inc(count),
  };
}

/** Counts nothing: a bus not bound to a service yet. */
export const noEventMetrics: EventMetrics = {
  emitted: () => {},
  handlerFailed: () => {},
  handlerStarted: () => {},
  handlerSettled: () => {},
  enqueued: () => {},
};
