/**
 * The wiring between the platform's modules, end to end on a SQLite file: each package proves its
 * own behaviour; these tests prove that `platformModules` connects them (auth → delivery, events →
 * delivery, status → settings, ratelimit in front of the routes, flags → events → webhooks, flags
 * behind the real authenticator). Every request goes through the real auth module, signed in as the
 * bootstrap admin from `ADMIN_EMAIL` / `ADMIN_PASSWORD` or as a registered user.
 */
import { AUDIT_LOG_CONTAINER_NAME } from '@groundwork/audit';
import { deliveryContainers } from '@groundwork/delivery';
import { JOB_RUNS_CONTAINER, TASKS_CONTAINER } from '@groundwork/jobs';
import { createFakeClock, dumpContainers, type HttpReceiver, startHttpReceiver } from '@groundwork/testing';
import { verifyWebhook, WebhookVerificationError } from '@groundwork/webhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ADMIN,
  bearer,
  cleanupPlatforms,
  type OutboxMessage,
  type StartedPlatform,
  startPlatform,
} from '../test/composition-support.js';

afterEach(cleanupPlatforms);

const receivers: HttpReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

/** Bounded waits for work the job runner does in the background. */
const BACKGROUND = { timeout: 10_000, interval: 25 };
const MINUTE = 60_000;

async function outboxOf(platform: StartedPlatform, admin: string): Promise<OutboxMessage[]> {
  const page = await platform.inject({
    method: 'GET',
    url: '/v1/delivery/outbox?limit=100',
    headers: bearer(admin),
  });
  expect(page.statusCode).toBe(200);
  return page.json().items as OutboxMessage[];
}

/** An IP rule denying `range`, created by `admin` over HTTP. */
async function denyAddresses(platform: StartedPlatform, admin: string, range: string, reason: string) {
  const rule = await platform.inject({
    method: 'POST',
    url: '/v1/ratelimit/ip-rules',
    headers: bearer(admin),
    payload: { ip: range, action: 'deny', reason },
  });
  expect(rule.statusCode).toBe(201);
}

/** Waits until the dev outbox holds a message of `template` to `email`, and returns it. */
async function waitForEmail(
  platform: StartedPlatform,
  admin: string,
  template: string,
  email: string,
): Promise<OutboxMessage> {
  return vi.waitFor(async () => {
    const found = (await outboxOf(platform, admin)).find(
      (message) => message.template === template && message.to.includes(email),
    );
    expect(found, `no ${template} email to ${email} in the outbox yet`).toBeDefined();
    return found as OutboxMessage;
  }, BACKGROUND);
}

describe('composition: auth recovery links go through delivery', () => {
  it('mails a working reset link through the dev outbox, and never stores the raw token', async () => {
    const platform = await startPlatform();
    const admin = await platform.signIn(ADMIN.email, ADMIN.password);
    const ann = await platform.register('ann@example.com', 'ann password 1');

    const forgot = await platform.inject({
      method: 'POST',
      url: '/v1/auth/forgot-password',
      payload: { email: 'ann@example.com' },
    });
    expect(forgot.statusCode).toBe(202);

    const mail = await waitForEmail(platform, admin, 'password-reset', 'ann@example.com');
    const match = /\/reset-password\?token=([^\s"'<>&]+)/.exec(mail.text);
    expect(match, `no reset link in: ${mail.text}`).not.toBeNull();
    const token = decodeURIComponent(match?.[1] ?? '');
    expect(token.length).toBeGreaterThanOrEqual(20);
    expect(mail.html).toContain(match?.[1]);

    // Neither the delivery containers (log, outbox, …), the jobs' tasks and runs, nor the audit log
    // hold the raw token; the dump is not vacuous (it holds the reset email's log entry).
    const dump = await dumpContainers(platform.store, [
      ...deliveryContainers().map((container) => container.name),
      TASKS_CONTAINER.name,
      JOB_RUNS_CONTAINER.name,
      AUDIT_LOG_CONTAINER_NAME,
    ]);
    expect(dump).toContain('"template":"password-reset"');
    expect(dump).not.toContain(token);

    const reset = await platform.inject({
      method: 'POST',
      url: '/v1/auth/reset-password',
      payload: { token, newPassword: 'ann new password 2' },
    });
    expect(reset.statusCode).toBe(204);
    // The reset signs Ann out everywhere; the new password works, the old one does not.
    expect(
      (await platform.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(ann.token) })).statusCode,
    ).toBe(401);
    await platform.signIn('ann@example.com', 'ann new password 2');
    const old = await platform.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'ann@example.com', password: 'ann password 1' },
    });
    expect(old.statusCode).toBe(401);
    // The link works once.
    const again = await platform.inject({
      method: 'POST',
      url: '/v1/auth/reset-password',
      payload: { token, newPassword: 'ann third password 3' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invalid_or_expired_token');
  });
});

