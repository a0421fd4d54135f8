/**
 * The real platform on a fresh SQLite file, for the composition tests: built exactly as
 * `createPlatform` builds it (`platformServiceOptions` then `createServiceApp`), keeping a handle on
 * the store so tests can inspect what was written. The job runner is on; the bootstrap admin comes
 * from `ADMIN_EMAIL` / `ADMIN_PASSWORD` at `start()`.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServiceApp, type ServiceApp } from '@groundwork/http';
import type { Clock, DocumentStore } from '@groundwork/store';
import { expect } from 'vitest';
import { loadPlatformConfig } from '../src/env.js';
import { platformServiceOptions } from '../src/platform.js';

export const ADMIN = { email: 'root@example.com', password: 'root password 1' } as const;

export interface OutboxMessage {
  id: string;
  template: string;
  createdAt: number;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface SignedInUser {
  userId: string;
  token: string;
}

export interface StartedPlatform {
  service: ServiceApp;
  store: DocumentStore;
  inject: ServiceApp['app']['inject'];
  /** Signs in (expects 200) and returns the access token. */
  signIn(email: string, password: string): Promise<string>;
  /** Registers an account (expects 201). */
  register(email: string, password: string): Promise<SignedInUser>;
}

const services: ServiceApp[] = [];
const directories: string[] = [];

/** For `afterEach`: stops every platform started by the test, then deletes its SQLite file. */
export async function cleanupPlatforms(): Promise<void> {
  await Promise.all(services.splice(0).map((service) => service.stop()));
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

export async function startPlatform(
  env: Record<string, string> = {},
  clock?: Clock,
): Promise<StartedPlatform> {
  const directory = mkdtempSync(path.join(tmpdir(), 'gw-composition-'));
  directories.push(directory);
  const config = loadPlatformConfig({
    LOG_LEVEL: 'silent',
    STORE_KIND: 'sqlite',
    SQLITE_PATH: path.join(directory, 'platform.db'),
    PORT: '0',
    HOST: '127.0.0.1',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JOB_RUNNER_ENABLED: 'true',
    ...env,
  });
  const options = await platformServiceOptions({ config, ...(clock ? { clock } : {}) });
  const service = await createServiceApp(options);
  services.push(service);
  await service.start();
  const inject = service.app.inject.bind(service.app) as ServiceApp['app']['inject'];

  return {
    service,
    store: options.store,
    inject,
    async signIn(email, password) {
      const response = await service.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email, password },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().tokens.accessToken as string;
    },
    async register(email, password) {
      const response = await service.app.inject({
        method: 'POST',
        url: '/v1/auth/register',
        payload: { email, password },
      });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json() as { user: { id: string }; tokens: { accessToken: string } };
      return { userId: body.user.id, token: body.tokens.accessToken };
    },
  };
}
