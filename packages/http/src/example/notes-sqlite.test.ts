import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSqliteStore } from '@groundwork/store/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../../test/support.js';
import type { ServiceApp } from '../create-service-app.js';
import type { Note } from './schemas.js';

describe('example notes module on the SQLite store', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gw-http-'));
  const services: ServiceApp[] = [];
  afterEach(async () => {
    for (const service of services.splice(0)) await service.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps notes across restarts and runs each migration once', async () => {
    const file = path.join(dir, 'notes.db');
    const first = await createTestApp({ store: createSqliteStore({ path: file }) });
    services.push(first);
    expect(first.ready.migrations.data).toMatchObject({ ranNow: ['notes-welcome-note'] });
    const created = await first.app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: bearer('ann', 'acme', ['member']),
      payload: { title: 'durable' },
    });
    expect(created.statusCode).toBe(201);
    const note = created.json<Note>();
    await first.stop();

    const second = await createTestApp({ store: createSqliteStore({ path: file }) });
    services.push(second);
    expect(second.ready.migrations).toMatchObject({ status: 'ok', data: { ranNow: [] } });
    const read = await second.app.inject({ method: 'GET', url: `/v1/notes/${note.id}?pk=acme` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(note);
    const ready = await second.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
  });
});
