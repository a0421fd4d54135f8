/**
 * Handlebars rendering. One private Handlebars environment (no global helpers or partials), strict
 * mode (a variable the data does not have is an error, not an empty string), HTML escaping on for
 * HTML bodies and the shared layout, off for subjects, text bodies and push texts. Compiled
 * templates are cached by source. Variables are checked with the template's zod schema before
 * rendering; an override is checked at save time by rendering it with the sample data.
 */
import type { FieldIssue } from '@groundwork/errors';
import Handlebars from 'handlebars';
import type { z } from 'zod';
import type { EmailTemplateDefinition, PushTypeDefinition } from './template-catalog.js';

/** Variables every template may use beside its own. */
export interface BaseVariables {
  productName: string;
  appUrl: string;
  year: number;
  /** The preferences page, for non-transactional mail; `null` otherwise. */
  unsubscribeUrl: string | null;
}

export interface EmailSource {
  subject: string;
  html: string;
  text: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface RenderedPush {
  title: string;
  body: string;
}

/** The shared HTML layout: `body` is the rendered (already escaped) template body. */
export const EMAIL_LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{{subject}}</title></head>
<body style="margin:0;padding:0;background:#f5f5f7;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1d1d1f">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#fff;border-radius:8px">
<tr><td style="padding:24px 32px;font-size:18px;font-weight:600">{{productName}}</td></tr>
<tr><td style="padding:0 32px 24px;font-size:15px;line-height:1.5">{{body}}</td></tr>
<tr><td style="padding:16px 32px;font-size:12px;color:#6e6e73">© {{year}} {{productName}}{{#if unsubscribeUrl}} · <a href="{{unsubscribeUrl}}" style="color:#6e6e73">Notification settings</a>{{/if}}</td></tr>
</table></td></tr></table>
</body>
</html>`;

const TEXT_FOOTER =
  '\n\n—\n{{productName}} · {{appUrl}}{{#if unsubscribeUrl}}\nNotification settings: {{unsubscribeUrl}}{{/if}}\n';

type Compiled = (data: Record<string, unknown>) => string;

export class TemplateRenderError extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    this.name = 'TemplateRenderError';
    this.issues = issues;
  }
}

export interface Renderer {
  /** Checks `data` against the template's variables; returns the parsed data (defaults applied). */
  parseData(variables: z.ZodObject, data: unknown, path?: string): Record<string, unknown>;
  renderEmail(
    definition: EmailTemplateDefinition,
    source: EmailSource,
    data: Record<string, unknown>,
    base: BaseVariables,
  ): RenderedEmail;
  renderPush(
    definition: PushTypeDefinition,
    data: Record<string, unknown>,
    base: BaseVariables,
  ): RenderedPush;
  /** Issues of an override: syntax errors, or variables the template does not declare (rendered with the sample). */
  checkSource(definition: EmailTemplateDefinition, source: EmailSource, base: BaseVariables): FieldIssue[];
}

export function createRenderer(): Renderer {
  const handlebars = Handlebars.create();
  // Admin-edited templates must not write to the process's console.
  handlebars.unregisterHelper('log');
  const cache = new Map<string, Compiled>();
  const MAX_CACHE = 500;

  function compile(source: string, escapeHtml: boolean): Compiled {
    const key = `${escapeHtml ? 'h' : 't'}:${source}`;
    let compiled = cache.get(key);
    if (!compiled) {
      compiled = handlebars.compile(source, { strict: true, noEscape: !escapeHtml, knownHelpersOnly: true });
      if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value as string);
      cache.set(key, compiled);
    }
    return compiled;
  }

  function run(path: string, source: string, escapeHtml: boolean, data: Record<string, unknown>): string {
    try {
      return compile(source, escapeHtml)(data);
    } catch (error) {
      const message =
        error instanceof Error ? (error.message.split('\n')[0] ?? 'cannot render') : String(error);
      throw new TemplateRenderError([{ path, message: cleanMessage(message), code: 'template_render' }]);
    }
  }

  function renderEmail(
    definition: EmailTemplateDefinition,
    source: EmailSource,
    data: Record<string, unknown>,
    base: BaseVariables,
  ): RenderedEmail {
    const vars = { ...data, ...base };
    const subject = run('subject', source.subject, false, vars)
      .replace(/[\r\n]+/g, ' ')
      .trim();
    const body = run('html', source.html, true, vars);
    const text = run('text', source.text, false, vars) + run('text', TEXT_FOOTER, false, vars);
    const html = compile(EMAIL_LAYOUT, true)({ ...vars, subject, body: new handlebars.SafeString(body) });
    void definition;
    return { subject, html, text };
  }

  // `.strict()` builds a new schema: once per template, not per call.
  const strictSchemas = new WeakMap<z.ZodObject, z.ZodObject>();
  const strictOf = (variables: z.ZodObject): z.ZodObject => {
    let strict = strictSchemas.get(variables);
    if (!strict) {
      strict = variables.strict();
      strictSchemas.set(variables, strict);
    }
    return strict;
  };

  return {
    parseData(variables, data, path = 'data') {
      const parsed = strictOf(variables).safeParse(data ?? {});
      if (!parsed.success) {
        throw new TemplateRenderError(
          parsed.error.issues.map((issue) => ({
            path: [path, ...issue.path.map(String)].join('.'),
            message: issue.message,
            code: issue.code,
          })),
        );
      }
      return parsed.data as Record<string, unknown>;
    },
    renderEmail,
    renderPush(definition, data, base) {
      const vars = { ...data, ...base };
      return {
        title: run('title', definition.title, false, vars),
        body: run('body', definition.body, false, vars),
      };
    },
    checkSource(definition, source, base) {
      const issues: FieldIssue[] = [];
      const sample = definition.variables.parse(definition.sample) as Record<string, unknown>;
      const vars = { ...sample, ...base };
      for (const [path, text, escapeHtml] of [
        ['subject', source.subject, false],
        ['html', source.html, true],
        ['text', source.text, false],
      ] as const) {
        try {
          run(path, text, escapeHtml, vars);
        } catch (error) {
          if (error instanceof TemplateRenderError) issues.push(...error.issues);
          else throw error;
        }
      }
      return issues;
    },
  };
}

function cleanMessage(message: string): string {
  // Handlebars: `"foo" not defined in [object Object] - 1:5` → `"foo" is not a variable of this template (line 1:5)`.
  const missing = /^"([^"]+)" not defined in .*? - (\d+:\d+)$/.exec(message);
  if (missing) return `"${missing[1]}" is not a variable of this template (at ${missing[2]})`;
  return message.slice(0, 300);
}
