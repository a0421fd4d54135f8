/**
 * The console's module pages end to end: webhooks, delivery, flags, maintenance and kill switch,
 * rate limits and status. A real platform process (SQLite in a temp directory, the job runner on,
 * outbound calls allowed to 127.0.0.1 over http for the loopback webhook receiver) and headless
 * Debian Chromium. Every page is visited, scanned with axe-core (no serious or critical violation)
 * and screenshotted to `artifacts/`; one real action per page is checked through the API.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type HttpReceiver, startHttpReceiver } from '@groundwork/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPrerequisites,
  eventually,
  expectAccessible,
  jsonCall,
  launchChromium,
  screenshot,
} from './e2e-helpers.js';
import { type PlatformProcess, startPlatformProcess } from './platform-process.js';

const ADMIN = { email: 'ops@example.com', password: 'console modules password 1' };
const BOB = { email: 'bob@example.com', password: 'bob password 1' };
const FLAG = 'e2e-new-checkout';
const DENIED_IP = '203.0.113.7';

let platform: PlatformProcess;
let receiver: HttpReceiver;
let baseUrl: string;
let dataDir: string;
let browser: Browser;
let page: Page;
let adminToken: string;
let bobToken: string;

const api = <T = Record<string, unknown>>(
  method: string,
  route: string,
  body?: unknown,
  token = adminToken,
) => jsonCall<T>(baseUrl, method, route, body, token);

async function login(credentials: { email: string; password: string }): Promise<string> {
  const result = await jsonCall<{ tokens: { accessToken: string } }>(
    baseUrl,
    'POST',
    '/v1/auth/login',
    credentials,
  );
  expect(result.status).toBe(200);
  return result.json.tokens.accessToken;
}

async function visit(navLabel: string, heading: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Console sections' })
    .getByRole('link', { name: navLabel, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** A `datetime-local` value (UTC) `hours` from now. */
function localIn(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 16);
}

/** The Standard Webhooks signature a receiver checks: HMAC-SHA256 of `id.timestamp.body`. */
function expectedSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

