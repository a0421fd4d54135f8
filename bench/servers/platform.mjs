// The platform as deployed (its own modules, config from env, SQLite in a temp dir), with the
// example notes module mounted so there is a store-backed point-read route to measure. With
// ADMIN_EMAIL / ADMIN_PASSWORD in the environment, that user exists to sign in with.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exampleNotesModule, WELCOME_NOTE_ID } from '@groundwork/http';
import { createPlatform, loadPlatformConfig } from '@groundwork/platform';

const dir = mkdtempSync(path.join(tmpdir(), 'gw-bench-platform-'));
const config = loadPlatformConfig({
  ...process.env,
  PORT: '0',
  STORE_KIND: 'sqlite',
  SQLITE_PATH: path.join(dir, 'platform.db'),
});
const service = await createPlatform({ config, extraModules: [exampleNotesModule] });
const { url } = await service.start();
process.send?.({
  ready: true,
  url,
  paths: {
    health: '/health',
    read: `/v1/notes/${WELCOME_NOTE_ID}`,
    login: '/v1/auth/login',
    me: '/v1/auth/me',
  },
  logLevel: config.env.LOG_LEVEL,
});
process.on('SIGTERM', () => service.stop().then(() => process.exit(0)));
