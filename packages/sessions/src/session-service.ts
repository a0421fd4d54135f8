/**
 * The sessions service, without HTTP: creates a session per sign-in (telling whether the device is
 * new), answers "is this session still active?" on every request through a bounded per-instance
 * cache, records activity at most once per touch interval, lists a user's active sessions, revokes
 * one or all of them with conditional writes, and deletes stale ones.
 *
 * Revocation latency: the instance that revokes a session answers `false` at once; any other
 * instance may keep answering from its cache for at most `cacheTtlMs` (default 30 s).
 */
import { createHash } from 'node:crypto';
import { type FieldIssue, isAppError, ValidationError } from '@groundwork/errors';
import { idTimestamp } from '@groundwork/http';
import { type Clock, type Container, type DocumentStore, type Filter, systemClock } from '@groundwork/store';
import { z } from 'zod';
import type { NewDeviceInfo } from './new-device-event.js';
import {
  DEFAULT_SESSION_TTL_DAYS,
  documentOf,
  isSessionActive,
  isSessionKey,
  type NewSessionInput,
  newSessionId,
  newSessionInputSchema,
  productIdSchema,
  revokeReasonSchema,
  SESSION_DEVICES_CONTAINER_NAME,
  SESSIONS_CONTAINER_NAME,
  type Session,
  type SessionDocument,
  STALE_SESSION_GRACE_MS,
  type StoredSession,
  sessionTtlMs,
  toSession,
  userIdSchema,
} from './session.js';
import { BoundedMap, createActivityCache, DEFAULT_MAX_CACHE_ENTRIES } from './session-cache.js';
import { DEFAULT_SESSION_CACHE_TTL_MS, MAX_SESSION_CACHE_TTL_MS } from './sessions-env.js';

export const DEFAULT_TOUCH_INTERVAL_MS = 5 * 60_000;
/** `list` returns at most this many sessions, the newest. */
export const MAX_LISTED_SESSIONS = 200;
/** Sessions revoked (or deleted) per store query. */
const BATCH_SIZE = 100;
/** Bounds one `revokeAll` or `cleanupStale` call: at most this many batches. */
const MAX_BATCHES = 100;
/** Rounds of read-then-conditional-write before a revocation gives up. */
const MAX_WRITE_ROUNDS = 5;
/**
 * A known device's record is rewritten (its expiry slid forward) at most this often: well inside
 * the grace its expiry has past any session's, so a device is remembered as long as its sessions.
 */
const DEVICE_REFRESH_MS = 86_400_000;

/** What `session_devices` keeps per device. */
interface DeviceDocument {
  userId: string;
  productId: string;
  lastSeenAt: number;
}

/** What sign-in learnt of the device: `deviceKey` is undefined for impersonation sessions. */
interface DetectedDevice {
  newDevice: boolean;
  firstSession: boolean;
  deviceKey: string | undefined;
  /** When the known device's record was last written. */
  lastSeenAt: number | undefined;
}

/** The logging surface the service uses; a `@groundwork/logger` (pino) logger satisfies it. */
export interface SessionsLogger {
  warn(obj: object, msg?: string): void;
}

/** Told about a sign-in from a new device, once the session is stored (see `create`). */
export type OnNewDevice = (session: Session, info: NewDeviceInfo) => Promise<void> | void;

export interface CreateSessionServiceOptions {
  /** A store where the `sessions` container has been ensured (see `sessionsContainer`). */
  store: DocumentStore;
  /** Times sessions and expiry (default: the system clock). */
  clock?: Clock;
  /** Days a session lasts without activity (1-3650, default 90). */
  ttlDays?: number;
  /** How long this instance trusts a cached `isActive` answer, in ms (0-600000, default 30000; 0 = no cache). */
  cacheTtlMs?: number;
  /** `touch` writes `lastActiveAt` only when the stored one is older than this, in ms (default 5 min). */
  touchIntervalMs?: number;
  /** Called after a session from a new device is stored; a failure is logged, never fails the sign-in. */
  onNewDevice?: OnNewDevice;
  /** Where a failed `onNewDevice` is reported (default: nowhere). */
  logger?: SessionsLogger;
  /** Sessions this instance remembers in its cache (default 10000). */
  maxCacheEntries?: number;
}

export interface CreatedSession {
  session: Session;
  /** No earlier stored session of the user (in this product) used this device; see `create`. */
  newDevice: boolean;
  /** The user had no stored session in this product at all. */
  firstSession: boolean;
}

export interface TouchOptions {
  /** The request's address, recorded with the activity. */
  ip?: string | undefined;
}

export interface RevokeOptions {
  /** Only a session of this product (otherwise: as if it did not exist). */
  productId?: string | undefined;
}

