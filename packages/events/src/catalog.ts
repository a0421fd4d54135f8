/**
 * The event catalog: every event type the platform may emit, with its version, a description and
 * the zod schema of its payload. `emit` validates against it; `describe()` lists it with JSON
 * Schemas for subscribers (the webhooks API shows it). Modules add their own entries through the
 * module contract (`events.definitions`), and extend the `EventPayloads` interface for types.
 */
import { ValidationError } from '@groundwork/errors';
import { z } from 'zod';

/** One catalog entry. `version` goes up when the payload changes incompatibly. */
export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  type: T;
  version: number;
  description: string;
  payload: S;
}

/** A catalog entry as consumers see it. */
export interface CatalogEntry {
  type: string;
  version: number;
  description: string;
  /** JSON Schema (draft 2020-12) of the payload. */
  schema: Record<string, unknown>;
}

const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** Checks and returns a definition: `domain.event_name`, lowercase, at least one dot; version ≥ 1. */
export function defineEvent<const T extends string, S extends z.ZodType>(
  definition: EventDefinition<T, S>,
): EventDefinition<T, S> {
  if (!EVENT_TYPE.test(definition.type) || definition.type.length > 100) {
    throw new TypeError(
      `Event type "${definition.type}" must be lowercase dotted words, e.g. "user.created" (at most 100 characters).`,
    );
  }
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new TypeError(`Event "${definition.type}" needs a whole version number of at least 1.`);
  }
  return definition;
}

/** Turns a zod error into field issues under `payload.`. */
function payloadIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({
    path: ['payload', ...issue.path.map(String)].join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

export class EventCatalog {
  private readonly entries = new Map<string, EventDefinition>();
  private described: CatalogEntry[] | undefined;

  constructor(definitions: readonly EventDefinition[] = []) {
    for (const definition of definitions) this.add(definition);
  }

  /** Adds an entry; a type defined twice is a TypeError (two modules cannot own one event). */
  add(definition: EventDefinition): void {
    defineEvent(definition);
    if (this.entries.has(definition.type)) {
      throw new TypeError(`Event "${definition.type}" is defined twice in the catalog.`);
    }
    this.entries.set(definition.type, definition);
    this.described = undefined;
  }

  get(type: string): EventDefinition | undefined {
    return this.entries.get(type);
  }

  has(type: string): boolean {
    return this.entries.has(type);
  }

  types(): string[] {
    return [...this.entries.keys()].sort();
  }

  /**
   * The validated (parsed) payload of a `type` event. Throws `ValidationError` with code
   * `unknown_event_type` for a type not in the catalog, or listing each bad field of the payload.
   */
  validate(type: string, payload: unknown): unknown {
    const definition = this.entries.get(type);
    if (!definition) {
      throw new ValidationError(
        [
          {
            path: 'type',
            message: `"${type}" is not in the event catalog.`,
            code: 'unknown_event_type',
          },
        ],
        `Unknown event type "${type}".`,
      );
    }
    const parsed = definition.payload.safeParse(payload);
    if (!parsed.success) {
      throw new ValidationError(payloadIssues(parsed.error), `Invalid payload for event "${type}".`);
    }
    return parsed.data;
  }

  /** Every entry with its payload's JSON Schema, sorted by type. */
  describe(): CatalogEntry[] {
    this.described ??= this.types().map((type) => {
      const { version, description, payload } = this.entries.get(type) as EventDefinition;
      return {
        type,
        version,
        description,
        schema: z.toJSONSchema(payload, { unrepresentable: 'any' }) as Record<string, unknown>,
      };
    });
    return this.described;
  }
}
