/**
 * A real platform for the page's tests: the status module of `@groundwork/status` in a test
 * service listening on 127.0.0.1, its store seeded with 90 days of samples and, per scenario, the
 * incidents and maintenance that give each overall status.
 */
import type { OverallStatus } from '@groundwork/status';
import { createStatusModule, type StatusService } from '@groundwork/status';
import { createFakeClock, createTestService, type FakeClock } from '@groundwork/testing';

export interface TestPlatform {
  url: string;
  status: StatusService;
  clock: FakeClock;
  stop(): Promise<void>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const NOW = Date.UTC(2026, 2, 31, 12, 0, 0);
const admin = { productId: 'acme', actor: { type: 'admin' as const, id: 'ops' } };

/** Samples every 4 hours for 90 days; `api` had an outage on day 30 and a slow day 60. */
async function seedHistory(status: StatusService): Promise<void> {
  const start = NOW - 89 * DAY - (NOW % DAY);
  const samples = [];
  for (let at = start; at <= NOW; at += 4 * HOUR) {
    const day = Math.floor((at - start) / DAY);
    for (const id of ['api', 'web', 'jobs']) {
      const outage = id === 'api' && day === 30 && at % DAY < 12 * HOUR;
      const slow = id === 'api' && day === 60;
      samples.push({
        componentId: id,
        at,
        state: outage ? ('down' as const) : slow ? ('degraded' as const) : ('up' as const),
        latencyMs: outage ? 0 : (slow ? 900 : 40) + ((at / HOUR) % 7) * 3 + (id === 'web' ? 20 : 0),
      });
    }
  }
  await status.health.recordSamples('acme', samples);
}

export async function startPlatform(scenario: OverallStatus = 'operational'): Promise<TestPlatform> {
  const clock = createFakeClock(NOW);
  const module = createStatusModule({ productId: 'acme', pageUrl: 'https://status.acme.test/' });
  const { service } = await createTestService({ modules: [module.module], clock });
  const { status } = module;
  const { url } = await service.start();
  await status.components.registerOperatorComponents('acme', [
    {
      id: 'api',
      name: 'API',
      order: 0,
      description: 'The public REST API.',
      check: { kind: 'service', baseUrl: 'http://127.0.0.1:9' },
    },
    { id: 'web', name: 'Web app', order: 1, check: { kind: 'http', url: 'http://127.0.0.1:9/' } },
    {
      id: 'jobs',
      name: 'Background jobs',
      order: 2,
      check: { kind: 'service', baseUrl: 'http://127.0.0.1:9' },
    },
  ]);
  await seedHistory(status);

  // A past incident, resolved, with a timeline.
  clock.set(NOW - 59 * DAY - 10 * HOUR);
  const past = await status.incidents.create(admin, {
    title: 'Slow API responses',
    impact: 'minor',
    components: ['api'],
    message: 'Responses are slower than usual; we are looking into it.',
  });
  clock.advance(HOUR);
  await status.incidents.update(admin, past.id, {
    status: 'identified',
    message: 'A database index was missing.',
  });
  clock.advance(2 * HOUR);
  await status.incidents.update(admin, past.id, {
    status: 'resolved',
    message: 'The index is rebuilt; responses are fast again.',
  });

  clock.set(NOW - 20 * DAY);
  await status.maintenance.create(admin, {
    title: 'Database upgrade',
    description: 'PostgreSQL minor version upgrade.',
    components: ['api'],
    startsAt: new Date(NOW - 10 * DAY).toISOString(),
    endsAt: new Date(NOW - 10 * DAY + HOUR).toISOString(),
  });
  clock.set(NOW);
  await status.maintenance.advance();
  await status.maintenance.create(admin, {
    title: 'Network maintenance',
    components: ['web'],
    startsAt: new Date(NOW + 3 * DAY).toISOString(),
    endsAt: new Date(NOW + 3 * DAY + 2 * HOUR).toISOString(),
  });

  const state = (componentId: string, s: 'up' | 'degraded' | 'down') =>
    status.health.setCurrentState('acme', {
      componentId,
      state: s,
      sinceMs: NOW - HOUR,
      checkedAtMs: NOW,
      latencyMs: 42,
    });
  await state('api', 'up');
  await state('web', 'up');
  await state('jobs', 'up');

  if (scenario === 'degraded') {
    await state('api', 'degraded');
    clock.set(NOW - 30 * 60_000);
    const incident = await status.incidents.create(admin, {
      title: 'Elevated API latency',
      impact: 'minor',
      components: ['api'],
      message: 'Some API requests take several seconds.',
    });
    clock.set(NOW - 10 * 60_000);
    await status.incidents.update(admin, incident.id, {
      status: 'monitoring',
      message: 'A fix is deployed; we are watching response times.',
    });
  }
  if (scenario === 'major_outage') {
    await state('api', 'down');
    await state('web', 'down');
    clock.set(NOW - 20 * 60_000);
    const incident = await status.incidents.create(admin, {
      title: 'API and web app unavailable',
      impact: 'critical',
      components: ['api', 'web'],
      message: 'Requests to the API and the web app fail.',
    });
    clock.set(NOW - 5 * 60_000);
    await status.incidents.update(admin, incident.id, {
      status: 'identified',
      message: 'A failed network switch in our primary region; traffic is moving to the secondary.',
    });
  }
  clock.set(NOW);
  return { url, status, clock, stop: async () => void (await service.stop()) };
}