export interface RevokeAllOptions {
  /** Only this product's sessions. */
  productId: string;
  /** Keep this one (the caller's current session). */
  exceptSessionId?: string | undefined;
  reason: string;
}

export interface SessionService {
  /**
   * Validates (`ValidationError` listing each field) and stores a new active session. A device is
   * new when no earlier stored session of the user in this product (active or not; impersonation
   * sessions aside) has the same `deviceId` or, without a `deviceId`, the same user agent and
   * platform. An impersonation session is never a new device.
   */
  create(input: NewSessionInput): Promise<CreatedSession>;
  /** The stored session, active or not; `undefined` when there is none (or the ids are malformed). */
  get(userId: string, id: string): Promise<Session | undefined>;
  /** Present, not revoked, not expired. Cached: see the file comment for the bound. */
  isActive(userId: string, id: string): Promise<boolean>;
  /**
   * Records activity (and slides the expiry) when the stored `lastActiveAt` is older than the touch
   * interval; returns whether it wrote. Meant to be called per request without awaiting: a lost
   * race is not an error, but a store failure rejects (log it, never fail the request).
   */
  touch(userId: string, id: string, options?: TouchOptions): Promise<boolean>;
  /** The user's active sessions in the product, newest first (at most `MAX_LISTED_SESSIONS`). */
  list(userId: string, productId: string): Promise<Session[]>;
  /**
   * Ends a session (idempotent: an ended one is returned as is, keeping its first reason);
   * `undefined` when there is no such session (in `productId`, when given).
   */
  revoke(userId: string, id: string, reason: string, options?: RevokeOptions): Promise<Session | undefined>;
  /** Ends every active session of the user in the product but `exceptSessionId`; returns how many it ended. */
  revokeAll(userId: string, options: RevokeAllOptions): Promise<number>;
  /** Deletes sessions revoked or expired more than `olderThanMs` ago (default 7 days); returns how many. */
  cleanupStale(olderThanMs?: number): Promise<number>;
}

const silent: SessionsLogger = { warn() {} };

function issuesOf(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const pathOf = (parts: PropertyKey[]) =>
      [prefix ?? '', ...parts.map(String)].filter((part) => part.length > 0).join('.') || 'input';
    return issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pathOf([...issue.path, key]),
          message: 'is not allowed',
          code: issue.code,
        }))
      : [{ path: pathOf(issue.path), message: issue.message, code: issue.code }];
  });
}

function parsed<S extends z.ZodType>(schema: S, value: unknown, path: string, detail: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesOf(result.error, path), detail);
  return result.data;
}

