/**
 * The settings HTTP API, mounted under `/v1`: the caller's own user and device settings (product
 * and user from the principal), the public kill switch and maintenance reads, and the admin
 * changes (role `admin`, the admin's product, audited by the service).
 */
import { auditRequestContext } from '@groundwork/audit';
import { UnauthorizedError } from '@groundwork/errors';
import { guard, type ModuleRoutes, publicRoute } from '@groundwork/http';
import { z } from 'zod';
import type { ChangeMeta, MaintenanceService } from './maintenance.js';
import {
  adminMaintenanceSchema,
  createWindowSchema,
  deviceIdSchema,
  killSwitchSchema,
  maintenanceConfigSchema,
  maintenanceUpdateSchema,
  maintenanceWindowSchema,
  publicMaintenanceSchema,
  publicProductQuerySchema,
  putKillSwitchSchema,
  putSettingSchema,
  scheduleSchema,
  settingKeySchema,
  settingSchema,
  settingsDocumentSchema,
} from './schemas.js';
import type { SettingsOwner, UserSettings } from './user-settings.js';

const adminOnly = guard({ roles: ['admin'] });
const ADMIN = 'Requires role `admin`; the caller’s product only; audited.';

export interface SettingsRouteOptions {
  settings: UserSettings;
  maintenance: MaintenanceService;
  /** The product of public reads without `?productId=`. */
  defaultProductId: string;
  /** `KILL_SWITCH_MAX_AGE_SECONDS`. */
  publicMaxAgeSeconds: number;
}

interface AuthedRequest {
  principal?: { subject: string; productId: string } | undefined;
}

function ownerOf(request: AuthedRequest, deviceId?: string): SettingsOwner {
  const principal = request.principal;
  if (!principal) throw new UnauthorizedError();
  return { productId: principal.productId, userId: principal.subject, ...(deviceId ? { deviceId } : {}) };
}

function metaOf(request: {
  ip: string;
  id: string;
  headers: Record<string, string | string[] | undefined>;
}): ChangeMeta {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip, requestId: request.id, ...(typeof userAgent === 'string' ? { userAgent } : {}) };
}

const keyParams = z.object({ key: settingKeySchema });
const deviceParams = z.object({ deviceId: deviceIdSchema });
const deviceKeyParams = z.object({ deviceId: deviceIdSchema, key: settingKeySchema });

function settingsRoutes(settings: UserSettings): ModuleRoutes {
  return async (app) => {
    const scopes = [
      { base: '/settings/user', params: undefined, label: 'your user settings' },
      {
        base: '/settings/devices/:deviceId',
        params: deviceParams,
        label: 'the settings of one of your devices',
      },
    ] as const;
    for (const scope of scopes) {
      const owner = (request: AuthedRequest & { params: unknown }) =>
        ownerOf(request, scope.params ? (request.params as { deviceId: string }).deviceId : undefined);
      const itemParams = scope.params ? deviceKeyParams : keyParams;
      const tags = ['settings'];

      app.get(
        scope.base,
        {
          schema: {
            summary: `Get ${scope.label}`,
            description: 'Every stored key, with registered keys’ defaults filled in.',
            tags,
            ...(scope.params ? { params: scope.params } : {}),
            response: { 200: settingsDocumentSchema },
          },
        },
        async (request) => settings.getAll(owner(request)),
      );

      app.get(
        `${scope.base}/:key`,
        {
          schema: {
            summary: `Get one of ${scope.label}`,
            tags,
            params: itemParams,
            response: { 200: settingSchema },
          },
        },
        async (request) => {
          const { key } = request.params as { key: string };
          return { key, value: await settings.get(owner(request), key) };
        },
      );

      app.put(
        `${scope.base}/:key`,
        {
          schema: {
            summary: `Set one of ${scope.label}`,
            description:
              'Replaces the value, validated by the key’s schema (unregistered keys: plain JSON up to 4 KiB, unless the service rejects unknown keys).',
            tags,
            params: itemParams,
            body: putSettingSchema,
            response: { 200: settingSchema },
          },
        },
        async (request) => {
          const { key } = request.params as { key: string };
          return { key, value: await settings.put(owner(request), key, request.body.value) };
        },
      );

      app.patch(
        `${scope.base}/:key`,
        {
          schema: {
            summary: `Merge-patch one of ${scope.label}`,
            description:
              'RFC 7396 JSON merge patch into the current value (objects merge, `null` removes a member); the result is validated.',
            tags,
            params: itemParams,
            body: putSettingSchema,
            response: { 200: settingSchema },
          },
        },
        async (request) => {
          const { key } = request.params as { key: string };
          return { key, value: await settings.patch(owner(request), key, request.body.value) };
        },
      );

      app.delete(
        `${scope.base}/:key`,
        {
          schema: {
            summary: `Remove one of ${scope.label}`,
            tags,
            params: itemParams,
            response: { 204: z.null().describe('Removed.') },
          },
        },
        async (request, reply) => {
          const { key } = request.params as { key: string };
          await settings.remove(owner(request), key);
          return reply.status(204).send(null);
        },
      );
    }
  };
}

