import { createAuditModule } from '@groundwork/audit';
import { collectModuleEvents, createEventBus } from '@groundwork/events';
import { bearer, createTestService } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createFlagsModule } from './module.js';

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('flags module', () => {
  it('records each change in the real audit log with who, where and what changed', async () => {
    const audit = createAuditModule();
    const flags = createFlagsModule({ audit: (record) => audit.audit.record(record) });
    const { service, clock } = await createTestService({ modules: [audit.module, flags.module] });
    stops.push(() => service.stop());
    const admin = { ...bearer('ann', 'acme', ['admin']), 'user-agent': 'console/1' };
    const created = await service.app.inject({
      method: 'POST',
      url: '/v1/flags',
      headers: admin,
      payload: {
        key: 'new-checkout',
        type: 'json',
        variants: [{ key: 'cfg', value: { token: 'abc', steps: 3 } }],
        enabled: true,
      },
    });
    expect(created.statusCode).toBe(201);
    // Entries list newest first; a later change must not share the creation's millisecond.
    clock.advance(1_000);
    await service.app.inject({
      method: 'PATCH',
      url: '/v1/flags/new-checkout',
      headers: admin,
      payload: { enabled: false },
    });
    const entries = (
      await service.app.inject({ method: 'GET', url: '/v1/audit?action=flags.*', headers: admin })
    ).json().items;
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'flags.toggled',
        actor: { type: 'admin', id: 'ann' },
        target: { type: 'flag', id: created.json().id },
        summary: { before: { enabled: true }, after: { enabled: false } },
        userAgent: 'console/1',
      }),
      expect.objectContaining({ action: 'flags.created', productId: 'acme' }),
    ]);
    // The audit log redacts secret-looking keys in variant values.
    expect(entries[1].summary.after.variants[0].value).toEqual({ token: '[redacted]', steps: 3 });
    expect(flags.service()).toBeDefined();
  });

  it('declares its events for the catalog (flag.toggled is built in)', () => {
    const flags = createFlagsModule();
    const { definitions } = collectModuleEvents([flags.module]);
    expect(definitions.map((d) => d.type)).toEqual(['flag.created', 'flag.updated', 'flag.deleted']);
    const bus = createEventBus({ definitions });
    expect(bus.catalog.has('flag.toggled')).toBe(true);
    expect(() =>
      bus.catalog.validate('flag.updated', { flagId: 'flag_x', key: 'k', version: 0, changed: [] }),
    ).toThrow();
  });

  it('has no service before it is mounted', () => {
    expect(() => createFlagsModule().service()).toThrow(/not mounted/);
  });
});
