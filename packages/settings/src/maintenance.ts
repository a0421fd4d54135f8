/**
 * Maintenance mode and the kill switch (seed §2.10): the per-product `MaintenanceConfig`, the
 * kill switch, scheduled windows, and the cached effective state the HTTP hook reads on every
 * request. No Fastify here.
 *
 * Cross-instance bound: each instance caches a product's state (config, kill switch, next window)
 * for `cacheTtlMs` (`MAINTENANCE_CACHE_TTL_MS`, default 5 s). A change made through this service
 * applies at once on the instance that made it (its cache entry is dropped) and on every other
 * instance on the same store within `cacheTtlMs`. Scheduled windows are switched by the
 * `settings.maintenance-windows` job (see `jobs.ts`): at most one job interval late, plus the
 * cache bound on the other instances.
 *
 * `MAINTENANCE_MODE` (when set) overrides the stored mode of every product, for a deploy; the
 * stored config is left untouched and comes back when the variable is unset.
 * `MAINTENANCE_BYPASS_IPS` adds to every product's `bypassIPs`.
 */
import type { AuditRecordInput } from '@groundwork/audit';
import { ConflictError, isAppError, NotFoundError, ValidationError } from '@groundwork/errors';
import { type Actor, systemActor } from '@groundwork/events';
import { newId } from '@groundwork/http';
import { type IpRange, parseRange, parseRanges } from '@groundwork/ratelimit';
import type { Clock, DocumentStore, StoredDocument } from '@groundwork/store';
import type { z } from 'zod';
import {
  type CreateWindowRequest,
  createWindowSchema,
  type KillSwitchView,
  type MaintenanceConfig,
  type MaintenanceMode,
  type MaintenanceUpdate,
  type MaintenanceWindow,
  maintenanceUpdateSchema,
} from './schemas.js';
import { KILL_SWITCH_ID, MAINTENANCE_ID, SETTINGS_CONTAINER } from './settings-container.js';

export type SettingsAuditSink = (record: AuditRecordInput) => Promise<unknown>;

/** Where a change came from, for the audit log. */
export interface ChangeMeta {
  ip?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
}

export const DEFAULT_BYPASS_ROLES = ['admin', 'super_admin'];
export const SCHEDULE_ACTOR = systemActor('maintenance-schedule');

interface MaintenanceDocument {
  kind: 'maintenance';
  productId: string;
  maintenanceConfig: MaintenanceConfig;
}

interface KillSwitchDocument {
  kind: 'kill_switch';
  productId: string;
  enabled: boolean;
  message: string;
  updatedBy: string;
}

type ConfigSnapshot = Pick<
  MaintenanceConfig,
  'mode' | 'message' | 'adminMessage' | 'scheduledStart' | 'scheduledEnd'
>;

interface WindowDocument {
  kind: 'maintenance_window';
  productId: string;
  startAtMs: number;
  endAtMs: number;
  startAt: string;
  endAt: string;
  mode: MaintenanceMode;
  message: string;
  adminMessage?: string;
  state: MaintenanceWindow['state'];
  createdBy: string;
  createdAt: string;
  /** The config's mode and messages before the window switched them (restored at its end). */
  previous?: ConfigSnapshot;
}

/** What the hook needs for one product, as of the last refresh. */
export interface EffectiveMaintenance {
  productId: string;
  mode: MaintenanceMode;
  source: 'stored' | 'env';
  config: MaintenanceConfig;
  /** `bypassIPs` and `MAINTENANCE_BYPASS_IPS`, parsed. */
  bypassRanges: IpRange[];
  nextWindow: MaintenanceWindow | undefined;
  killSwitch: { enabled: boolean; message: string; updatedAt?: string };
}

