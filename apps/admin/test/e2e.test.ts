/**
 * The console end to end: the real platform in its own process (its modules, SQLite store in a temp
 * directory, the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, see `platform-process.ts`) listening
 * on loopback and serving the built console
 * at /admin, driven by headless Debian Chromium through playwright-core. Every page is visited,
 * scanned with axe-core (no serious or critical violation) and screenshotted to `artifacts/`; one
 * real action per page is checked through the API.
 *
 * Needs `dist/` (the package's `test` script builds it first) and `/usr/bin/chromium`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPrerequisites,
  eventually,
  expectAccessible as expectPageAccessible,
  jsonCall,
  launchChromium,
  screenshot as screenshotPage,
} from './e2e-helpers.js';
import { type PlatformProcess, startPlatformProcess } from './platform-process.js';

const ADMIN = { email: 'root@example.com', password: 'console e2e password 1' };
const ANN = { email: 'ann@example.com', password: 'ann password 1' };
const JOB = 'jobs.dead-letter-report';

let service: PlatformProcess;
let baseUrl: string;
let dataDir: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let adminToken: string;
let annId: string;

/** A JSON call to the platform's API with the API-side admin session (not the browser's). */
function apiCall<T = Record<string, unknown>>(
  method: string,
  route: string,
  body?: unknown,
  token: string | undefined = adminToken,
): Promise<{ status: number; json: T }> {
  return jsonCall<T>(baseUrl, method, route, body, token);
}

async function signInApi(): Promise<string> {
  const login = await apiCall<{ tokens: { accessToken: string } }>(
    'POST',
    '/v1/auth/login',
    ADMIN,
    undefined,
  );
  expect(login.status).toBe(200);
  return login.json.tokens.accessToken;
}

const expectAccessible = (name: string) => expectPageAccessible(page, name);
const screenshot = (name: string) => screenshotPage(page, name);

