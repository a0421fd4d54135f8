/**
 * What a session is: one sign-in of one user on one device. The zod schemas of a stored session
 * and of what `create()` accepts, the `sessions` container (partitioned by user, expiring through
 * TTL), and the conversions between a stored document and a `Session`. Times are ms since the epoch.
 */
import { idPattern, newId } from '@groundwork/http';
import type { ContainerSpec, NewDocument, StoredDocument } from '@groundwork/store';
import { z } from 'zod';

export const SESSION_ID_PREFIX = 'ses';
export const SESSIONS_CONTAINER_NAME = 'sessions';
export const DEFAULT_SESSION_TTL_DAYS = 90;
export const MAX_SESSION_TTL_DAYS = 3_650;
/** How long a revoked or expired session stays stored (and so still "known") before it is deleted. */
export const STALE_SESSION_GRACE_MS = 7 * 86_400_000;

const SECONDS_PER_DAY = 86_400;
const DAY_MS = 86_400_000;

export const PLATFORMS = ['web', 'ios', 'android', 'desktop', 'api'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const MAX_DEVICE_NAME_LENGTH = 200;
export const MAX_IP_LENGTH = 100;
export const MAX_USER_AGENT_LENGTH = 512;

const SESSION_ID_PATTERN = idPattern(SESSION_ID_PREFIX);
/** User and product ids: what the store accepts as a partition key, without spaces. */
const STORE_KEY_PATTERN = /^[^/\\?#\s]{1,200}$/;

export const sessionIdSchema = z
  .string()
  .regex(SESSION_ID_PATTERN, 'must be a session id (ses_…)')
  .describe('Session id (`ses_…`).');

/** A user id is the partition key. */
export const userIdSchema = z
  .string()
  .regex(STORE_KEY_PATTERN, 'must be 1-200 characters without / \\ ? # or spaces')
  .describe('User id.');

/**
 * Whether the ids can name a stored session (anything else is simply not found): what
 * `userIdSchema` and `sessionIdSchema` accept, checked without zod since it runs on every request.
 */
export function isSessionKey(userId: unknown, id: unknown): boolean {
  return (
    typeof userId === 'string' &&
    typeof id === 'string' &&
    STORE_KEY_PATTERN.test(userId) &&
    SESSION_ID_PATTERN.test(id)
  );
}

export const productIdSchema = z
  .string()
  .regex(STORE_KEY_PATTERN, 'must be 1-200 characters without / \\ ? # or spaces')
  .describe('Product id.');

/** Why a session ended: a lowercase word such as `logout`, `password_changed` or `admin_forced_logout`. */
export const revokeReasonSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a lowercase word with digits or _, at most 64 characters');

/** Request metadata is clipped, not rejected: an oversized header must not fail a sign-in. */
function clipped(max: number) {
  return z
    .string()
    .transform((value) => (value.length > max ? value.slice(0, max) : value))
    .optional();
}

/** What `SessionService.create()` accepts. The times are the service's. */
export const newSessionInputSchema = z.strictObject({
  /**
   * The id, from `newSessionId()`, when the caller must know it before the write (to sign the
   * access token at the same time); otherwise the service picks one.
   */
  id: sessionIdSchema.optional(),
  userId: userIdSchema,
  productId: productIdSchema,
  platform: z.enum(PLATFORMS).optional(),
  /** A stable id the client keeps per device (app install, browser profile). */
  deviceId: z.string().min(1).max(200).optional(),
  /** E.g. "Ann’s laptop". */
  deviceName: clipped(MAX_DEVICE_NAME_LENGTH),
  ip: clipped(MAX_IP_LENGTH),
  userAgent: clipped(MAX_USER_AGENT_LENGTH),
  /** The admin who signed in as this user (impersonation); such a session is never a "new device". */
  impersonatedBy: z.string().min(1).max(200).optional(),
});
export type NewSessionInput = z.input<typeof newSessionInputSchema>;

export const sessionSchema = z.object({
  id: sessionIdSchema,
  userId: userIdSchema,
  productId: productIdSchema,
  platform: z.enum(PLATFORMS).nullable(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  /** The address of the latest recorded activity (set at sign-in, updated by `touch`). */
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  impersonatedBy: z.string().nullable(),
  createdAt: z.number().int(),
  /** Updated by `touch`, at most once per touch interval. */
  lastActiveAt: z.number().int(),
  /** `lastActiveAt` + the session TTL: a session unused that long ends by itself. */
  expiresAt: z.number().int(),
  revokedAt: z.number().int().nullable(),
  revokedReason: z.string().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

/** What is stored: the session, its partition key (the user id) and its TTL in seconds. */
export type SessionDocument = Session & { pk: string; ttl?: number };
export type StoredSession = StoredDocument<SessionDocument>;

export function newSessionId(nowMs: number): string {
  return newId(SESSION_ID_PREFIX, nowMs);
}

function checkedTtlDays(ttlDays: number): number {
  if (!Number.isInteger(ttlDays) || ttlDays < 1 || ttlDays > MAX_SESSION_TTL_DAYS) {
    throw new RangeError(`ttlDays must be an integer from 1 to ${MAX_SESSION_TTL_DAYS}, got ${ttlDays}.`);
  }
  return ttlDays;
}

/** The session lifetime in ms for `ttlDays` (an integer from 1 to 3650; RangeError otherwise). */
export function sessionTtlMs(ttlDays: number): number {
  return checkedTtlDays(ttlDays) * DAY_MS;
}

/**
 * The container spec. Every write sets the document's own `ttl` (see `documentOf`), so the
 * container's default only covers documents written without one: the session TTL plus the grace
 * period, as for a session written now.
 */
export function sessionsContainer(ttlDays: number = DEFAULT_SESSION_TTL_DAYS): ContainerSpec {
  return {
    name: SESSIONS_CONTAINER_NAME,
    // The document's `pk` is its userId: a user's sessions are one partition, read by point reads.
    partitionKey: '/userId',
    defaultTtl: checkedTtlDays(ttlDays) * SECONDS_PER_DAY + STALE_SESSION_GRACE_MS / 1000,
    description: `Sign-in sessions per user (device, last activity, revocation); unused ones end after ${ttlDays} days.`,
    // No declared indexes: reads are point reads and queries of one user's partition.
  };
}

/** With the default TTL of 90 days. */
export const SESSIONS_CONTAINER: ContainerSpec = sessionsContainer();

export const SESSION_DEVICES_CONTAINER_NAME = 'session_devices';

/**
 * The devices each user signed in from (pk `/userId`, id = SHA-256 of product and device), so
 * telling a new device from a known one is a point read, however many sessions the user has.
 * Sign-ins renew the device's TTL (at most once a day); it is remembered as long as a session
 * from it could be.
 */
export function sessionDevicesContainer(ttlDays: number = DEFAULT_SESSION_TTL_DAYS): ContainerSpec {
  return {
    name: SESSION_DEVICES_CONTAINER_NAME,
    partitionKey: '/userId',
    defaultTtl: checkedTtlDays(ttlDays) * SECONDS_PER_DAY + STALE_SESSION_GRACE_MS / 1000,
    description: 'Devices each user signed in from (new-device detection); forgotten with their sessions.',
  };
}

/** Not revoked and not expired at `nowMs` (a missing session is not active either). */
export function isSessionActive(session: Session, nowMs: number): boolean {
  return session.revokedAt === null && session.expiresAt > nowMs;
}

/**
 * The document for `session` written at `nowMs`: it stays stored until the grace period after it
 * ends (expiry, or revocation), then the store's TTL removes it.
 */
export function documentOf(session: Session, nowMs: number): NewDocument<SessionDocument> {
  const endsAt = session.revokedAt ?? session.expiresAt;
  const ttl = Math.max(1, Math.ceil((endsAt + STALE_SESSION_GRACE_MS - nowMs) / 1000));
  return { ...session, pk: session.userId, ttl };
}

/** The session of a stored document: its own fields only (no `pk`, `etag`, `ttl` or adapter fields). */
export function toSession(rest: StoredSession): Session {
  return {
    id: rest.id,
    userId: rest.userId,
    productId: rest.productId,
    platform: rest.platform ?? null,
    deviceId: rest.deviceId ?? null,
    deviceName: rest.deviceName ?? null,
    ip: rest.ip ?? null,
    userAgent: rest.userAgent ?? null,
    impersonatedBy: rest.impersonatedBy ?? null,
    createdAt: rest.createdAt,
    lastActiveAt: rest.lastActiveAt,
    expiresAt: rest.expiresAt,
    revokedAt: rest.revokedAt ?? null,
    revokedReason: rest.revokedReason ?? null,
  };
}
