import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsTestApp, type SettingsTestApp } from '../test/support.js';

const apps: SettingsTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

describe('OpenAPI', () => {
  it('documents every settings route with its schemas', async () => {
    const app = await createSettingsTestApp();
    apps.push(app);
    const response = await app.inject({ url: '/documentation/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    for (const path of [
      '/v1/settings/user',
      '/v1/settings/user/{key}',
      '/v1/settings/devices/{deviceId}',
      '/v1/settings/devices/{deviceId}/{key}',
      '/v1/settings/kill-switch',
      '/v1/settings/maintenance',
      '/v1/settings/maintenance/config',
      '/v1/settings/maintenance/schedule',
      '/v1/settings/maintenance/schedule/{id}',
    ])
      expect(paths, path).toContain(path);
    const put = response.json().paths['/v1/settings/maintenance'].put;
    expect(put.security).toEqual([{ bearerAuth: [] }]);
    expect(put.requestBody.content['application/json'].schema.properties.mode.enum).toEqual([
      'off',
      'read_only',
      'maintenance',
      'emergency',
    ]);
    expect(response.json().paths['/v1/settings/kill-switch'].get.security).toBeUndefined();
  });
});
