import { describe, expect, it } from 'vitest';
import { createRenderer, TemplateRenderError } from './renderer.js';
import { EMAIL_TEMPLATES, emailTemplate, PUSH_TYPES } from './template-catalog.js';

const base = { productName: 'Acme', appUrl: 'https://app.acme.test', year: 2026, unsubscribeUrl: null };

describe('renderer', () => {
  const renderer = createRenderer();

  it('renders every shipped template and push type with its sample data', () => {
    for (const definition of EMAIL_TEMPLATES) {
      const data = renderer.parseData(definition.variables, definition.sample);
      const rendered = renderer.renderEmail(definition, definition, data, base);
      expect(rendered.subject.length, definition.name).toBeGreaterThan(0);
      expect(rendered.html).toContain('<!doctype html>');
      expect(rendered.text).toContain('Acme · https://app.acme.test');
      expect(renderer.checkSource(definition, definition, base), definition.name).toEqual([]);
    }
    for (const definition of PUSH_TYPES) {
      const data = renderer.parseData(definition.variables, definition.sample);
      const rendered = renderer.renderPush(definition, data, base);
      expect(rendered.title.length, definition.name).toBeGreaterThan(0);
    }
  });

  it('escapes HTML in HTML bodies only, and keeps subjects on one line', () => {
    const definition = emailTemplate('invitation');
    if (!definition) throw new Error('missing');
    const data = renderer.parseData(definition.variables, {
      inviterName: '<script>alert(1)</script>\r\nBcc: x@evil.test',
      inviteUrl: 'https://app.acme.test/i?a=1&b=2',
    });
    const rendered = renderer.renderEmail(definition, definition, data, base);
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain('&lt;script&gt;');
    expect(rendered.html).toContain('href="https://app.acme.test/i?a&#x3D;1&amp;b&#x3D;2"');
    expect(rendered.text).toContain('<script>alert(1)</script>');
    expect(rendered.subject).not.toMatch(/[\r\n]/);
  });

  it('fails clearly on missing, unknown or wrong variables', () => {
    const definition = emailTemplate('password-reset');
    if (!definition) throw new Error('missing');
    try {
      renderer.parseData(definition.variables, { resetUrl: 'not a url', extra: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateRenderError);
      const paths = (error as TemplateRenderError).issues.map((i) => i.path).sort();
      expect(paths).toEqual(['data', 'data.expiresInMinutes', 'data.resetUrl']);
    }
    const issues = renderer.checkSource(
      definition,
      { subject: '{{resetLink}}', html: '{{#each}}', text: '{{resetUrl}} {{expiresInMinutes}}' },
      base,
    );
    expect(issues.map((i) => i.path)).toEqual(['subject', 'html']);
    expect(issues[0]?.message).toMatch(/"resetLink" is not a variable/);
  });

  it('offers no helpers beyond the built-ins (no template can reach into the process)', () => {
    const definition = emailTemplate('welcome');
    if (!definition) throw new Error('missing');
    const issues = renderer.checkSource(
      definition,
      { subject: '{{lookup this "constructor"}}', html: '{{log "x"}}', text: '{{custom plan}}' },
      base,
    );
    expect(issues.map((i) => i.path)).toEqual(['html', 'text']);
  });
});