beforeAll(async () => {
  checkPrerequisites();
  receiver = await startHttpReceiver({ respond: () => ({ status: 204 }) });
  dataDir = mkdtempSync(path.join(tmpdir(), 'admin-e2e-modules-'));
  platform = await startPlatformProcess({
    STORE_KIND: 'sqlite',
    SQLITE_PATH: path.join(dataDir, 'platform.db'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // Workers on: webhook deliveries and emails are tasks.
    JOB_RUNNER_ENABLED: 'true',
    JOB_TICK_INTERVAL_MS: '1000',
    // The loopback receiver is a private http target: allowed for this run only.
    OUTBOUND_ALLOW_LIST: '127.0.0.1/32',
    OUTBOUND_ALLOW_HTTP: 'true',
  });
  baseUrl = platform.url;
  adminToken = await login(ADMIN);
  const registered = await jsonCall(baseUrl, 'POST', '/v1/auth/register', BOB);
  expect(registered.status).toBe(201);
  bobToken = await login(BOB);

  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await receiver?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('module pages in Chromium', () => {
  it('lists every page whose API the platform serves in the navigation', async () => {
    const nav = page.getByRole('navigation', { name: 'Console sections' }).getByRole('link');
    await expect
      .poll(() => nav.allTextContents())
      .toEqual([
        'Overview',
        'Users',
        'Jobs',
        'Task queue',
        'Webhooks',
        'Delivery',
        'Email templates',
        'Flags',
        'Maintenance',
        'Rate limits',
        'Status',
        'Audit log',
      ]);
  });

  it('Webhooks: creates a subscription (secret shown once) and a test event reaches the receiver, signed', async () => {
    await visit('Webhooks', 'Webhooks');
    await page.getByText('No webhook subscriptions yet.').waitFor();
    const form = page.getByRole('form', { name: 'New subscription' });
    await form.getByLabel('Endpoint URL').fill(`${receiver.url}/hooks`);
    await form.getByLabel('Description').fill('e2e receiver');
    // The event catalog is offered when choosing event types.
    await form.getByRole('checkbox', { name: /webhook\.test/ }).waitFor();
    await form.getByRole('checkbox', { name: /^incident\.created/ }).check();
    await form.getByRole('button', { name: 'Create subscription' }).click();
    const secret = (await page.getByTestId('secret-value').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    const listed = await api<{ items: { id: string; url: string; eventTypes: string[] }[] }>(
      'GET',
      '/v1/webhooks/subscriptions',
    );
    const subscription = listed.json.items.find((item) => item.url === `${receiver.url}/hooks`);
    expect(subscription?.eventTypes).toEqual(['incident.created']);
    // Reads never return the secret.
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    await expectAccessible(page, 'webhooks');
    await screenshot(page, '10-webhooks');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByTestId('secret-value').waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: `Send test event to ${receiver.url}/hooks` }).click();
    const [request] = await receiver.waitFor(1, 30_000);
    const id = String(request?.headers['webhook-id']);
    const timestamp = String(request?.headers['webhook-timestamp']);
    const signatures = String(request?.headers['webhook-signature']).split(' ');
    expect(signatures).toContain(expectedSignature(secret, id, timestamp, request?.body ?? ''));
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ type: 'webhook.test' });

    // The delivery is logged as succeeded; its payload is previewed.
    await page.getByRole('link', { name: `${receiver.url}/hooks` }).click();
    await page.getByRole('heading', { level: 1, name: `Webhook ${receiver.url}/hooks` }).waitFor();
    const deliveries = await eventually(async () => {
      const result = await api<{ items: { id: string; status: string }[] }>(
        'GET',
        `/v1/webhooks/subscriptions/${subscription?.id}/deliveries?status=succeeded`,
      );
      return result.json.items.length > 0 ? result.json.items : undefined;
    }, 'a succeeded delivery');
    const deliveryId = deliveries[0]?.id ?? '';
    await page.getByLabel('Delivery status').selectOption('succeeded');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('row', { name: new RegExp(deliveryId) }).waitFor();
    await page.getByRole('button', { name: `Payload of ${deliveryId}` }).click();
    await page
      .getByRole('region', { name: `Payload of ${deliveryId}` })
      .getByText('"webhook.test"')
      .waitFor();
    await expectAccessible(page, 'webhook-detail');
    await screenshot(page, '11-webhook-deliveries');

    // The health indicator of the list is green once a delivery succeeded.
    await visit('Webhooks', 'Webhooks');
    await page.getByText('green (100 % of 1)').waitFor();
    await page.getByRole('link', { name: `${receiver.url}/hooks` }).click();
    await page.getByRole('button', { name: `Resend ${deliveryId}` }).waitFor();

    // Resend: the same body and event id (receivers dedupe on webhook-id).
    await page.getByRole('button', { name: `Resend ${deliveryId}` }).click();
    const [, resent] = await receiver.waitFor(2, 30_000);
    expect(resent?.headers['webhook-id']).toBe(id);
    expect(resent?.body).toBe(request?.body);

    // Rotate the secret (confirmed): the new one is shown once; during the overlap a delivery is
    // signed with both the new and the previous secret.
    await visit('Webhooks', 'Webhooks');
    await page.getByRole('button', { name: `Rotate secret of ${receiver.url}/hooks` }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate signing secret' });
    await expectAccessible(page, 'webhook-rotate-dialog');
    await rotate.getByRole('button', { name: 'Rotate signing secret' }).click();
    await rotate.waitFor({ state: 'hidden' });
    const rotated = (await page.getByTestId('secret-value').textContent()) ?? '';
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole('button', { name: `Send test event to ${receiver.url}/hooks` }).click();
    const [, , third] = await receiver.waitFor(3, 30_000);
    const thirdSignatures = String(third?.headers['webhook-signature']).split(' ');
    const thirdArgs = [
      String(third?.headers['webhook-id']),
      String(third?.headers['webhook-timestamp']),
      third?.body ?? '',
    ] as const;
    expect(thirdSignatures).toEqual([
      expectedSignature(rotated, ...thirdArgs),
      expectedSignature(secret, ...thirdArgs),
    ]);
  });

  it('Delivery: a password reset lands in the dev outbox; log, templates preview and suppressions', async () => {
    const forgot = await jsonCall(baseUrl, 'POST', '/v1/auth/forgot-password', { email: BOB.email });
    expect(forgot.status).toBeLessThan(300);
    const message = await eventually(async () => {
      const outbox = await api<{ items: { id: string; to: string; subject: string; template: string }[] }>(
        'GET',
        '/v1/delivery/outbox',
      );
      return outbox.json.items.find((item) => item.to.includes(BOB.email) && /password/.test(item.template));
    }, 'the reset email in the outbox');

    await visit('Delivery', 'Delivery');
    await page.getByRole('region', { name: 'Delivery log' }).getByText(message.template).first().waitFor();
    await expectAccessible(page, 'delivery');
    await screenshot(page, '12-delivery');

    await page.getByRole('link', { name: 'Dev outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dev outbox' }).waitFor();
    await page.getByRole('row', { name: new RegExp(message.subject) }).waitFor();
    await page.getByText(`Text of ${message.subject}`).click();
    await expectAccessible(page, 'dev-outbox');
    await screenshot(page, '13-dev-outbox');

    await visit('Email templates', 'Email templates');
    await page.getByRole('button', { name: `Edit ${message.template}` }).click();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: /^Preview: / }).waitFor();
    await expect.poll(() => page.locator('iframe.preview-frame').getAttribute('srcdoc')).toContain('<');
    await expectAccessible(page, 'email-templates');
    await screenshot(page, '14-email-templates');

    await page.goto(`${baseUrl}/admin/delivery/suppressions`);
    await page.getByRole('heading', { level: 1, name: 'Suppression list' }).waitFor();
    await page.getByLabel('Email address to suppress').fill('bounced@example.com');
    await page.getByRole('button', { name: 'Suppress', exact: true }).click();
    await page.getByRole('row', { name: /bounced@example\.com/ }).waitFor();
    const suppressions = await api<{ items: { email: string }[] }>('GET', '/v1/delivery/suppressions');
    expect(suppressions.json.items.map((item) => item.email)).toContain('bounced@example.com');
    await expectAccessible(page, 'suppressions');
    await screenshot(page, '15-suppressions');
  });

  it('Flags: creates a flag, toggles it, and POST /v1/flags/evaluate changes', async () => {
    const evaluate = async () =>
      (
        await api<{ flags: Record<string, { value?: unknown; reason: string }> }>(
          'POST',
          '/v1/flags/evaluate',
          {
            keys: [FLAG],
            context: { platform: 'web' },
          },
        )
      ).json.flags[FLAG];
    await visit('Flags', 'Feature flags');
    await page.getByText('No flags yet.').waitFor();
    await page.getByRole('button', { name: 'New flag' }).click();
    const editor = page.getByRole('form', { name: 'New flag' });
    await editor.getByLabel('Key').fill(FLAG);
    await editor.getByLabel('Description').fill('The new checkout');
    await editor.getByRole('button', { name: 'Create flag' }).click();
    const toggle = page.getByRole('button', { name: `Enabled: ${FLAG}` });
    await toggle.waitFor();
    expect(await evaluate()).toMatchObject({ value: false, reason: 'DISABLED' });
    await expectAccessible(page, 'flags');
    await screenshot(page, '16-flags');

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await evaluate()).toMatchObject({ value: true, reason: 'STATIC' });
    const stored = await api<{ enabled: boolean }>('GET', `/v1/flags/${FLAG}`);
    expect(stored.json.enabled).toBe(true);

    // Edit: a 25 % rollout of the default variant.
    await page.getByRole('button', { name: `Edit ${FLAG}` }).click();
    const edit = page.getByRole('form', { name: `Edit flag ${FLAG}` });
    await edit.getByLabel('Rollout (%)').fill('25');
    await expectAccessible(page, 'flag-editor');
    await edit.getByRole('button', { name: 'Save flag' }).click();
    await edit.waitFor({ state: 'hidden' });
    const rolled = await api<{ defaultServe: { variant: string; percentage?: number } }>(
      'GET',
      `/v1/flags/${FLAG}`,
    );
    expect(rolled.json.defaultServe).toEqual({ variant: 'on', percentage: 25 });
  });

  it('Maintenance: read_only refuses writes through the API with 503, then off lets them through', async () => {
    const write = () => api('PUT', '/v1/settings/user/e2e.theme', { value: 'dark' }, bobToken);
    await visit('Maintenance', 'Maintenance and kill switch');
    await page.getByLabel('Mode', { exact: true }).selectOption('read_only');
    await page.getByLabel('Message to users').fill('Back in ten minutes.');
    const preview = page.getByRole('region', { name: 'What users see' });
    await preview.getByText('Back in ten minutes.').waitFor();
    await page.getByRole('button', { name: 'Apply' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change maintenance mode' });
    await expectAccessible(page, 'maintenance-confirm');
    await dialog.getByRole('button', { name: 'Switch to read_only' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('effective-mode').textContent()).toBe('read_only');

    const refused = await write();
    expect(refused.status).toBe(503);
    expect(refused.json).toMatchObject({ code: 'read_only' });
    const read = await api('GET', '/v1/auth/me', undefined, bobToken);
    expect(read.status).toBe(200);
    await expectAccessible(page, 'maintenance');
    await screenshot(page, '17-maintenance');

    await page.getByLabel('Mode', { exact: true }).selectOption('off');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page
      .getByRole('dialog', { name: 'Change maintenance mode' })
      .getByRole('button', { name: 'Switch to off' })
      .click();
    await expect.poll(() => page.getByTestId('effective-mode').textContent()).toBe('off');
    const allowed = await write();
    expect(allowed.status).not.toBe(503);
    const config = await api<{ mode: string; message: string }>('GET', '/v1/settings/maintenance/config');
    expect(config.json).toMatchObject({ mode: 'off', message: 'Back in ten minutes.' });

    // The kill switch: on, checked through the public endpoint, then off again.
    await page.getByRole('button', { name: 'Turn the kill switch on' }).click();
    await page
      .getByRole('dialog', { name: 'Turn the kill switch on' })
      .getByRole('button', { name: 'Turn on' })
      .click();
    await expect.poll(() => page.getByTestId('kill-switch').textContent()).toBe('on');
    expect((await api<{ enabled: boolean }>('GET', '/v1/settings/kill-switch')).json.enabled).toBe(true);
    await page.getByRole('button', { name: 'Turn the kill switch off' }).click();
    await page
      .getByRole('dialog', { name: 'Turn the kill switch off' })
      .getByRole('button', { name: 'Turn off' })
      .click();
    await expect.poll(() => page.getByTestId('kill-switch').textContent()).toBe('off');

    // A scheduled window: listed by the API, then cancelled after confirming.
    const windowForm = page.getByRole('form', { name: 'Schedule a window' });
    await windowForm.getByLabel('Window start (UTC)').fill(localIn(48));
    await windowForm.getByLabel('Window end (UTC)').fill(localIn(49));
    await windowForm.getByLabel('Window message').fill('Database upgrade');
    await windowForm.getByRole('button', { name: 'Schedule window' }).click();
    await page.getByRole('row', { name: /Database upgrade/ }).waitFor();
    const scheduled = await api<{ items: { id: string; message: string; state: string }[] }>(
      'GET',
      '/v1/settings/maintenance/schedule',
    );
    expect(scheduled.json.items).toEqual([
      expect.objectContaining({ message: 'Database upgrade', state: 'scheduled' }),
    ]);
    await page.getByRole('button', { name: /^Cancel window starting/ }).click();
    await page
      .getByRole('dialog', { name: 'Cancel maintenance window' })
      .getByRole('button', { name: 'Cancel window' })
      .click();
    await page.getByText('No window scheduled.').waitFor();
  });

  it('Rate limits: adds an IP deny rule with an expiry and lists it', async () => {
    await visit('Rate limits', 'Rate limits');
    await page.getByText('No IP rules.').waitFor();
    const form = page.getByRole('form', { name: 'Add an IP rule' });
    await form.getByLabel('IP address or CIDR').fill(DENIED_IP);
    await form.getByLabel('Action').selectOption('deny');
    await form.getByLabel('Reason').fill('e2e: abusive client');
    await form.getByLabel('Expires', { exact: true }).selectOption({ label: 'In 24 hours' });
    await form.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('row', { name: new RegExp(`${DENIED_IP.replaceAll('.', '\\.')}/32`) }).waitFor();
    const rules = await api<{ items: { ip: string; action: string; expiresAt?: string }[] }>(
      'GET',
      '/v1/ratelimit/ip-rules',
    );
    const rule = rules.json.items.find((item) => item.ip === `${DENIED_IP}/32`);
    expect(rule?.action).toBe('deny');
    const expiresIn = Date.parse(rule?.expiresAt ?? '') - Date.now();
    expect(expiresIn).toBeGreaterThan(23 * 3_600_000);
    expect(expiresIn).toBeLessThanOrEqual(24 * 3_600_000);
    await expect.poll(() => page.getByTestId('active-deny-rules').textContent()).toBe('1');
    await expectAccessible(page, 'rate-limits');
    await screenshot(page, '18-rate-limits');
  });

  it('Status: opens an incident (public status shows it), posts an update and resolves it', async () => {
    const title = 'E2E: elevated error rates';
    await visit('Status', 'Status');
    await page.getByText('No incidents.').waitFor();
    // A component, then an incident that affects it.
    const componentForm = page.getByRole('form', { name: 'Add a component' });
    await componentForm.getByLabel('Component id').fill('api');
    await componentForm.getByLabel('Component name').fill('Public API');
    await componentForm.getByRole('button', { name: 'Add component' }).click();
    await page.getByRole('row', { name: /Public API/ }).waitFor();
    const form = page.getByRole('form', { name: 'Open an incident' });
    await form.getByRole('checkbox', { name: 'Public API' }).check();
    await form.getByLabel('Incident title').fill(title);
    await form.getByLabel('Impact').selectOption('major');
    await form.getByLabel('First public update').fill('We are looking into it.');
    await form.getByRole('button', { name: 'Open incident' }).click();
    await page.getByRole('heading', { level: 3, name: title }).waitFor();
    const status = await api<{ activeIncidents: { title: string; impact: string }[] }>(
      'GET',
      '/v1/public/status',
    );
    expect(status.json.activeIncidents).toEqual([
      expect.objectContaining({ title, impact: 'major', components: ['api'] }),
    ]);

    await page.getByRole('button', { name: `Add update to ${title}` }).click();
    const update = page.getByRole('dialog', { name: `Update ${title}` });
    await update.getByLabel('New status').selectOption('identified');
    await update.getByLabel('Public message').fill('A bad deploy; rolling back.');
    await expectAccessible(page, 'incident-update');
    await update.getByRole('button', { name: 'Post update' }).click();
    await update.waitFor({ state: 'hidden' });
    const timeline = page.getByRole('list', { name: `Timeline of ${title}` });
    await timeline.getByText('A bad deploy; rolling back.').waitFor();

    // A maintenance window on the status page: upcoming in the public status.
    const maintenanceForm = page.getByRole('form', { name: 'Schedule a maintenance window' });
    await maintenanceForm.getByLabel('Maintenance title').fill('Storage migration');
    await maintenanceForm.getByLabel('Starts (UTC)').fill(localIn(24));
    await maintenanceForm.getByLabel('Ends (UTC)').fill(localIn(26));
    await maintenanceForm.getByRole('button', { name: 'Schedule maintenance' }).click();
    await page.getByRole('row', { name: /Storage migration/ }).waitFor();
    const upcoming = await api<{ maintenance: { upcoming: { title: string }[] } }>(
      'GET',
      '/v1/public/status',
    );
    expect(upcoming.json.maintenance.upcoming.map((window) => window.title)).toEqual(['Storage migration']);
    await expectAccessible(page, 'status');
    await screenshot(page, '19-status');

    // The Overview shows the active incident and the maintenance mode.
    // The subscription (incident.created) got the event too.
    const [, , , event] = await receiver.waitFor(4, 30_000);
    expect(JSON.parse(event?.body ?? '{}')).toMatchObject({
      type: 'incident.created',
      data: expect.objectContaining({ title }),
    });
    await eventually(async () => {
      const listed = await api<{ items: { id: string }[] }>('GET', '/v1/webhooks/subscriptions');
      const one = await api<{ health?: { sample: number; successRate: number | null } }>(
        'GET',
        `/v1/webhooks/subscriptions/${listed.json.items[0]?.id}`,
      );
      return one.json.health?.sample === 4 && one.json.health.successRate === 1 ? true : undefined;
    }, 'four finished webhook deliveries');
    await visit('Overview', 'Overview');
    await expect.poll(() => page.getByTestId('active-incidents').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('overview-maintenance-mode').textContent()).toBe('off');
    // Webhook success over the subscriptions' health (4 deliveries, all 2xx); delivery success over the
    // last 7 days of sends (the welcome and reset emails, kept by the console adapter).
    await expect.poll(() => page.getByTestId('webhook-success-rate').textContent()).toBe('100 %');
    await expect.poll(() => page.getByTestId('delivery-success-rate').textContent()).toMatch(/^\d+ %$/);
    await expectAccessible(page, 'overview-modules');
    await screenshot(page, '20-overview-modules');

    await visit('Status', 'Status');
    await page.getByRole('button', { name: `Resolve ${title}` }).click();
    const resolve = page.getByRole('dialog', { name: `Resolve ${title}` });
    await resolve.getByLabel('Public message').fill('Fixed.');
    await resolve.getByRole('button', { name: 'Resolve incident' }).click();
    await resolve.waitFor({ state: 'hidden' });
    await expect
      .poll(
        async () =>
          (await api<{ activeIncidents: unknown[] }>('GET', '/v1/public/status')).json.activeIncidents.length,
      )
      .toBe(0);
  });
});
