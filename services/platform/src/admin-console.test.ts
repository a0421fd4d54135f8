import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineModule, type ServiceApp } from '@groundwork/http';
import { createTestService } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_CONSOLE_HEADERS, adminConsoleExtension, findAdminConsoleRoot } from './admin-console.js';

const services: ServiceApp[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const INDEX =
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/admin/assets/app-abc123.js"></script></body></html>';

function builtConsole(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'admin-console-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), INDEX);
  writeFileSync(path.join(root, 'assets', 'app-abc123.js'), 'console.log("app")');
  writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'TOP-SECRET-CONTENT');
  dirs.push(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`));
  return root;
}

async function serve(root: string | undefined) {
  const empty = defineModule({ name: 'empty' });
  const { service } = await createTestService({
    modules: [empty],
    extensions: [adminConsoleExtension({ root })],
  });
  services.push(service);
  return service.app;
}

describe('admin console', () => {
  it('serves index.html for app routes, revalidated, with page security headers', async () => {
    const app = await serve(builtConsole());
    for (const url of ['/admin/', '/admin/users', '/admin/users/usr_123/sessions']) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toBe(INDEX);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-security-policy']).toBe(ADMIN_CONSOLE_HEADERS['content-security-policy']);
      expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(page.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('redirects /admin to /admin/', async () => {
    const app = await serve(builtConsole());
    const redirect = await app.inject({ method: 'GET', url: '/admin' });
    expect(redirect.statusCode).toBe(308);
    expect(redirect.headers.location).toBe('/admin/');
  });

  it('serves hashed assets as immutable and other files revalidated; a missing asset is a 404', async () => {
    const app = await serve(builtConsole());
    const asset = await app.inject({ method: 'GET', url: '/admin/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log("app")');
    const icon = await app.inject({ method: 'GET', url: '/admin/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    const missing = await app.inject({ method: 'GET', url: '/admin/assets/app-old999.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<div id="root">');
  });

  it('never serves a file outside the build output', async () => {
    const root = builtConsole();
    const app = await serve(root);
    for (const url of [
      `/admin/../${path.basename(root)}-secret.txt`,
      `/admin/%2e%2e/${path.basename(root)}-secret.txt`,
      `/admin/..%2f${path.basename(root)}-secret.txt`,
    ]) {
      const attempt = await app.inject({ method: 'GET', url });
      expect(attempt.body).not.toContain('TOP-SECRET-CONTENT');
    }
  });

  it('explains how to build the console when it is not built', async () => {
    const app = await serve(path.join(tmpdir(), 'no-such-admin-build'));
    const page = await app.inject({ method: 'GET', url: '/admin/' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('pnpm --filter @groundwork/admin build');
  });

  it('stays out of the OpenAPI document and needs no credentials', async () => {
    const app = await serve(builtConsole());
    const doc = await app.inject({ method: 'GET', url: '/documentation/json' });
    expect(Object.keys(doc.json().paths).some((p: string) => p.startsWith('/admin'))).toBe(false);
  });

  it('finds apps/admin/dist by walking up from a directory', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'repo-'));
    dirs.push(repo);
    mkdirSync(path.join(repo, 'apps', 'admin', 'dist'), { recursive: true });
    writeFileSync(path.join(repo, 'apps', 'admin', 'dist', 'index.html'), INDEX);
    mkdirSync(path.join(repo, 'services', 'platform', 'dist'), { recursive: true });
    expect(findAdminConsoleRoot(path.join(repo, 'services', 'platform', 'dist'))).toBe(
      path.join(repo, 'apps', 'admin', 'dist'),
    );
    expect(findAdminConsoleRoot(path.join(tmpdir(), 'nowhere-near-a-checkout'))).toBeUndefined();
  });
});