describe('composition: email verification links go through delivery', () => {
  it('mails the verification link on registration, and its token verifies the address', async () => {
    const platform = await startPlatform();
    const admin = await platform.signIn(ADMIN.email, ADMIN.password);
    const ivy = await platform.register('ivy@example.com', 'ivy password 1');

    const mail = await waitForEmail(platform, admin, 'email-verification', 'ivy@example.com');
    const match = /\/verify-email\?token=([^\s"'<>&]+)/.exec(mail.text);
    expect(match, `no verification link in: ${mail.text}`).not.toBeNull();
    const verified = await platform.inject({
      method: 'POST',
      url: '/v1/auth/verify-email',
      payload: { token: decodeURIComponent(match?.[1] ?? '') },
    });
    expect(verified.statusCode).toBe(204);
    const me = await platform.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(ivy.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ emailVerified: true });
  });
});

describe('composition: user.created sends the welcome email', () => {
  it('queues a welcome email to the new user through the events bus and the job runner', async () => {
    const platform = await startPlatform();
    const admin = await platform.signIn(ADMIN.email, ADMIN.password);
    await platform.register('bob@example.com', 'bob password 1');

    const welcome = await waitForEmail(platform, admin, 'welcome', 'bob@example.com');
    expect(welcome.subject.length).toBeGreaterThan(0);
    // Only Bob's account was created by registration: no welcome email went to anyone else.
    const welcomes = (await outboxOf(platform, admin)).filter((message) => message.template === 'welcome');
    expect(welcomes.map((message) => message.to)).toEqual([welcome.to]);
  });
});

/** The real platform on a fake clock, with what the maintenance tests drive and read. */
async function maintenanceHarness() {
  const clock = createFakeClock(Date.now());
  const platform = await startPlatform({}, clock);
  const credentials = { email: 'cara@example.com', password: 'cara password 1' };
  await platform.register(credentials.email, credentials.password);
  const admin = () => platform.signIn(ADMIN.email, ADMIN.password);
  /** A write by a signed-in user without any admin role. */
  const userWrite = async () =>
    platform.inject({
      method: 'PUT',
      url: '/v1/settings/user/theme',
      headers: bearer(await platform.signIn(credentials.email, credentials.password)),
      payload: { value: 'dark' },
    });
  const mode = async () => {
    const response = await platform.inject({ method: 'GET', url: '/v1/settings/maintenance' });
    expect(response.statusCode).toBe(200);
    return response.json() as { mode: string; message: string; scheduledEnd?: string };
  };
  /** Schedules a status maintenance window from `fromMinutes` to `toMinutes` after now. */
  const scheduleWindow = async (title: string, fromMinutes: number, toMinutes: number) => {
    const created = await platform.inject({
      method: 'POST',
      url: '/v1/status/maintenance',
      headers: bearer(await admin()),
      payload: {
        title,
        startsAt: new Date(clock.now() + fromMinutes * MINUTE).toISOString(),
        endsAt: new Date(clock.now() + toMinutes * MINUTE).toISOString(),
        maintenanceMode: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; startsAt: string; endsAt: string };
  };
  /** Runs the transition job now (on the fake clock) and waits for its task to complete. */
  const runTransitions = async () => {
    const token = await admin();
    const run = await platform.inject({
      method: 'POST',
      url: '/v1/jobs/status.maintenance-transitions/run',
      headers: bearer(token),
    });
    expect(run.statusCode).toBe(202);
    const taskId = run.json().id as string;
    await vi.waitFor(async () => {
      const tasks = await platform.inject({
        method: 'GET',
        url: '/v1/tasks?type=status.maintenance-transitions&limit=100',
        headers: bearer(token),
      });
      expect(tasks.json().items).toContainEqual(expect.objectContaining({ id: taskId, state: 'completed' }));
    }, BACKGROUND);
  };
  return { clock, platform, admin, userWrite, mode, scheduleWindow, runTransitions };
}

describe('composition: status maintenance windows drive settings maintenance mode', () => {
  it('turns maintenance mode on when a window with maintenanceMode starts, and off when it completes', async () => {
    const { clock, platform, admin, userWrite, mode, runTransitions } = await maintenanceHarness();

    expect((await userWrite()).statusCode).toBe(200);
    const startsAt = clock.now() + 10 * MINUTE;
    const endsAt = clock.now() + 40 * MINUTE;
    const created = await platform.inject({
      method: 'POST',
      url: '/v1/status/maintenance',
      headers: bearer(await admin()),
      payload: {
        title: 'Database upgrade',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
        maintenanceMode: true,
      },
    });
    expect(created.statusCode).toBe(201);

    // Before the window: the job leaves the mode alone.
    await runTransitions();
    expect((await mode()).mode).toBe('off');
    expect((await userWrite()).statusCode).toBe(200);

    clock.set(startsAt + 1_000);
    await runTransitions();
    const during = await mode();
    expect(during).toMatchObject({ mode: 'maintenance', message: 'Database upgrade' });
    expect(Date.parse(during.scheduledEnd ?? '')).toBe(endsAt);
    const refused = await userWrite();
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ code: 'maintenance', mode: 'maintenance' });
    // Admins bypass maintenance by role: the same write passes for them.
    const adminWrite = await platform.inject({
      method: 'PUT',
      url: '/v1/settings/user/theme',
      headers: bearer(await admin()),
      payload: { value: 'dark' },
    });
    expect(adminWrite.statusCode).toBe(200);
    const window = await platform.inject({
      method: 'GET',
      url: `/v1/status/maintenance/${created.json().id as string}`,
      headers: bearer(await admin()),
    });
    expect(window.statusCode).toBe(200);
    expect(window.json().phase).toBe('in_progress');

    clock.set(endsAt + 1_000);
    await runTransitions();
    expect((await mode()).mode).toBe('off');
    expect((await userWrite()).statusCode).toBe(200);
  });

  it('keeps maintenance on while another maintenance-mode window is still in progress', async () => {
    const { clock, userWrite, mode, scheduleWindow, runTransitions } = await maintenanceHarness();
    const first = await scheduleWindow('Database upgrade', 10, 30);
    const second = await scheduleWindow('Storage migration', 20, 60);

    clock.set(Date.parse(second.startsAt) + 1_000);
    await runTransitions(); // both windows are in progress
    expect((await mode()).mode).toBe('maintenance');

    clock.set(Date.parse(first.endsAt) + 1_000);
    await runTransitions(); // the first completes; the second runs for another half hour
    expect((await mode()).mode).toBe('maintenance');
    expect((await userWrite()).statusCode).toBe(503);

    clock.set(Date.parse(second.endsAt) + 1_000);
    await runTransitions();
    expect((await mode()).mode).toBe('off');
  });

  it('a completing window does not lift the emergency mode an admin set by hand meanwhile', async () => {
    const { clock, platform, admin, userWrite, mode, scheduleWindow, runTransitions } =
      await maintenanceHarness();
    const window = await scheduleWindow('Database upgrade', 10, 30);
    clock.set(Date.parse(window.startsAt) + 1_000);
    await runTransitions();
    expect((await mode()).mode).toBe('maintenance');

    // An incident during the window: the admin switches to emergency by hand (which, as the
    // settings module documents for its own windows, ends the link to the window).
    const emergency = await platform.inject({
      method: 'PUT',
      url: '/v1/settings/maintenance',
      headers: bearer(await admin()),
      payload: { mode: 'emergency', message: 'Investigating an incident' },
    });
    expect(emergency.statusCode).toBe(200);

    clock.set(Date.parse(window.endsAt) + 1_000);
    await runTransitions();
    expect((await mode()).mode).toBe('emergency');
    expect((await userWrite()).statusCode).toBe(503);
  });
});

describe('composition: IP rules guard every route', () => {
  it('refuses a denied address with 403 ip_denied, before sign-in and on signed-in routes, and lets others pass', async () => {
    const platform = await startPlatform();
    const admin = await platform.signIn(ADMIN.email, ADMIN.password);
    const dan = await platform.register('dan@example.com', 'dan password 1');

    await denyAddresses(platform, admin, '203.0.113.7/32', 'abuse report 42');

    const denied = '203.0.113.7';
    const other = '203.0.113.8';
    const publicRead = (remoteAddress: string) =>
      platform.inject({ method: 'GET', url: '/v1/settings/maintenance', remoteAddress });
    const login = (remoteAddress: string) =>
      platform.inject({
        method: 'POST',
        url: '/v1/auth/login',
        remoteAddress,
        payload: { email: 'dan@example.com', password: 'dan password 1' },
      });
    const me = (remoteAddress: string) =>
      platform.inject({ method: 'GET', url: '/v1/auth/me', remoteAddress, headers: bearer(dan.token) });

    for (const response of [await publicRead(denied), await login(denied), await me(denied)]) {
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('ip_denied');
    }
    expect((await publicRead(other)).statusCode).toBe(200);
    expect((await login(other)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(200);
  });
});

describe('composition: IP rules and maintenance mode together', () => {
  it('answers a denied address 403 ip_denied even in maintenance, while others get the 503', async () => {
    const platform = await startPlatform();
    const admin = await platform.signIn(ADMIN.email, ADMIN.password);
    const gil = await platform.register('gil@example.com', 'gil password 1');
    await denyAddresses(platform, admin, '203.0.113.0/24', 'abusive range');
    const on = await platform.inject({
      method: 'PUT',
      url: '/v1/settings/maintenance',
      headers: bearer(admin),
      payload: { mode: 'maintenance', message: 'Back soon' },
    });
    expect(on.statusCode).toBe(200);

    const me = (remoteAddress: string) =>
      platform.inject({ method: 'GET', url: '/v1/auth/me', remoteAddress, headers: bearer(gil.token) });
    const denied = await me('203.0.113.50');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('ip_denied');
    const refused = await me('198.51.100.20');
    expect(refused.statusCode).toBe(503);
    expect(refused.json().code).toBe('maintenance');
  });

  it('bypasses maintenance by the client address the ratelimit module resolves behind a trusted proxy', async () => {
    const platform = await startPlatform({
      RATELIMIT_TRUSTED_PROXIES: '10.0.0.0/8',
      MAINTENANCE_BYPASS_IPS: '198.51.100.9',
    });
    const admin = await platform.signIn(ADMIN.email, ADMIN.password);
    const hal = await platform.register('hal@example.com', 'hal password 1');
    const on = await platform.inject({
      method: 'PUT',
      url: '/v1/settings/maintenance',
      headers: bearer(admin),
      payload: { mode: 'maintenance', message: 'Back soon' },
    });
    expect(on.statusCode).toBe(200);

    const me = (remoteAddress: string, forwardedFor: string) =>
      platform.inject({
        method: 'GET',
        url: '/v1/auth/me',
        remoteAddress,
        headers: { ...bearer(hal.token), 'x-forwarded-for': forwardedFor },
      });
    // Through the trusted proxy, the forwarded address is the client's: the bypass address passes.
    const bypassed = await me('10.1.2.3', '198.51.100.9');
    expect(bypassed.statusCode).toBe(200);
    expect(bypassed.headers['x-maintenance-mode']).toBe('maintenance');
    expect((await me('10.1.2.3', '198.51.100.10')).statusCode).toBe(503);
    // A client that is not a trusted proxy cannot claim the bypass address by sending the header itself.
    expect((await me('192.0.2.44', '198.51.100.9')).statusCode).toBe(503);
  });
});

describe('composition: one audit log for every module', () => {
  it('records the admin changes of jobs, delivery, ratelimit, settings, flags, webhooks and status', async () => {
    const receiver = await startHttpReceiver();
    receivers.push(receiver);
    const platform = await startPlatform({
      OUTBOUND_ALLOW_LIST: '127.0.0.1/32',
      OUTBOUND_ALLOW_HTTP: 'true',
    });
    const admin = await platform.signIn(ADMIN.email, ADMIN.password);
    const changes = [
      { method: 'POST', url: '/v1/jobs/jobs.dead-letter-report/run', status: 202 },
      {
        method: 'PUT',
        url: '/v1/delivery/templates/welcome',
        payload: { subject: 'Welcome aboard', html: '<p>Hello</p>', text: 'Hello' },
        status: 200,
      },
      {
        method: 'POST',
        url: '/v1/ratelimit/ip-rules',
        payload: { ip: '192.0.2.0/24', action: 'deny', reason: 'test range' },
        status: 201,
      },
      { method: 'PUT', url: '/v1/settings/maintenance', payload: { message: 'All good' }, status: 200 },
      { method: 'POST', url: '/v1/flags', payload: { key: 'audited-flag' }, status: 201 },
      {
        method: 'POST',
        url: '/v1/webhooks/subscriptions',
        payload: { url: `${receiver.url}/hooks`, eventTypes: ['flag.toggled'] },
        status: 201,
      },
      {
        method: 'POST',
        url: '/v1/status/maintenance',
        payload: {
          title: 'Later',
          startsAt: new Date(Date.now() + 60 * MINUTE).toISOString(),
          endsAt: new Date(Date.now() + 120 * MINUTE).toISOString(),
        },
        status: 201,
      },
    ] as const;
    for (const change of changes) {
      const response = await platform.inject({
        method: change.method,
        url: change.url,
        headers: bearer(admin),
        ...('payload' in change ? { payload: change.payload } : {}),
      });
      expect(response.statusCode, `${change.method} ${change.url}: ${response.body}`).toBe(change.status);
    }

    await vi.waitFor(async () => {
      const audit = await platform.inject({
        method: 'GET',
        url: '/v1/audit?limit=100',
        headers: bearer(admin),
      });
      expect(audit.statusCode).toBe(200);
      const actions = new Set((audit.json().items as Array<{ action: string }>).map((entry) => entry.action));
      expect([...actions]).toEqual(
        expect.arrayContaining([
          'jobs.run',
          'delivery.template_updated',
          'ratelimit.ip_rule.created',
          'settings.maintenance.updated',
          'flags.created',
          'webhook.subscription_created',
          'status.maintenance_scheduled',
        ]),
      );
    }, BACKGROUND);
  });
});

describe('composition: flag changes reach webhook subscribers', () => {
  it('delivers a signed flag.toggled event to a loopback subscriber', async () => {
    const receiver = await startHttpReceiver();
    receivers.push(receiver);
    const platform = await startPlatform({
      OUTBOUND_ALLOW_LIST: '127.0.0.1/32',
      OUTBOUND_ALLOW_HTTP: 'true',
    });
    const admin = await platform.signIn(ADMIN.email, ADMIN.password);

    const subscription = await platform.inject({
      method: 'POST',
      url: '/v1/webhooks/subscriptions',
      headers: bearer(admin),
      payload: { url: `${receiver.url}/hooks/flags`, eventTypes: ['flag.toggled'] },
    });
    expect(subscription.statusCode).toBe(201);
    const secret = subscription.json().secret as string;
    expect(secret).toMatch(/^whsec_/);

    const created = await platform.inject({
      method: 'POST',
      url: '/v1/flags',
      headers: bearer(admin),
      payload: { key: 'new-checkout' },
    });
    expect(created.statusCode).toBe(201);
    const flagId = created.json().id as string;
    const toggled = await platform.inject({
      method: 'PATCH',
      url: '/v1/flags/new-checkout',
      headers: bearer(admin),
      payload: { enabled: true },
    });
    expect(toggled.statusCode).toBe(200);

    const [request] = await receiver.waitFor(1, BACKGROUND.timeout);
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/hooks/flags');
    const verified = verifyWebhook({ body: request?.body ?? '', headers: request?.headers ?? {}, secret });
    expect(verified.payload).toMatchObject({
      type: 'flag.toggled',
      data: { flagId, enabled: true },
    });
    expect(verified.id).toBe((verified.payload as { id: string }).id);
    // The signature is bound to the body and the secret.
    expect(() =>
      verifyWebhook({
        body: (request?.body ?? '').replace('"enabled":true', '"enabled":false'),
        headers: request?.headers ?? {},
        secret,
      }),
    ).toThrow(WebhookVerificationError);
    expect(() =>
      verifyWebhook({
        body: request?.body ?? '',
        headers: request?.headers ?? {},
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      }),
    ).toThrow(WebhookVerificationError);
  });
});

describe('composition: flags evaluate for signed-in users', () => {
  it("evaluates the admin's flags for a user's token, with the user's id from the token", async () => {
    const platform = await startPlatform();
    const admin = await platform.signIn(ADMIN.email, ADMIN.password);
    const eve = await platform.register('eve@example.com', 'eve password 1');
    const fay = await platform.register('fay@example.com', 'fay password 1');

    const created = await platform.inject({
      method: 'POST',
      url: '/v1/flags',
      headers: bearer(admin),
      payload: {
        key: 'beta-dashboard',
        enabled: true,
        rules: [
          {
            conditions: [{ attribute: 'userId', operator: 'in', values: [eve.userId] }],
            serve: { variant: 'on' },
          },
        ],
        defaultServe: { variant: 'off' },
      },
    });
    expect(created.statusCode).toBe(201);

    const evaluate = (token: string, context: Record<string, unknown> = {}) =>
      platform.inject({
        method: 'POST',
        url: '/v1/flags/evaluate',
        headers: bearer(token),
        payload: { keys: ['beta-dashboard', 'no-such-flag'], context },
      });
    const forEve = await evaluate(eve.token);
    expect(forEve.statusCode).toBe(200);
    expect(forEve.json().flags).toMatchObject({
      'beta-dashboard': { value: true, variant: 'on', reason: 'TARGETING_MATCH' },
      'no-such-flag': { reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' },
    });
    // Fay cannot borrow Eve's rollout by naming her: the user id comes from the token.
    const forFay = await evaluate(fay.token, { userId: eve.userId });
    expect(forFay.statusCode).toBe(200);
    expect(forFay.json().flags['beta-dashboard']).toMatchObject({
      value: false,
      variant: 'off',
      reason: 'DEFAULT',
    });
    const anonymous = await platform.inject({
      method: 'POST',
      url: '/v1/flags/evaluate',
      payload: { keys: ['beta-dashboard'] },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
