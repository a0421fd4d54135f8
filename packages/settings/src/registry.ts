/**
 * The settings key registry: each known key has a zod schema (and optionally a default), per scope
 * (`user`, `device`). A value is validated by its key's schema before it is stored, so a bad value
 * never replaces a good one.
 *
 * Unknown keys (the default policy, `allow`): accepted when the key is well formed and the value is
 * plain JSON of at most `maxUnknownValueBytes` (default 4 KiB) — clients can keep small preferences
 * the server does not know yet. `reject` answers 400 `unknown_setting` instead. Whatever the policy,
 * a settings document holds at most `maxKeys` keys (default 200) and 64 KiB.
 */
import { ValidationError } from '@groundwork/errors';
import type { z } from 'zod';

export type SettingScope = 'user' | 'device';

export interface SettingDefinition {
  schema: z.ZodType;
  /** Returned when the key is not set (must satisfy the schema). */
  default?: unknown;
  description?: string;
}

export interface SettingsRegistryOptions {
  unknownKeys?: 'allow' | 'reject';
  maxUnknownValueBytes?: number;
  maxKeys?: number;
}

export interface SettingsRegistry {
  define(scope: SettingScope | 'both', key: string, definition: SettingDefinition): SettingsRegistry;
  /** The value to store, or a `ValidationError` naming `body.value`. */
  validate(scope: SettingScope, key: string, value: unknown): unknown;
  /** Defaults of every registered key of the scope. */
  defaults(scope: SettingScope): Record<string, unknown>;
  readonly maxKeys: number;
}

export const MAX_DOCUMENT_BYTES = 64 * 1024;

function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > 20) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, depth + 1));
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return false;
    return Object.values(value).every((item) => isPlainJson(item, depth + 1));
  }
  return false;
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

export function createSettingsRegistry(options: SettingsRegistryOptions = {}): SettingsRegistry {
  const unknownKeys = options.unknownKeys ?? 'allow';
  const maxUnknownValueBytes = options.maxUnknownValueBytes ?? 4 * 1024;
  const definitions: Record<SettingScope, Map<string, SettingDefinition>> = {
    user: new Map(),
    device: new Map(),
  };

  const registry: SettingsRegistry = {
    maxKeys: options.maxKeys ?? 200,
    define(scope, key, definition) {
      for (const target of scope === 'both' ? (['user', 'device'] as const) : [scope]) {
        if (definitions[target].has(key))
          throw new TypeError(`Setting "${key}" (${target}) is defined twice.`);
        if (definition.default !== undefined && !definition.schema.safeParse(definition.default).success)
          throw new TypeError(`The default of setting "${key}" does not satisfy its schema.`);
        definitions[target].set(key, definition);
      }
      return registry;
    },
    validate(scope, key, value) {
      const definition = definitions[scope].get(key);
      if (definition) {
        const parsed = definition.schema.safeParse(value);
        if (parsed.success) return parsed.data;
        throw new ValidationError(
          parsed.error.issues.map((issue) => ({
            path: ['body', 'value', ...issue.path.map(String)].join('.'),
            message: issue.message,
            code: issue.code,
          })),
          `The value of "${key}" is invalid.`,
        );
      }
      if (unknownKeys === 'reject')
        throw new ValidationError(
          [{ path: 'params.key', message: `"${key}" is not a known setting`, code: 'unknown_setting' }],
          `"${key}" is not a known setting.`,
        );
      if (!isPlainJson(value))
        throw new ValidationError([
          { path: 'body.value', message: 'must be plain JSON', code: 'invalid_type' },
        ]);
      if (jsonBytes(value) > maxUnknownValueBytes)
        throw new ValidationError([
          {
            path: 'body.value',
            message: `must be at most ${maxUnknownValueBytes} bytes of JSON`,
            code: 'too_big',
          },
        ]);
      return value;
    },
    defaults(scope) {
      const values: Record<string, unknown> = {};
      for (const [key, definition] of definitions[scope])
        if (definition.default !== undefined) values[key] = definition.default;
      return values;
    },
  };
  return registry;
}
