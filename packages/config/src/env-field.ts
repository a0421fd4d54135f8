import { z } from 'zod';

/** Metadata Groundwork reads from env schemas (set with `.meta()`; `.describe()` sets `description`). */
export interface EnvMeta {
  /** The value is a secret: never echoed in errors, marked in the configuration reference. */
  secret?: boolean;
  /** Human-readable type for the configuration reference, e.g. `integer 1–65535`. */
  envType?: string;
  description?: string;
}

/** Marks a schema as holding a secret: its value is never echoed in error messages. */
export function secret<T extends z.ZodType>(schema: T): T {
  return schema.meta({ secret: true });
}

const SENSITIVE_NAME =
  /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE_KEY|CREDENTIAL|CONNECTION_STRING|API_KEY|ACCESS_KEY|SIGNING_KEY)/i;

/** Whether a variable's name suggests a secret even when its schema is not marked (`JWT_SECRET`, `SMTP_PASSWORD`). */
export function looksSensitive(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/** What `describeEnv` and `loadEnv` know about one variable of an env schema. */
export interface EnvField {
  name: string;
  description: string | undefined;
  /** Marked with `secret()` or `.meta({ secret: true })`. */
  secret: boolean;
  /** Its value must never be echoed: marked secret, or its name looks sensitive (see `looksSensitive`). */
  hideValue: boolean;
  /** Human-readable type or allowed values. */
  type: string;
  /** True when a value must be provided (no default, not optional). */
  required: boolean;
  /** The default as it would be written in the environment, when there is one. */
  defaultValue: string | undefined;
}

type AnySchema = z.core.$ZodType;

function metaOf(schema: AnySchema): EnvMeta {
  const meta = z.globalRegistry.get(schema);
  if (!meta) return {};
  const result: EnvMeta = {};
  if (typeof meta.description === 'string') result.description = meta.description;
  if (meta.secret === true) result.secret = true;
  if (typeof meta.envType === 'string') result.envType = meta.envType;
  return result;
}

/** Renders a default value the way it would be written in an env file. */
export function formatEnvValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => formatEnvValue(item)).join(',');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? '';
}

function describeBaseType(schema: AnySchema): string {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'string': {
      const format = (schema as z.core.$ZodStringFormat)._zod.def.format;
      return format ? `string (${format})` : 'string';
    }
    case 'number': {
      const number = schema as z.ZodNumber;
      const kind = number.isInt ? 'integer' : 'number';
      const min = Number.isFinite(number.minValue) ? number.minValue : null;
      const max = Number.isFinite(number.maxValue) ? number.maxValue : null;
      if (min !== null && max !== null) return `${kind} ${min}–${max}`;
      if (min !== null) return `${kind} ≥ ${min}`;
      if (max !== null) return `${kind} ≤ ${max}`;
      return kind;
    }
    case 'boolean':
      return 'boolean';
    case 'enum':
      return `one of: ${Object.values(def.entries).map(String).join(', ')}`;
    case 'literal':
      return `one of: ${def.values.map(String).join(', ')}`;
    case 'array':
      return 'list';
    case 'pipe': {
      const out = def.out as z.core.$ZodTypes;
      return out._zod.def.type === 'transform' ? describeBaseType(def.in) : describeBaseType(def.out);
    }
    default:
      return def.type;
  }
}

/** Reads name, description, secrecy, type, default and requiredness of one field of an env schema. */
export function inspectEnvField(name: string, schema: AnySchema): EnvField {
  let current: AnySchema = schema;
  let meta: EnvMeta = {};
  let required = true;
  let defaultValue: string | undefined;
  // Unwrap default/optional/… wrappers; metadata on outer wrappers wins over inner metadata.
  for (let depth = 0; depth < 32; depth += 1) {
    meta = { ...metaOf(current), ...meta };
    const def = (current as z.core.$ZodTypes)._zod.def;
    if (def.type === 'default' || def.type === 'prefault') {
      if (defaultValue === undefined) defaultValue = formatEnvValue(def.defaultValue);
      required = false;
      current = def.innerType;
    } else if (def.type === 'optional') {
      required = false;
      current = def.innerType;
    } else if (def.type === 'nullable' || def.type === 'readonly' || def.type === 'catch') {
      current = def.innerType;
    } else {
      break;
    }
  }
  meta = { ...metaOf(current), ...meta };
  return {
    name,
    description: meta.description,
    secret: meta.secret === true,
    hideValue: meta.secret === true || looksSensitive(name),
    type: meta.envType ?? describeBaseType(current),
    required,
    defaultValue,
  };
}

/** Inspects every field of an env object schema, in declaration order. */
export function inspectEnvSchema(schema: z.ZodObject): EnvField[] {
  return Object.entries(schema.shape).map(([name, field]) => inspectEnvField(name, field));
}