async function visit(navLabel: string, heading: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Console sections' })
    .getByRole('link', { name: navLabel })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

beforeAll(async () => {
  checkPrerequisites();
  dataDir = mkdtempSync(path.join(tmpdir(), 'admin-e2e-'));
  service = await startPlatformProcess({
    STORE_KIND: 'sqlite',
    SQLITE_PATH: path.join(dataDir, 'platform.db'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // No workers: a run triggered from the console stays queued, so the queue page can cancel it.
    JOB_RUNNER_ENABLED: 'false',
    // A second product, where the admin's email is a plain user: the product switcher's refusal.
    AUTH_PRODUCT_IDS: 'globex',
  });
  baseUrl = service.url;
  adminToken = await signInApi();
  const registered = await apiCall<{ user: { id: string } }>(
    'POST',
    '/v1/auth/register',
    { ...ANN, device: { platform: 'web', name: 'Ann’s laptop' } },
    undefined,
  );
  expect(registered.status).toBe(201);
  annId = registered.json.user.id;

  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('admin console in Chromium', () => {
  it('signs in with the bootstrap admin; the refresh token is an httpOnly cookie and nothing is in storage', async () => {
    await page.goto(`${baseUrl}/admin/`);
    await page.getByRole('heading', { level: 1, name: 'Groundwork admin' }).waitFor();
    await expectAccessible('sign-in');
    await screenshot('00-sign-in');

    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('wrong password 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /email or password/i })
      .waitFor();

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    const cookies = await context.cookies();
    const refresh = cookies.find((cookie) => cookie.name === 'gw_session_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/v1/auth/session' });
    const storage = await page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.entries(sessionStorage),
      cookie: document.cookie,
    }));
    expect(storage.local).toEqual([]);
    expect(JSON.stringify(storage.session)).not.toMatch(/eyJ/); // no JWT anywhere
    expect(storage.cookie).not.toContain('gw_session_refresh');

    // A deep link loads the app (SPA fallback) and keeps the session (a new access token from the cookie).
    await page.goto(`${baseUrl}/admin/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.goto(`${baseUrl}/admin/`);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });

  it('Overview: shows the health the API reports, the queue and recent audit activity', async () => {
    const health = await apiCall<{ version: string; status: string }>('GET', '/health');
    const card = page.getByRole('region', { name: 'Service health' });
    await card.getByText(`platform ${health.json.version}`).waitFor();
    await card.getByText(health.json.status, { exact: true }).first().waitFor();
    await page.getByRole('region', { name: 'Queue depth' }).waitFor();
    await page.getByText('Audit entries per hour').first().waitFor();
    const counts = await apiCall<{ total: { queued: number; running: number } }>('GET', '/v1/tasks/counts');
    await expect
      .poll(() => page.getByTestId('queue-waiting').textContent())
      .toBe(String(counts.json.total.queued + counts.json.total.running));
    await expectAccessible('overview');
    await screenshot('01-overview');
  });

  it('Users: searches, opens a user with their sessions, disables them, and impersonates with a reason', async () => {
    await visit('Users', 'Users');
    await page.getByLabel('Email starts with').fill('ann');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: ANN.email }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(2); // header + ann
    await expectAccessible('users');
    await screenshot('02-users');

    await page.getByRole('link', { name: ANN.email }).click();
    await page.getByRole('heading', { level: 1, name: ANN.email }).waitFor();
    const sessions = page.getByRole('region', { name: 'Sessions and devices' });
    await sessions.getByText('Ann’s laptop').waitFor();
    await expectAccessible('user-detail');
    await screenshot('03-user-detail');

    await page.getByLabel('Status', { exact: true }).selectOption('disabled');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change role or status' });
    await dialog.waitFor();
    await expectAccessible('user-confirm-dialog');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await apiCall<{ status: string }>('GET', `/v1/auth/users/${annId}`)).json.status)
      .toBe('disabled');
    await sessions.getByText('No active sessions.').waitFor();

    // Back to active, then act as Ann.
    await page.getByLabel('Status', { exact: true }).selectOption('active');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('dialog', { name: 'Change role or status' })
      .getByRole('button', { name: 'Save changes' })
      .click();
    await expect
      .poll(async () => (await apiCall<{ status: string }>('GET', `/v1/auth/users/${annId}`)).json.status)
      .toBe('active');
    await page.getByRole('button', { name: 'Impersonate' }).click();
    const impersonate = page.getByRole('dialog', { name: `Impersonate ${ANN.email}` });
    await impersonate.getByLabel('Reason').fill('e2e: support ticket 42');
    await impersonate.getByRole('button', { name: 'Start impersonation' }).click();
    await page.getByRole('heading', { level: 1, name: `Viewing as ${ANN.email}` }).waitFor();
    const banner = page.getByRole('region', { name: 'Impersonation in progress' });
    await banner.getByText(`Impersonating ${ANN.email}`).waitFor();
    await page.getByText(`"email": "${ANN.email}"`).waitFor();
    await expectAccessible('impersonation');
    await screenshot('04-impersonation');
    // The banner stays on every page.
    await visit('Overview', 'Overview');
    await banner.waitFor();
    const started = await apiCall<{ items: { actor: { id: string }; target: { id: string } }[] }>(
      'GET',
      '/v1/audit?action=auth.impersonation_started',
    );
    expect(started.json.items[0]?.target.id).toBe(annId);
    await banner.getByRole('button', { name: 'Stop impersonating' }).click();
    await banner.waitFor({ state: 'hidden' });
    await expect
      .poll(
        async () =>
          (await apiCall<{ items: unknown[] }>('GET', '/v1/audit?action=auth.impersonation_stopped')).json
            .items.length,
      )
      .toBe(1);
  });

  it('Jobs: triggers a job and shows its run; pauses and resumes it', async () => {
    await visit('Jobs', 'Jobs');
    await page.getByRole('button', { name: `Run now: ${JOB}` }).click();
    const runs = page.getByRole('region', { name: `Run history of ${JOB}` });
    const run = await eventually(async () => {
      const listed = await apiCall<{ items: { runId: string; trigger: string }[] }>(
        'GET',
        `/v1/jobs/${JOB}/runs`,
      );
      return listed.json.items.find((item) => item.trigger === 'manual');
    }, 'the manual run');
    await runs.getByText(run.runId).waitFor();
    await expectAccessible('jobs');
    await screenshot('05-jobs');

    await page.getByRole('button', { name: `Pause: ${JOB}` }).click();
    const dialog = page.getByRole('dialog', { name: `Pause ${JOB}` });
    await dialog.getByRole('button', { name: 'Pause job' }).click();
    await page.getByRole('button', { name: `Resume: ${JOB}` }).waitFor();
    const paused = await apiCall<{ items: { name: string; paused: boolean }[] }>('GET', '/v1/jobs');
    expect(paused.json.items.find((job) => job.name === JOB)?.paused).toBe(true);
    await page.getByRole('button', { name: `Resume: ${JOB}` }).click();
    await page.getByRole('button', { name: `Pause: ${JOB}` }).waitFor();
    const resumed = await apiCall<{ items: { name: string; paused: boolean }[] }>('GET', '/v1/jobs');
    expect(resumed.json.items.find((job) => job.name === JOB)?.paused).toBe(false);
  });

  it('Task queue: filters queued tasks and cancels one after confirming', async () => {
    const queued = await apiCall<{ items: { id: string; type: string }[] }>(
      'GET',
      '/v1/tasks?state=queued&limit=100',
    );
    const task = queued.json.items.find((item) => item.type === 'jobs.dead-letter-report');
    expect(task, 'the run triggered from the Jobs page is queued').toBeDefined();
    await visit('Task queue', 'Task queue');
    await page.getByLabel('State').selectOption('queued');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page
      .getByRole('table')
      .getByText(task?.id ?? '')
      .waitFor();
    await expectAccessible('queue');
    await screenshot('06-queue');
    await page.getByRole('button', { name: `Cancel task ${task?.id}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel task' });
    await dialog.getByRole('button', { name: 'Cancel task' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => {
        const listed = await apiCall<{ items: { id: string; state: string }[] }>(
          'GET',
          '/v1/tasks?state=cancelled&limit=100',
        );
        return listed.json.items.some((item) => item.id === task?.id);
      })
      .toBe(true);
  });

  it('Audit: filters by action and exports what the API holds', async () => {
    await visit('Audit log', 'Audit log');
    await page.getByLabel('Action').fill('jobs.*');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const fromApi = await apiCall<{ items: { id: string; action: string }[] }>(
      'GET',
      '/v1/audit?action=jobs.*',
    );
    expect(fromApi.json.items.map((entry) => entry.action).sort()).toEqual([
      'jobs.pause',
      'jobs.resume',
      'jobs.run',
    ]);
    await expect.poll(() => page.getByRole('row').count()).toBe(fromApi.json.items.length + 1);
    await expectAccessible('audit');
    await screenshot('07-audit');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export NDJSON' }).click(),
    ]);
    const file = await download.path();
    const exported = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(exported.sort()).toEqual(fromApi.json.items.map((entry) => entry.id).sort());
  });

  it('handles an ended session: back to sign-in with a message', async () => {
    const me = await apiCall<{ id: string }>('GET', '/v1/auth/me');
    // Ends every session of the admin, the console's included (and the API-side one).
    const forced = await apiCall('DELETE', `/v1/sessions/user/${me.json.id}`);
    expect(forced.status).toBe(200);
    await visit('Users', /.*/).catch(() => undefined);
    await page.getByText('Your session has ended. Sign in again to continue.').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await screenshot('08-session-ended');
    adminToken = await signInApi();
  });

  it('signs out: the cookie no longer renews a session', async () => {
    // Keyboard only: every control is labelled and reachable.
    await page.getByLabel('Email').focus();
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')))
      .toBe('password');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    // Back where the session ended.
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'gw_session_refresh')?.value;
    expect(cookie).toBeTruthy();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    await expectAccessible('signed-out');
    expect((await context.cookies()).find((c) => c.name === 'gw_session_refresh')).toBeUndefined();
    // The old cookie is dead on the platform too.
    const replay = await fetch(`${baseUrl}/v1/auth/session/refresh`, {
      method: 'POST',
      headers: { origin: baseUrl, 'x-groundwork-csrf': '1', cookie: `gw_session_refresh=${cookie}` },
    });
    expect(replay.status).toBe(401);
  });

  it('switches product by signing in to it, and refuses a product where the account is not an admin', async () => {
    const globex = await apiCall('POST', '/v1/auth/register', { ...ADMIN, productId: 'globex' }, undefined);
    expect(globex.status).toBe(201);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Switch product' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch product' });
    await dialog.getByLabel('Product id').fill('globex');
    await dialog.getByLabel('Password').fill('wrong password 1');
    await dialog.getByRole('button', { name: 'Sign in to product' }).click();
    // A wrong password changes nothing: still signed in to the first product.
    await dialog.getByRole('alert').waitFor();
    await expectAccessible('product-switcher');
    await screenshot('09-product-switcher');
    await expect.poll(() => page.getByText('Product:').textContent()).toContain('default');
    await dialog.getByLabel('Password').fill(ADMIN.password);
    await dialog.getByRole('button', { name: 'Sign in to product' }).click();
    await page.getByText('This account is not an admin of the product').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // Neither session is left behind in the browser.
    expect((await context.cookies()).find((c) => c.name === 'gw_session_refresh')).toBeUndefined();
  });
});