function opsRoutes(options: SettingsRouteOptions): ModuleRoutes {
  const { maintenance, defaultProductId, publicMaxAgeSeconds } = options;
  const cacheControl = `public, max-age=${publicMaxAgeSeconds}`;
  return async (app) => {
    app.get(
      '/settings/kill-switch',
      {
        ...publicRoute,
        schema: {
          summary: 'Kill switch of a product',
          description: `Public. Clients poll it and disable themselves while \`enabled\` (also on in \`emergency\` mode). Cacheable: \`Cache-Control: ${cacheControl}\`.`,
          querystring: publicProductQuerySchema,
          response: { 200: killSwitchSchema },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', cacheControl);
        return maintenance.killSwitch(request.query.productId ?? defaultProductId);
      },
    );

    app.put(
      '/settings/kill-switch',
      {
        ...adminOnly,
        schema: {
          summary: 'Toggle the kill switch',
          description: ADMIN,
          body: putKillSwitchSchema,
          response: { 200: killSwitchSchema },
        },
      },
      async (request) => {
        const context = auditRequestContext(request);
        return maintenance.setKillSwitch(context.productId, request.body, context.actor, metaOf(request));
      },
    );

    app.get(
      '/settings/maintenance',
      {
        ...publicRoute,
        schema: {
          summary: 'Maintenance mode of a product',
          description: `Public: the effective mode, the user message, the planned window. Reachable in every mode. \`Cache-Control: ${cacheControl}\`.`,
          querystring: publicProductQuerySchema,
          response: { 200: publicMaintenanceSchema },
        },
      },
      async (request, reply) => {
        const productId = request.query.productId ?? defaultProductId;
        const state = await maintenance.effective(productId);
        void reply.header('cache-control', cacheControl);
        const { config, nextWindow } = state;
        return {
          productId,
          mode: state.mode,
          message: config.message,
          ...(config.scheduledStart ? { scheduledStart: config.scheduledStart } : {}),
          ...(config.scheduledEnd ? { scheduledEnd: config.scheduledEnd } : {}),
          affectedServices: config.affectedServices,
          updatedAt: config.updatedAt,
          ...(nextWindow
            ? {
                nextWindow: {
                  id: nextWindow.id,
                  startAt: nextWindow.startAt,
                  endAt: nextWindow.endAt,
                  mode: nextWindow.mode,
                  message: nextWindow.message,
                },
              }
            : {}),
        };
      },
    );

    const adminView = async (productId: string) => {
      const state = await maintenance.effective(productId);
      return {
        ...state.config,
        productId,
        effectiveMode: state.mode,
        source: state.source,
        envBypassIPs: [...maintenance.envBypassIps],
      };
    };

    app.get(
      '/settings/maintenance/config',
      {
        ...adminOnly,
        schema: {
          summary: 'Full maintenance config',
          description:
            'Bypass rules, admin message, and whether `MAINTENANCE_MODE` overrides the stored mode. Requires role `admin`.',
          response: { 200: adminMaintenanceSchema },
        },
      },
      async (request) => adminView(auditRequestContext(request).productId),
    );

    app.put(
      '/settings/maintenance',
      {
        ...adminOnly,
        schema: {
          summary: 'Change maintenance mode',
          description: `Mode, messages, bypass roles and IPs/CIDRs, affected services, planned times; omitted fields keep their values, \`null\` clears an optional one. Applies at once on this instance and within \`MAINTENANCE_CACHE_TTL_MS\` on the others. ${ADMIN}`,
          body: maintenanceUpdateSchema,
          response: { 200: maintenanceConfigSchema },
        },
      },
      async (request) => {
        const context = auditRequestContext(request);
        return maintenance.setMaintenance(context.productId, request.body, context.actor, metaOf(request));
      },
    );

    app.get(
      '/settings/maintenance/schedule',
      {
        ...publicRoute,
        schema: {
          summary: 'Upcoming maintenance windows',
          description: 'Public: scheduled and active windows, by start. Reachable in every mode.',
          querystring: publicProductQuerySchema,
          response: { 200: scheduleSchema },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', cacheControl);
        return { items: await maintenance.schedule(request.query.productId ?? defaultProductId) };
      },
    );

    app.post(
      '/settings/maintenance/schedule',
      {
        ...adminOnly,
        schema: {
          summary: 'Schedule a maintenance window',
          description: `The mode switches on at \`startAt\` and back at \`endAt\` by itself (the \`settings.maintenance-windows\` job, at most one interval late). Windows may not overlap. ${ADMIN}`,
          body: createWindowSchema,
          response: { 201: maintenanceWindowSchema },
        },
      },
      async (request, reply) => {
        const context = auditRequestContext(request);
        const window = await maintenance.scheduleWindow(
          context.productId,
          request.body,
          context.actor,
          metaOf(request),
        );
        return reply.status(201).send(window);
      },
    );

    app.delete(
      '/settings/maintenance/schedule/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Cancel a maintenance window',
          description: `A scheduled window never starts; an active one ends now (the previous mode comes back). ${ADMIN}`,
          params: z.object({ id: z.string().min(1).max(100) }),
          response: { 200: maintenanceWindowSchema },
        },
      },
      async (request) => {
        const context = auditRequestContext(request);
        return maintenance.cancelWindow(context.productId, request.params.id, context.actor, metaOf(request));
      },
    );
  };
}

export function settingsModuleRoutes(options: SettingsRouteOptions): ModuleRoutes {
  return async (app, opts) => {
    await app.register(settingsRoutes(options.settings), opts);
    await app.register(opsRoutes(options), opts);
  };
}
