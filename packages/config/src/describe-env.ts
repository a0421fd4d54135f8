import type { z } from 'zod';
import { type EnvField, inspectEnvSchema } from './env-field.js';

export interface EnvSchemaSection {
  /** Section heading, usually the service name (`platform`). */
  title: string;
  schema: z.ZodObject;
}

export interface DescribeEnvOptions {
  /** Document title. Default `Configuration reference`. */
  heading?: string;
  /** Paragraph under the title. */
  intro?: string;
}

const DEFAULT_INTRO =
  'Environment variables read by each service, generated from their zod schemas by ' +
  '`pnpm docs:env` — do not edit by hand. Empty values count as unset. A secret can also be ' +
  'given as a file named by `<NAME>_FILE`, or come from Azure Key Vault when `KEYVAULT_URL` is set.';

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${cell(text)}${pad}${ticks}`;
}

function row(field: EnvField): string {
  const defaultValue =
    field.defaultValue === undefined ? '—' : field.defaultValue === '' ? '(empty)' : code(field.defaultValue);
  const columns = [
    code(field.name),
    cell(field.type),
    defaultValue,
    field.required ? 'yes' : 'no',
    field.secret ? 'yes' : 'no',
    cell(field.description ?? ''),
  ];
  return `| ${columns.join(' | ')} |`;
}

/**
 * Renders a Markdown configuration reference from env schemas: one section per entry, one table
 * row per variable (name, type or allowed values, default, required, secret, description).
 */
export function describeEnv(sections: readonly EnvSchemaSection[], options: DescribeEnvOptions = {}): string {
  const lines = [`# ${options.heading ?? 'Configuration reference'}`, '', options.intro ?? DEFAULT_INTRO];
  for (const section of sections) {
    lines.push('', `## ${section.title}`, '');
    const fields = inspectEnvSchema(section.schema);
    if (fields.length === 0) {
      lines.push('No environment variables.');
      continue;
    }
    lines.push(
      '| Variable | Type | Default | Required | Secret | Description |',
      '|---|---|---|---|---|---|',
    );
    for (const field of fields) lines.push(row(field));
  }
  return `${lines.join('\n')}\n`;
}
