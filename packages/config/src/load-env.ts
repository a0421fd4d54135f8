import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { inspectEnvSchema } from './env-field.js';

/** An environment: variable name → raw value. */
export type Env = Readonly<Record<string, string | undefined>>;

const MAX_ECHO_LENGTH = 60;

/** Shows a non-secret value in an error message: quoted, credentials in URLs masked, long values cut. */
function displayValue(value: string): string {
  let shown = value;
  if (URL.canParse(value)) {
    const url = new URL(value);
    if (url.password !== '') {
      url.password = '***';
      shown = url.toString();
    }
  }
  if (shown.length > MAX_ECHO_LENGTH) shown = `${shown.slice(0, MAX_ECHO_LENGTH)}…`;
  return JSON.stringify(shown);
}

/** Reads the schema's variables from `env`; empty or blank values count as unset. */
function pickInput(schema: z.ZodObject, env: Env): Record<string, string | undefined> {
  const input: Record<string, string | undefined> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = env[name];
    input[name] = value === undefined || value.trim() === '' ? undefined : value;
  }
  return input;
}

/**
 * Validates the variables `schema` declares against `env` (default `process.env`) and returns the
 * parsed values. Every invalid or missing variable is reported at once in one `ConfigError`, one
 * line per variable with its description. Values of secret variables (marked with `secret()` or
 * with a sensitive-looking name) are never echoed. Empty values count as unset.
 */
export function loadEnv<S extends z.ZodObject>(schema: S, env: Env = process.env): z.output<S> {
  const input = pickInput(schema, env);
  const result = schema.safeParse(input);
  if (result.success) return result.data;

  const fields = new Map(inspectEnvSchema(schema).map((field) => [field.name, field]));
  const messagesByVariable = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const variable = issue.path.length > 0 ? String(issue.path[0]) : '(configuration)';
    const field = fields.get(variable);
    const raw = input[variable];
    let message: string;
    if (field && raw === undefined) {
      message = 'required but not set';
    } else if (field && raw !== undefined && !field.hideValue) {
      message = `${issue.message}, got ${displayValue(raw)}`;
    } else {
      message = issue.message;
    }
    const messages = messagesByVariable.get(variable) ?? [];
    if (!messages.includes(message)) messages.push(message);
    messagesByVariable.set(variable, messages);
  }

  const issues: ConfigIssue[] = [...messagesByVariable].map(([variable, messages]) => {
    const description = fields.get(variable)?.description;
    const issue: ConfigIssue = { variable, message: messages.join('; ') };
    if (description) issue.description = description;
    return issue;
  });
  throw new ConfigError(issues);
}
