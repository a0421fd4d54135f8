/**
 * The events of the flags module. `flag.toggled` is a built-in platform event (roadmap §2.3:
 * `{ flagId, enabled, percentage }`); the module adds `flag.created`, `flag.updated` and
 * `flag.deleted` to the catalog through its `events.definitions`.
 */
import { defineEvent } from '@groundwork/events';
import { z } from 'zod';

const id = z.string().min(1).max(200);
const key = z.string().min(1).max(100);

export const flagEventDefinitions = [
  defineEvent({
    type: 'flag.created',
    version: 1,
    description: 'A feature flag was created.',
    payload: z.strictObject({ flagId: id, key, enabled: z.boolean() }),
  }),
  defineEvent({
    type: 'flag.updated',
    version: 1,
    description: 'A feature flag’s configuration changed (`changed` lists the fields).',
    payload: z.strictObject({
      flagId: id,
      key,
      version: z.number().int().min(1),
      changed: z.array(z.string().max(50)).max(20),
    }),
  }),
  defineEvent({
    type: 'flag.deleted',
    version: 1,
    description: 'A feature flag was deleted.',
    payload: z.strictObject({ flagId: id, key }),
  }),
];

declare module '@groundwork/events' {
  interface EventPayloads {
    'flag.created': { flagId: string; key: string; enabled: boolean };
    'flag.updated': { flagId: string; key: string; version: number; changed: string[] };
    'flag.deleted': { flagId: string; key: string };
  }
}