function checkedInteger(value: number, path: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${path} must be an integer from ${min} to ${max}, got ${value}.`);
  }
  return value;
}

function hasStatus(error: unknown, status: number): boolean {
  return isAppError(error) && error.status === status;
}

function keyOf(userId: string, id: string): string {
  return `${userId} ${id}`; // user ids carry no spaces
}

const listArgsSchema = z.object({ userId: userIdSchema, productId: productIdSchema });
const revokeAllArgsSchema = z.object({
  userId: userIdSchema,
  productId: productIdSchema,
  exceptSessionId: z.string().max(255).optional(),
  reason: revokeReasonSchema,
});

const eq = (field: string, value: string | number | null): Filter => ({ field, op: 'eq', value });

export function createSessionService(options: CreateSessionServiceOptions): SessionService {
  const { store, onNewDevice } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silent;
  const ttlMs = sessionTtlMs(options.ttlDays ?? DEFAULT_SESSION_TTL_DAYS);
  const cacheTtlMs = checkedInteger(
    options.cacheTtlMs ?? DEFAULT_SESSION_CACHE_TTL_MS,
    'cacheTtlMs',
    0,
    MAX_SESSION_CACHE_TTL_MS,
  );
  const touchIntervalMs = checkedInteger(
    options.touchIntervalMs ?? DEFAULT_TOUCH_INTERVAL_MS,
    'touchIntervalMs',
    0,
    ttlMs,
  );
  const maxCacheEntries = options.maxCacheEntries ?? DEFAULT_MAX_CACHE_ENTRIES;
  const cache = createActivityCache({ ttlMs: cacheTtlMs, maxEntries: maxCacheEntries });
  /** The latest `lastActiveAt` this instance knows per session, so most touches skip the store. */
  const touched = new BoundedMap<number>(maxCacheEntries);
  const container = (): Container<SessionDocument> =>
    store.container<SessionDocument>(SESSIONS_CONTAINER_NAME);

  const devices = () => store.container<DeviceDocument>(SESSION_DEVICES_CONTAINER_NAME);

  /** The device a sign-in comes from: its id, or else its user agent and platform. */
  function deviceIdOf(input: z.output<typeof newSessionInputSchema>): string {
    const device =
      input.deviceId === undefined
        ? `ua:${input.platform ?? ''}|${input.userAgent ?? ''}`
        : `id:${input.deviceId}`;
    return createHash('sha256').update(`${input.productId}|${device}`).digest('hex');
  }

  /**
   * A device is new when the user never signed in from it (in this product, as long as a session
   * from it is remembered); the first session is a new device too. Impersonation sessions are not
   * the user's devices. Point reads only, and one query of the user's (few) devices for a new one.
   */
  async function detectDevice(input: z.output<typeof newSessionInputSchema>): Promise<DetectedDevice> {
    if (input.impersonatedBy !== undefined)
      return { newDevice: false, firstSession: false, deviceKey: undefined, lastSeenAt: undefined };
    const deviceKey = deviceIdOf(input);
    const device = await devices().read(deviceKey, input.userId);
    if (device) return { newDevice: false, firstSession: false, deviceKey, lastSeenAt: device.lastSeenAt };
    const known = await devices().query({
      pk: input.userId,
      where: eq('productId', input.productId),
      limit: 1,
    });
    return { newDevice: true, firstSession: known.items.length === 0, deviceKey, lastSeenAt: undefined };
  }

  /** Records the device (sliding its expiry) unless that was done within `DEVICE_REFRESH_MS`. */
  async function rememberDevice(detected: DetectedDevice, session: Session, now: number): Promise<void> {
    const { deviceKey, lastSeenAt } = detected;
    if (deviceKey === undefined) return;
    if (lastSeenAt !== undefined && now - lastSeenAt < DEVICE_REFRESH_MS) return;
    await devices().upsert({
      id: deviceKey,
      pk: session.userId,
      userId: session.userId,
      productId: session.productId,
      lastSeenAt: now,
      ttl: Math.ceil((ttlMs + STALE_SESSION_GRACE_MS) / 1000),
    });
  }

  /**
   * Ends the session with a write conditional on the version read: a concurrent revocation (or
   * touch) makes it read again, so the first revocation's time and reason are the ones kept.
   */
  async function revokeStored(
    first: StoredSession,
    reason: string,
  ): Promise<{ session: Session; revokedNow: boolean } | undefined> {
    let doc: StoredSession | undefined = first;
    for (let round = 0; round < MAX_WRITE_ROUNDS && doc; round += 1) {
      const key = keyOf(doc.userId, doc.id);
      if (doc.revokedAt !== null) {
        cache.revoked(key, clock.now());
        return { session: toSession(doc), revokedNow: false };
      }
      const now = clock.now();
      const ended: Session = { ...toSession(doc), revokedAt: now, revokedReason: reason };
      try {
        const written = await container().replace(documentOf(ended, now), { ifMatch: doc.etag });
        cache.revoked(key, now);
        touched.delete(key);
        return { session: toSession(written), revokedNow: true };
      } catch (error) {
        if (hasStatus(error, 404)) return undefined;
        if (!hasStatus(error, 412)) throw error;
        doc = await container().read(doc.id, doc.pk);
      }
    }
    if (!doc) return undefined;
    throw new Error(`Session "${first.id}" kept changing while it was being revoked.`);
  }

  return {
    async create(input) {
      const valid = parsed(newSessionInputSchema, input, '', 'Invalid session.');
      const detected = await detectDevice(valid);
      const now = clock.now();
      const session: Session = {
        id: valid.id ?? newSessionId(now),
        userId: valid.userId,
        productId: valid.productId,
        platform: valid.platform ?? null,
        deviceId: valid.deviceId ?? null,
        deviceName: valid.deviceName || null,
        ip: valid.ip || null,
        userAgent: valid.userAgent || null,
        impersonatedBy: valid.impersonatedBy ?? null,
        createdAt: now,
        lastActiveAt: now,
        expiresAt: now + ttlMs,
        revokedAt: null,
        revokedReason: null,
      };
      const created = toSession(await container().create(documentOf(session, now)));
      await rememberDevice(detected, created, now);
      const key = keyOf(created.userId, created.id);
      cache.settle(key, true, now, cache.ticket(), created.expiresAt);
      touched.set(key, created.lastActiveAt);
      if (detected.newDevice && onNewDevice) {
        try {
          await onNewDevice(created, { firstSession: detected.firstSession });
        } catch (error) {
          logger.warn(
            { err: error, sessionId: created.id, userId: created.userId },
            'reporting a sign-in from a new device failed',
          );
        }
      }
      return { session: created, newDevice: detected.newDevice, firstSession: detected.firstSession };
    },

    async get(userId, id) {
      if (!isSessionKey(userId, id)) return undefined;
      const doc = await container().read(id, userId);
      return doc ? toSession(doc) : undefined;
    },

    async isActive(userId, id) {
      if (!isSessionKey(userId, id)) return false;
      const key = keyOf(userId, id);
      const cached = cache.get(key, clock.now());
      if (cached !== undefined) return cached;
      const ticket = cache.ticket();
      const doc = await container().read(id, userId);
      const now = clock.now();
      if (doc) {
        const active = isSessionActive(doc, now);
        return cache.settle(key, active, now, ticket, active ? doc.expiresAt : undefined);
      }
      // A session created a moment ago on another instance may not be readable here yet (Cosmos
      // replicas): do not remember "missing" while its id is younger than the cache bound.
      const young = now - idTimestamp(id) < cacheTtlMs;
      return young ? false : cache.settle(key, false, now, ticket);
    },

    async touch(userId, id, touchOptions = {}) {
      if (!isSessionKey(userId, id)) return false;
      const key = keyOf(userId, id);
      const now = clock.now();
      const known = touched.get(key);
      if (known !== undefined && now - known < touchIntervalMs) return false;
      const doc = await container().read(id, userId);
      if (!doc || !isSessionActive(doc, now)) return false;
      if (now - doc.lastActiveAt < touchIntervalMs) {
        touched.set(key, doc.lastActiveAt);
        return false;
      }
      const ip = touchOptions.ip ? touchOptions.ip.slice(0, 100) : doc.ip;
      const active: Session = { ...toSession(doc), lastActiveAt: now, expiresAt: now + ttlMs, ip };
      try {
        await container().replace(documentOf(active, now), { ifMatch: doc.etag });
      } catch (error) {
        // Revoked, touched or deleted meanwhile: nothing to record.
        if (hasStatus(error, 412) || hasStatus(error, 404)) return false;
        throw error;
      }
      touched.set(key, now);
      return true;
    },

    async list(userId, productId) {
      parsed(listArgsSchema, { userId, productId }, '', 'Invalid session list arguments.');
      const page = await container().query({
        pk: userId,
        where: {
          and: [
            eq('productId', productId),
            eq('revokedAt', null),
            { field: 'expiresAt', op: 'gt', value: clock.now() },
          ],
        },
        orderBy: [{ field: 'createdAt', direction: 'desc' }],
        limit: MAX_LISTED_SESSIONS,
      });
      return page.items.map(toSession);
    },

    async revoke(userId, id, reason, revokeOptions = {}) {
      const why = parsed(revokeReasonSchema, reason, 'reason', 'Invalid revocation reason.');
      if (!isSessionKey(userId, id)) return undefined;
      const doc = await container().read(id, userId);
      if (!doc) return undefined;
      if (revokeOptions.productId !== undefined && doc.productId !== revokeOptions.productId)
        return undefined;
      return (await revokeStored(doc, why))?.session;
    },

    async revokeAll(userId, revokeOptions) {
      const valid = parsed(
        revokeAllArgsSchema,
        { userId, ...revokeOptions },
        '',
        'Invalid arguments for ending sessions.',
      );
      const why = valid.reason;
      const except = valid.exceptSessionId;
      let count = 0;
      // Each batch re-queries from the start: the sessions just ended no longer match.
      for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
        const page = await container().query({
          pk: userId,
          where: {
            and: [
              eq('productId', valid.productId),
              eq('revokedAt', null),
              { field: 'expiresAt', op: 'gt', value: clock.now() },
              ...(except === undefined ? [] : [{ field: 'id', op: 'ne', value: except } as const]),
            ],
          },
          limit: BATCH_SIZE,
        });
        const outcomes = await Promise.all(page.items.map((doc) => revokeStored(doc, why)));
        count += outcomes.filter((outcome) => outcome?.revokedNow).length;
        if (!page.nextCursor) break;
      }
      return count;
    },

    async cleanupStale(olderThanMs = STALE_SESSION_GRACE_MS) {
      checkedInteger(olderThanMs, 'olderThanMs', 0, Number.MAX_SAFE_INTEGER);
      const cutoff = clock.now() - olderThanMs;
      let deleted = 0;
      for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
        const page = await container().query({
          where: {
            or: [
              { field: 'revokedAt', op: 'lt', value: cutoff },
              { field: 'expiresAt', op: 'lt', value: cutoff },
            ],
          },
          limit: BATCH_SIZE,
        });
        const outcomes = await Promise.all(
          page.items.map(async (doc) => {
            try {
              await container().delete(doc.id, doc.pk, { ifMatch: doc.etag });
              return true;
            } catch (error) {
              if (hasStatus(error, 404) || hasStatus(error, 412)) return false;
              throw error;
            }
          }),
        );
        deleted += outcomes.filter(Boolean).length;
        if (!page.nextCursor) break;
      }
      return deleted;
    },
  };
}