export interface MaintenanceServiceOptions {
  store: DocumentStore;
  clock: Clock;
  /** `MAINTENANCE_MODE`: overrides every product's stored mode when set. */
  envMode?: MaintenanceMode | undefined;
  /** `MAINTENANCE_BYPASS_IPS`. */
  envBypassIps?: readonly string[];
  /** `MAINTENANCE_CACHE_TTL_MS` (default 5000). */
  cacheTtlMs?: number;
  /** `Retry-After` when the config has no `scheduledEnd` in the future (default 300 s). */
  defaultRetryAfterSeconds?: number;
  audit?: SettingsAuditSink | undefined;
  /** Told when the state cannot be read from the store (the last known state, else `off`, is served meanwhile). */
  onError?: (error: unknown, productId: string) => void;
}

export interface ApplyResult {
  started: string[];
  ended: string[];
  skipped: string[];
}

export interface MaintenanceService {
  /** The cached effective state of `productId` (refreshed from the store at most `cacheTtlMs` old). */
  effective(productId: string): Promise<EffectiveMaintenance>;
  /** Seconds a refused client should wait: until `scheduledEnd` when ahead, else the default. */
  retryAfterSeconds(state: EffectiveMaintenance): number;
  /**
   * Changes the stored config (omitted fields keep their values, `null` clears an optional one);
   * validated like `PUT /v1/settings/maintenance` (`ValidationError`); audited. Applies at once on
   * this instance, within `cacheTtlMs` on the others. The status module calls this.
   */
  setMaintenance(
    productId: string,
    update: MaintenanceUpdate,
    actor: Actor,
    meta?: ChangeMeta,
  ): Promise<MaintenanceConfig>;
  /** Upcoming and active windows, by start. */
  schedule(productId: string): Promise<MaintenanceWindow[]>;
  /** Validated like the route (`ValidationError`; `ConflictError` `window_overlaps`); audited. */
  scheduleWindow(
    productId: string,
    input: CreateWindowRequest,
    actor: Actor,
    meta?: ChangeMeta,
  ): Promise<MaintenanceWindow>;
  /** Cancels a scheduled window, or ends an active one now; `NotFoundError` / `ConflictError` otherwise. */
  cancelWindow(productId: string, id: string, actor: Actor, meta?: ChangeMeta): Promise<MaintenanceWindow>;
  /** Switches due windows on and over windows off (every product); idempotent, safe on several instances. */
  applyDueWindows(): Promise<ApplyResult>;
  killSwitch(productId: string): Promise<KillSwitchView>;
  setKillSwitch(
    productId: string,
    input: { enabled: boolean; message?: string | undefined },
    actor: Actor,
    meta?: ChangeMeta,
  ): Promise<KillSwitchView>;
  /** `MAINTENANCE_BYPASS_IPS` as configured. */
  readonly envBypassIps: readonly string[];
  readonly envMode: MaintenanceMode | undefined;
}

export function defaultMaintenanceConfig(now: number): MaintenanceConfig {
  return {
    mode: 'off',
    message: '',
    bypassRoles: [...DEFAULT_BYPASS_ROLES],
    bypassIPs: [],
    affectedServices: ['*'],
    updatedAt: new Date(now).toISOString(),
    updatedBy: 'system',
  };
}

function windowView(doc: WindowDocument & { id: string }): MaintenanceWindow {
  return {
    id: doc.id,
    productId: doc.productId,
    startAt: doc.startAt,
    endAt: doc.endAt,
    mode: doc.mode,
    message: doc.message,
    ...(doc.adminMessage !== undefined ? { adminMessage: doc.adminMessage } : {}),
    state: doc.state,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
  };
}

const isRace = (error: unknown) => isAppError(error) && (error.status === 409 || error.status === 412);
const MAX_ROUNDS = 5;
/** Products whose state an instance caches at most. */
export const MAX_CACHED_PRODUCTS = 1_000;

/** Validates what code passes in (routes have validated already): a `ValidationError` with `body.` paths. */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      message: issue.message,
      code: issue.code,
    })),
  );
}

function snapshotOf(config: MaintenanceConfig): ConfigSnapshot {
  return {
    mode: config.mode,
    message: config.message,
    ...(config.adminMessage !== undefined ? { adminMessage: config.adminMessage } : {}),
    ...(config.scheduledStart !== undefined ? { scheduledStart: config.scheduledStart } : {}),
    ...(config.scheduledEnd !== undefined ? { scheduledEnd: config.scheduledEnd } : {}),
  };
}

export function createMaintenanceService(options: MaintenanceServiceOptions): MaintenanceService {
  const { store, clock } = options;
  const cacheTtlMs = options.cacheTtlMs ?? 5_000;
  const defaultRetryAfter = options.defaultRetryAfterSeconds ?? 300;
  const envBypassIps = [...(options.envBypassIps ?? [])];
  const envRanges = parseRanges(envBypassIps, 'MAINTENANCE_BYPASS_IPS');
  const settings = () =>
    store.container<MaintenanceDocument | KillSwitchDocument | WindowDocument>(SETTINGS_CONTAINER.name);
  const windows = () => store.container<WindowDocument>(SETTINGS_CONTAINER.name);
  const cache = new Map<string, { at: number; state: Promise<EffectiveMaintenance> }>();

  async function audit(record: AuditRecordInput, meta: ChangeMeta = {}): Promise<void> {
    if (!options.audit) return;
    await options.audit({
      ...record,
      ...(meta.ip ? { ip: meta.ip } : {}),
      ...(meta.userAgent ? { userAgent: meta.userAgent } : {}),
      ...(meta.requestId ? { requestId: meta.requestId } : {}),
    });
  }

  async function readConfig(productId: string): Promise<StoredDocument<MaintenanceDocument> | undefined> {
    return (await settings().read(MAINTENANCE_ID, productId)) as
      | StoredDocument<MaintenanceDocument>
      | undefined;
  }

  async function readKill(productId: string): Promise<StoredDocument<KillSwitchDocument> | undefined> {
    return (await settings().read(KILL_SWITCH_ID, productId)) as
      | StoredDocument<KillSwitchDocument>
      | undefined;
  }

  async function listWindows(productId: string, limit: number): Promise<MaintenanceWindow[]> {
    const page = await windows().query({
      pk: productId,
      where: {
        and: [
          { field: 'kind', op: 'eq', value: 'maintenance_window' },
          { field: 'state', op: 'in', values: ['scheduled', 'active'] },
          { field: 'endAtMs', op: 'gt', value: clock.now() },
        ],
      },
      orderBy: [{ field: 'startAtMs', direction: 'asc' }],
      limit,
    });
    return page.items.map(windowView);
  }

  async function load(productId: string): Promise<EffectiveMaintenance> {
    const [configDoc, killDoc, upcoming] = await Promise.all([
      readConfig(productId),
      readKill(productId),
      listWindows(productId, 5),
    ]);
    const config = configDoc?.maintenanceConfig ?? defaultMaintenanceConfig(clock.now());
    const stored = config.bypassIPs.flatMap((text) => {
      const range = parseRange(text);
      return range ? [range] : [];
    });
    return {
      productId,
      mode: options.envMode ?? config.mode,
      source: options.envMode !== undefined ? 'env' : 'stored',
      config,
      bypassRanges: [...stored, ...envRanges],
      nextWindow: upcoming.find((window) => window.state === 'scheduled'),
      killSwitch: killDoc
        ? { enabled: killDoc.enabled, message: killDoc.message, updatedAt: killDoc.updatedAt }
        : { enabled: false, message: '' },
    };
  }

  /** The last state read from the store per product: served when a refresh fails. */
  const lastGood = new Map<string, EffectiveMaintenance>();

  async function refresh(productId: string): Promise<EffectiveMaintenance> {
    try {
      const state = await load(productId);
      lastGood.delete(productId);
      lastGood.set(productId, state);
      if (lastGood.size > MAX_CACHED_PRODUCTS) {
        const oldest = lastGood.keys().next().value;
        if (oldest !== undefined) lastGood.delete(oldest);
      }
      return state;
    } catch (error) {
      // The store is unreachable: keep serving (last known state, else off) rather than failing
      // every request; retried at the next request.
      cache.delete(productId);
      options.onError?.(error, productId);
      return lastGood.get(productId) ?? fallbackState(productId);
    }
  }

  function fallbackState(productId: string): EffectiveMaintenance {
    const config = defaultMaintenanceConfig(clock.now());
    return {
      productId,
      mode: options.envMode ?? 'off',
      source: options.envMode !== undefined ? 'env' : 'stored',
      config,
      bypassRanges: [...envRanges],
      nextWindow: undefined,
      killSwitch: { enabled: false, message: '' },
    };
  }

  function effective(productId: string): Promise<EffectiveMaintenance> {
    const now = clock.now();
    const hit = cache.get(productId);
    if (hit && now - hit.at < cacheTtlMs && now >= hit.at) return hit.state;
    const state = refresh(productId);
    cache.delete(productId);
    cache.set(productId, { at: now, state });
    // Public reads name any product: keep the cache bounded (oldest entry out first).
    if (cache.size > MAX_CACHED_PRODUCTS) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return state;
  }

  /** Read-modify-write of the config with etags. */
  async function writeConfig(
    productId: string,
    change: (current: MaintenanceConfig) => MaintenanceConfig | undefined,
  ): Promise<{ before: MaintenanceConfig; after: MaintenanceConfig } | undefined> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const doc = await readConfig(productId);
      const before = doc?.maintenanceConfig ?? defaultMaintenanceConfig(clock.now());
      const after = change(before);
      if (!after) return undefined;
      const next = {
        id: MAINTENANCE_ID,
        pk: productId,
        kind: 'maintenance' as const,
        productId,
        maintenanceConfig: after,
      };
      try {
        if (doc) await settings().replace(next, { ifMatch: doc.etag });
        else await settings().create(next);
        cache.delete(productId);
        return { before, after };
      } catch (error) {
        if (!isRace(error)) throw error;
      }
    }
    throw new ConflictError(
      'The maintenance config changed too often at once; retry.',
      'maintenance_conflict',
    );
  }

  function applyUpdate(current: MaintenanceConfig, update: MaintenanceUpdate, by: string): MaintenanceConfig {
    const next: MaintenanceConfig = {
      ...current,
      ...(update.mode !== undefined ? { mode: update.mode } : {}),
      ...(update.message !== undefined ? { message: update.message } : {}),
      ...(update.bypassRoles !== undefined ? { bypassRoles: update.bypassRoles } : {}),
      ...(update.bypassIPs !== undefined
        ? { bypassIPs: update.bypassIPs.map((text) => parseRange(text)?.text ?? text) }
        : {}),
      ...(update.affectedServices !== undefined ? { affectedServices: update.affectedServices } : {}),
      updatedAt: new Date(clock.now()).toISOString(),
      updatedBy: by,
    };
    for (const field of ['adminMessage', 'scheduledStart', 'scheduledEnd'] as const) {
      const value = update[field];
      if (value === null) delete next[field];
      else if (value !== undefined) next[field] = value;
    }
    // A manual change ends the link to the window that set the mode.
    if (update.mode !== undefined) delete next.windowId;
    return next;
  }

  async function endWindow(
    doc: StoredDocument<WindowDocument>,
    state: 'done' | 'cancelled',
    actor: Actor,
    meta?: ChangeMeta,
  ) {
    const claimed = await windows().replace({ ...doc, state }, { ifMatch: doc.etag });
    const restored = await writeConfig(doc.productId, (current) => {
      if (current.windowId !== doc.id) return undefined; // changed by hand since: leave it
      const previous = doc.previous ?? { mode: 'off' as const, message: '' };
      const next: MaintenanceConfig = {
        ...current,
        mode: previous.mode,
        message: previous.message,
        updatedAt: new Date(clock.now()).toISOString(),
        updatedBy: `${actor.type}:${actor.id}`,
      };
      delete next.windowId;
      delete next.adminMessage;
      delete next.scheduledStart;
      delete next.scheduledEnd;
      if (previous.adminMessage !== undefined) next.adminMessage = previous.adminMessage;
      if (previous.scheduledStart !== undefined) next.scheduledStart = previous.scheduledStart;
      if (previous.scheduledEnd !== undefined) next.scheduledEnd = previous.scheduledEnd;
      return next;
    });
    await audit(
      {
        productId: doc.productId,
        actor,
        action:
          state === 'done' ? 'settings.maintenance.window_ended' : 'settings.maintenance.window_cancelled',
        target: { type: 'maintenance_window', id: doc.id },
        summary: {
          before: { state: doc.state, ...(restored ? { mode: restored.before.mode } : {}) },
          after: { state, ...(restored ? { mode: restored.after.mode } : {}) },
        },
      },
      meta,
    );
    return claimed;
  }

  async function startWindow(doc: StoredDocument<WindowDocument>): Promise<void> {
    const current =
      (await readConfig(doc.productId))?.maintenanceConfig ?? defaultMaintenanceConfig(clock.now());
    // Claim first: only one instance switches a window on, and it records what to restore.
    await windows().replace(
      { ...doc, state: 'active', previous: snapshotOf(current) },
      { ifMatch: doc.etag },
    );
    const written = await writeConfig(doc.productId, (config) => {
      const next: MaintenanceConfig = {
        ...config,
        mode: doc.mode,
        message: doc.message,
        scheduledStart: doc.startAt,
        scheduledEnd: doc.endAt,
        windowId: doc.id,
        updatedAt: new Date(clock.now()).toISOString(),
        updatedBy: `${SCHEDULE_ACTOR.type}:${SCHEDULE_ACTOR.id}`,
      };
      if (doc.adminMessage !== undefined) next.adminMessage = doc.adminMessage;
      else delete next.adminMessage;
      return next;
    });
    await audit({
      productId: doc.productId,
      actor: SCHEDULE_ACTOR,
      action: 'settings.maintenance.window_started',
      target: { type: 'maintenance_window', id: doc.id },
      summary: { before: { mode: written?.before.mode ?? 'off' }, after: { mode: doc.mode } },
    });
  }

  async function killView(productId: string, state: EffectiveMaintenance): Promise<KillSwitchView> {
    const emergency = state.mode === 'emergency';
    return {
      productId,
      enabled: state.killSwitch.enabled || emergency,
      reason: state.killSwitch.enabled ? 'kill_switch' : emergency ? 'emergency' : null,
      message: state.killSwitch.enabled ? state.killSwitch.message : emergency ? state.config.message : '',
      ...(state.killSwitch.updatedAt ? { updatedAt: state.killSwitch.updatedAt } : {}),
    };
  }

  return {
    envBypassIps,
    envMode: options.envMode,
    effective,

    retryAfterSeconds(state) {
      const end = state.config.scheduledEnd ? Date.parse(state.config.scheduledEnd) : Number.NaN;
      const now = clock.now();
      if (Number.isFinite(end) && end > now) return Math.max(1, Math.ceil((end - now) / 1000));
      return defaultRetryAfter;
    },

    async setMaintenance(productId, rawUpdate, actor, meta) {
      const update = parseInput(maintenanceUpdateSchema, rawUpdate);
      const written = await writeConfig(productId, (current) =>
        applyUpdate(current, update, `${actor.type}:${actor.id}`),
      );
      if (!written) throw new Error('unreachable: an update always writes');
      await audit(
        {
          productId,
          actor,
          action: 'settings.maintenance.updated',
          target: { type: 'maintenance', id: productId },
          summary: { before: { ...written.before }, after: { ...written.after } },
        },
        meta,
      );
      return written.after;
    },

    schedule: (productId) => listWindows(productId, 100),

    async scheduleWindow(productId, rawInput, actor, meta) {
      const input = parseInput(createWindowSchema, rawInput);
      const now = clock.now();
      const startAtMs = Date.parse(input.startAt);
      const endAtMs = Date.parse(input.endAt);
      if (endAtMs <= now)
        throw new ValidationError([
          { path: 'body.endAt', message: 'must be in the future', code: 'in_the_past' },
        ]);
      const overlapping = (await listWindows(productId, 100)).find(
        (window) => Date.parse(window.startAt) < endAtMs && Date.parse(window.endAt) > startAtMs,
      );
      if (overlapping)
        throw new ConflictError(`It overlaps window ${overlapping.id}.`, 'window_overlaps', {
          extensions: { windowId: overlapping.id },
        });
      const doc: WindowDocument = {
        kind: 'maintenance_window',
        productId,
        startAtMs,
        endAtMs,
        startAt: new Date(startAtMs).toISOString(),
        endAt: new Date(endAtMs).toISOString(),
        mode: input.mode,
        message: input.message,
        ...(input.adminMessage !== undefined ? { adminMessage: input.adminMessage } : {}),
        state: 'scheduled',
        createdBy: actor.id,
        createdAt: new Date(now).toISOString(),
      };
      const id = newId('mw', now);
      // Kept a month after it ends, then removed by TTL.
      const ttl = Math.ceil((endAtMs - now) / 1000) + 30 * 86_400;
      const stored = await windows().create({ ...doc, id, pk: productId, ttl });
      cache.delete(productId);
      const window = windowView(stored);
      await audit(
        {
          productId,
          actor,
          action: 'settings.maintenance.window_scheduled',
          target: { type: 'maintenance_window', id },
          summary: { after: { ...window } },
        },
        meta,
      );
      return window;
    },

    async cancelWindow(productId, id, actor, meta) {
      const doc = await windows().read(id, productId);
      if (doc?.kind !== 'maintenance_window')
        throw new NotFoundError('No such maintenance window.', 'window_not_found');
      if (doc.state !== 'scheduled' && doc.state !== 'active')
        throw new ConflictError(`The window is already ${doc.state}.`, 'window_closed');
      const ended = await endWindow(doc, 'cancelled', actor, meta);
      cache.delete(productId);
      return windowView(ended);
    },

    async applyDueWindows() {
      const now = clock.now();
      const result: ApplyResult = { started: [], ended: [], skipped: [] };
      const due = async (state: 'scheduled' | 'active', field: 'startAtMs' | 'endAtMs') =>
        (
          await windows().query({
            where: {
              and: [
                { field: 'kind', op: 'eq', value: 'maintenance_window' },
                { field: 'state', op: 'eq', value: state },
                { field, op: 'lte', value: now },
              ],
            },
            orderBy: [{ field: 'startAtMs', direction: 'asc' }],
            limit: 100,
          })
        ).items;
      // Ends first, so a window starting as another ends is not undone by it.
      for (const doc of await due('active', 'endAtMs')) {
        try {
          await endWindow(doc, 'done', SCHEDULE_ACTOR);
          result.ended.push(doc.id);
        } catch (error) {
          if (!isRace(error)) throw error;
        }
      }
      for (const doc of await due('scheduled', 'startAtMs')) {
        try {
          if (doc.endAtMs <= now) {
            // Missed entirely (no instance ran the job during it): never switch it on.
            await windows().replace({ ...doc, state: 'done' }, { ifMatch: doc.etag });
            result.skipped.push(doc.id);
          } else {
            await startWindow(doc);
            result.started.push(doc.id);
          }
        } catch (error) {
          if (!isRace(error)) throw error;
        }
      }
      cache.clear();
      return result;
    },

    async killSwitch(productId) {
      return killView(productId, await effective(productId));
    },

    async setKillSwitch(productId, input, actor, meta) {
      const before = await readKill(productId);
      const doc = {
        id: KILL_SWITCH_ID,
        pk: productId,
        kind: 'kill_switch' as const,
        productId,
        enabled: input.enabled,
        message: input.message ?? (input.enabled ? (before?.message ?? '') : ''),
        updatedBy: `${actor.type}:${actor.id}`,
      };
      await settings().upsert(doc);
      cache.delete(productId);
      await audit(
        {
          productId,
          actor,
          action: 'settings.kill_switch.toggled',
          target: { type: 'kill_switch', id: productId },
          summary: {
            before: { enabled: before?.enabled ?? false, message: before?.message ?? '' },
            after: { enabled: doc.enabled, message: doc.message },
          },
        },
        meta,
      );
      return killView(productId, await effective(productId));
    },
  };
}
