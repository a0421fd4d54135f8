/**
 * The sessions service's guarantees as one suite, run unchanged on every store adapter by
 * `describeSessionService('<kind>', factory)` (memory, sqlite, cosmos test files): creation and
 * validation, listing, revocation (one, all, others; concurrent), expiry by the clock, throttled
 * activity, new-device detection, cleanup and TTL, and the revocation cache across two service
 * instances on one store. Time is a fake clock; every loop is bounded.
 */
import { isAppError } from '@groundwork/errors';
import type { DocumentStore } from '@groundwork/store';
import type { FakeClock } from '@groundwork/testing';
import { interceptStore } from '@groundwork/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewDeviceInfo } from '../src/new-device-event.js';
import {
  documentOf,
  type NewSessionInput,
  newSessionId,
  SESSION_DEVICES_CONTAINER_NAME,
  SESSIONS_CONTAINER,
  SESSIONS_CONTAINER_NAME,
  type Session,
  type SessionDocument,
  STALE_SESSION_GRACE_MS,
  sessionDevicesContainer,
} from '../src/session.js';
import {
  type CreateSessionServiceOptions,
  createSessionService,
  DEFAULT_TOUCH_INTERVAL_MS,
  type SessionService,
} from '../src/session-service.js';

export interface SessionStoreHarness {
  store: DocumentStore;
  /** The clock the store was created with. */
  clock: FakeClock;
  cleanup(): Promise<void>;
}

export type SessionStoreFactory = () => Promise<SessionStoreHarness>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TTL_MS = 90 * DAY;
const CACHE_TTL_MS = 30_000;

const SAFARI = 'Mozilla/5.0 (Macintosh) Safari/605.1.15';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0) Chrome/131.0';

function expectValidationError(error: unknown, paths: string[]): void {
  expect(isAppError(error), String(error)).toBe(true);
  expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
  const reported = (error as { issues: { path: string }[] }).issues.map((issue) => issue.path);
  for (const path of paths) expect(reported).toContain(path);
}

async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

/** `store` with `hook` awaited before every `replace`, to interleave another writer. */
function beforeReplace(store: DocumentStore, hook: () => Promise<void>): DocumentStore {
  return interceptStore(store, ({ method, proceed }) =>
    method === 'replace' ? hook().then(proceed) : proceed(),
  );
}

export function describeSessionService(kind: string, factory: SessionStoreFactory): void {
  describe(`sessions on ${kind}`, () => {
    let harness: SessionStoreHarness;
    let clock: FakeClock;
    let reported: { session: Session; info: NewDeviceInfo }[];
    let sessions: SessionService;

    function service(options: Partial<CreateSessionServiceOptions> = {}): SessionService {
      return createSessionService({
        store: harness.store,
        clock,
        onNewDevice: (session, info) => {
          reported.push({ session, info });
        },
        ...options,
      });
    }

    const stored = (userId: string, id: string) =>
      harness.store.container<SessionDocument>(SESSIONS_CONTAINER_NAME).read(id, userId);

    beforeEach(async () => {
      harness = await factory();
      clock = harness.clock;
      await harness.store.ensureContainers([SESSIONS_CONTAINER, sessionDevicesContainer()]);
      reported = [];
      sessions = service();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('creates an active session with a ses_ id, the clock’s times and the request’s device', async () => {
      const { session, newDevice, firstSession } = await sessions.create({
        userId: 'usr_ann',
        productId: 'acme',
        platform: 'web',
        deviceId: 'dev-1',
        deviceName: 'Ann’s laptop',
        ip: '203.0.113.7',
        userAgent: SAFARI,
      });
      const now = clock.now();
      expect(session).toEqual({
        id: expect.stringMatching(/^ses_[0-9a-z]{26}$/),
        userId: 'usr_ann',
        productId: 'acme',
        platform: 'web',
        deviceId: 'dev-1',
        deviceName: 'Ann’s laptop',
        ip: '203.0.113.7',
        userAgent: SAFARI,
        impersonatedBy: null,
        createdAt: now,
        lastActiveAt: now,
        expiresAt: now + TTL_MS,
        revokedAt: null,
        revokedReason: null,
      });
      expect({ newDevice, firstSession }).toEqual({ newDevice: true, firstSession: true });
      expect(await sessions.get('usr_ann', session.id)).toEqual(session);
      expect(await sessions.isActive('usr_ann', session.id)).toBe(true);
      expect(await service().isActive('usr_ann', session.id)).toBe(true);
      const doc = await stored('usr_ann', session.id);
      expect(doc).toMatchObject({ pk: 'usr_ann', ttl: (TTL_MS + STALE_SESSION_GRACE_MS) / 1000 });
    });

    it('stores what a client leaves out as null and clips oversized request metadata', async () => {
      const { session } = await sessions.create({
        userId: 'usr_bob',
        productId: 'acme',
        userAgent: `agent/${'x'.repeat(2_000)}`,
        deviceName: 'n'.repeat(500),
      });
      expect(session).toMatchObject({ platform: null, deviceId: null, ip: null, impersonatedBy: null });
      expect(session.userAgent).toHaveLength(512);
      expect(session.deviceName).toHaveLength(200);
    });

    it('rejects an invalid session with a ValidationError listing each field, storing nothing', async () => {
      const error = await failure(() =>
        sessions.create({
          userId: 'usr/evil',
          productId: '',
          platform: 'watch' as 'web',
          deviceId: '',
          extra: true,
        } as never),
      );
      expectValidationError(error, ['userId', 'productId', 'platform', 'deviceId', 'extra']);
      expect(await sessions.list('usr_ann', 'acme')).toEqual([]);
      expectValidationError(await failure(() => sessions.list('bad user', 'acme')), ['userId']);
    });

    it('takes the id the caller chose; a malformed one is invalid and a used one a conflict', async () => {
      const id = newSessionId(clock.now());
      const { session } = await sessions.create({ id, userId: 'usr_ann', productId: 'acme' });
      expect(session.id).toBe(id);
      expect(await sessions.isActive('usr_ann', id)).toBe(true);
      expectValidationError(
        await failure(() => sessions.create({ id: 'ses_nope', userId: 'usr_ann', productId: 'acme' })),
        ['id'],
      );
      expect(
        await failure(() => sessions.create({ id, userId: 'usr_ann', productId: 'acme' })),
      ).toMatchObject({
        status: 409,
      });
      expect((await sessions.list('usr_ann', 'acme')).map((listed) => listed.id)).toEqual([id]);
    });

    it('rewrites a known device’s record at most once a day, sliding its expiry with daily use', async () => {
      const deviceWrites: number[] = [];
      const counted = service({
        store: interceptStore(harness.store, ({ container, method, proceed }) => {
          if (container === SESSION_DEVICES_CONTAINER_NAME && method !== 'read' && method !== 'query')
            deviceWrites.push(clock.now());
          return proceed();
        }),
      });
      const signIn = () => counted.create({ userId: 'usr_ann', productId: 'acme', deviceId: 'phone' });
      expect((await signIn()).newDevice).toBe(true);
      const first = clock.now();
      for (let hour = 0; hour < 23; hour += 1) {
        clock.advance(HOUR);
        expect((await signIn()).newDevice).toBe(false);
      }
      expect(deviceWrites).toEqual([first]);
      clock.advance(HOUR);
      await signIn();
      expect(deviceWrites).toEqual([first, first + DAY]);
      // Long after its sessions ended the device is forgotten: daily rewrites kept it only as long.
      clock.advance(TTL_MS + STALE_SESSION_GRACE_MS + DAY);
      expect((await signIn()).newDevice).toBe(true);
    });

    it('answers "not found" for malformed, unknown and other users’ session ids', async () => {
      const { session } = await sessions.create({ userId: 'usr_ann', productId: 'acme' });
      for (const [userId, id] of [
        ['usr_ann', 'not-a-session'],
        ['usr_ann', newSessionId(clock.now())],
        ['usr_bob', session.id],
        ['bad/user', session.id],
      ] as const) {
        expect(await sessions.get(userId, id)).toBeUndefined();
        expect(await sessions.isActive(userId, id)).toBe(false);
        expect(await sessions.touch(userId, id)).toBe(false);
        expect(await sessions.revoke(userId, id, 'logout')).toBeUndefined();
      }
      expect(await sessions.isActive('usr_ann', session.id)).toBe(true);
    });

    it('lists a user’s active sessions in one product, newest first', async () => {
      const created: Session[] = [];
      for (let i = 0; i < 5; i += 1) {
        created.push(
          (await sessions.create({ userId: 'usr_ann', productId: 'acme', deviceId: `d${i}` })).session,
        );
        clock.advance(MINUTE);
      }
      await sessions.create({ userId: 'usr_ann', productId: 'globex' });
      await sessions.create({ userId: 'usr_bob', productId: 'acme' });
      await sessions.revoke('usr_ann', (created[1] as Session).id, 'logout');
      const listed = await sessions.list('usr_ann', 'acme');
      expect(listed.map((session) => session.id)).toEqual(
        [created[4], created[3], created[2], created[0]].map((session) => session?.id),
      );
      expect((await sessions.list('usr_ann', 'globex')).map((session) => session.productId)).toEqual([
        'globex',
      ]);
      expect(await sessions.list('usr_cat', 'acme')).toEqual([]);
    });

    it('revokes once: a second revocation keeps the first time and reason; other products are not found', async () => {
      const { session } = await sessions.create({ userId: 'usr_ann', productId: 'acme' });
      expect(await sessions.revoke('usr_ann', session.id, 'logout', { productId: 'globex' })).toBeUndefined();
      expect(await sessions.isActive('usr_ann', session.id)).toBe(true);
      const first = await sessions.revoke('usr_ann', session.id, 'logout', { productId: 'acme' });
      expect(first).toMatchObject({ id: session.id, revokedAt: clock.now(), revokedReason: 'logout' });
      clock.advance(MINUTE);
      const again = await sessions.revoke('usr_ann', session.id, 'password_changed');
      expect(again).toEqual(first);
      expect(await sessions.isActive('usr_ann', session.id)).toBe(false);
      expect(await sessions.list('usr_ann', 'acme')).toEqual([]);
      expectValidationError(await failure(() => sessions.revoke('usr_ann', session.id, 'Bad Reason')), [
        'reason',
      ]);
    });

    it('keeps the first of two racing revocations: the later write fails its etag check and reads again', async () => {
      const { session } = await sessions.create({ userId: 'usr_ann', productId: 'acme' });
      const other = service();
      let raced = false;
      // Between this instance's read and its write, another instance revokes the session.
      const racing = service({
        store: beforeReplace(harness.store, async () => {
          if (raced) return;
          raced = true;
          await other.revoke('usr_ann', session.id, 'admin_forced_logout');
        }),
      });
      clock.advance(MINUTE);
      const result = await racing.revoke('usr_ann', session.id, 'logout');
      expect(raced).toBe(true);
      expect(result).toMatchObject({ revokedReason: 'admin_forced_logout', revokedAt: clock.now() });
      expect((await stored('usr_ann', session.id))?.revokedReason).toBe('admin_forced_logout');
      expect(await racing.isActive('usr_ann', session.id)).toBe(false);
    });

    it('lets exactly one of two concurrent revocations win (conditional writes)', async () => {
      const { session } = await sessions.create({ userId: 'usr_ann', productId: 'acme' });
      const other = service();
      const [a, b] = await Promise.all([
        sessions.revoke('usr_ann', session.id, 'logout'),
        other.revoke('usr_ann', session.id, 'admin_forced_logout'),
      ]);
      expect(a?.revokedReason).toBe(b?.revokedReason);
      const doc = await stored('usr_ann', session.id);
      expect(doc?.revokedReason).toBe(a?.revokedReason);
      expect(await sessions.isActive('usr_ann', session.id)).toBe(false);
      expect(await other.isActive('usr_ann', session.id)).toBe(false);
    });

    it('revokes all of a user’s active sessions in one product, or all but one, counting what it ended', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        ids.push(
          (await sessions.create({ userId: 'usr_ann', productId: 'acme', deviceId: `d${i}` })).session.id,
        );
      }
      const globex = (await sessions.create({ userId: 'usr_ann', productId: 'globex' })).session;
      const bob = (await sessions.create({ userId: 'usr_bob', productId: 'acme' })).session;
      await sessions.revoke('usr_ann', ids[0] as string, 'logout');
      const current = ids[3] as string;

      const others = await sessions.revokeAll('usr_ann', {
        productId: 'acme',
        exceptSessionId: current,
        reason: 'signed_out_others',
      });
      expect(others).toBe(2);
      expect((await sessions.list('usr_ann', 'acme')).map((session) => session.id)).toEqual([current]);
      expect((await sessions.get('usr_ann', ids[1] as string))?.revokedReason).toBe('signed_out_others');
      expect((await sessions.get('usr_ann', ids[0] as string))?.revokedReason).toBe('logout');

      expect(await sessions.revokeAll('usr_ann', { productId: 'acme', reason: 'password_changed' })).toBe(1);
      expect(await sessions.isActive('usr_ann', current)).toBe(false);
      expect(await sessions.revokeAll('usr_ann', { productId: 'acme', reason: 'password_changed' })).toBe(0);
      expect(await sessions.isActive('usr_ann', globex.id)).toBe(true);
      expect(await sessions.isActive('usr_bob', bob.id)).toBe(true);
      expectValidationError(
        await failure(() => sessions.revokeAll('usr_ann', { productId: 'bad product', reason: 'no way' })),
        ['productId', 'reason'],
      );
    });

    it('ends a session unused for the TTL, by the clock, and then leaves it out everywhere', async () => {
      const { session } = await sessions.create({ userId: 'usr_ann', productId: 'acme' });
      clock.advance(TTL_MS - 1);
      expect(await sessions.isActive('usr_ann', session.id)).toBe(true);
      clock.advance(1);
      expect(await sessions.isActive('usr_ann', session.id)).toBe(false);
      expect(await service().isActive('usr_ann', session.id)).toBe(false);
      expect(await sessions.list('usr_ann', 'acme')).toEqual([]);
      expect(await sessions.touch('usr_ann', session.id)).toBe(false);
      expect(await sessions.revokeAll('usr_ann', { productId: 'acme', reason: 'logout' })).toBe(0);
      // Still stored (known) through the grace period, then gone by TTL.
      expect(await sessions.get('usr_ann', session.id)).toMatchObject({ revokedAt: null });
      clock.advance(STALE_SESSION_GRACE_MS);
      expect(await sessions.get('usr_ann', session.id)).toBeUndefined();
    });

    it('records activity at most once per touch interval, sliding the expiry and the address', async () => {
      const { session } = await sessions.create({ userId: 'usr_ann', productId: 'acme', ip: '198.51.100.1' });
      const before = await stored('usr_ann', session.id);
      clock.advance(DEFAULT_TOUCH_INTERVAL_MS - 1);
      expect(await sessions.touch('usr_ann', session.id, { ip: '198.51.100.2' })).toBe(false);
      // Another instance reads the stored time and holds back too.
      expect(await service().touch('usr_ann', session.id, { ip: '198.51.100.2' })).toBe(false);
      expect((await stored('usr_ann', session.id))?.etag).toBe(before?.etag);

      clock.advance(1);
      expect(await sessions.touch('usr_ann', session.id, { ip: '198.51.100.2' })).toBe(true);
      expect(await sessions.touch('usr_ann', session.id, { ip: '198.51.100.3' })).toBe(false);
      const touched = await sessions.get('usr_ann', session.id);
      expect(touched).toMatchObject({
        lastActiveAt: clock.now(),
        expiresAt: clock.now() + TTL_MS,
        ip: '198.51.100.2',
        createdAt: session.createdAt,
      });
      // Kept alive past the first expiry by use.
      clock.advance(TTL_MS - MINUTE);
      expect(await sessions.isActive('usr_ann', session.id)).toBe(true);
      await sessions.revoke('usr_ann', session.id, 'logout');
      clock.advance(DEFAULT_TOUCH_INTERVAL_MS);
      expect(await service().touch('usr_ann', session.id)).toBe(false);
      expect((await sessions.get('usr_ann', session.id))?.revokedAt).not.toBeNull();
    });

    it('tells a new device by its id, or without one by user agent and platform, per user and product', async () => {
      const create = async (input: Partial<NewSessionInput>) =>
        sessions.create({ userId: 'usr_ann', productId: 'acme', ...input });
      const flags = async (input: Partial<NewSessionInput>) => {
        const { newDevice, firstSession } = await create(input);
        return { newDevice, firstSession };
      };
      expect(await flags({ deviceId: 'phone', platform: 'ios' })).toEqual({
        newDevice: true,
        firstSession: true,
      });
      expect(await flags({ deviceId: 'phone', platform: 'ios', userAgent: 'other' })).toEqual({
        newDevice: false,
        firstSession: false,
      });
      expect((await flags({ deviceId: 'tablet', platform: 'ios' })).newDevice).toBe(true);
      expect((await flags({ platform: 'web', userAgent: SAFARI })).newDevice).toBe(true);
      expect((await flags({ platform: 'web', userAgent: SAFARI })).newDevice).toBe(false);
      expect((await flags({ platform: 'web', userAgent: CHROME })).newDevice).toBe(true);
      expect((await flags({ platform: 'desktop', userAgent: CHROME })).newDevice).toBe(true);
      expect((await flags({})).newDevice).toBe(true);
      expect((await flags({})).newDevice).toBe(false);

      // An ended session still makes its device known while it is stored.
      await sessions.revokeAll('usr_ann', { productId: 'acme', reason: 'logout' });
      expect((await flags({ deviceId: 'tablet', platform: 'ios' })).newDevice).toBe(false);

      // Another product, another user: their own devices.
      expect(
        await sessions
          .create({ userId: 'usr_ann', productId: 'globex', deviceId: 'phone' })
          .then((c) => c.newDevice),
      ).toBe(true);
      expect(
        await sessions
          .create({ userId: 'usr_bob', productId: 'acme', deviceId: 'phone' })
          .then((c) => c.newDevice),
      ).toBe(true);

      // An admin signing in as the user is no new device, and does not make the admin's device known.
      const impersonated = await create({ deviceId: 'admin-laptop', impersonatedBy: 'usr_admin' });
      expect(impersonated.newDevice).toBe(false);
      expect(impersonated.session.impersonatedBy).toBe('usr_admin');
      expect((await flags({ deviceId: 'admin-laptop' })).newDevice).toBe(true);

      const newOnes = reported
        .filter((entry) => entry.session.userId === 'usr_ann')
        .map((entry) => entry.info);
      expect(newOnes).toEqual([
        { firstSession: true },
        { firstSession: false },
        { firstSession: false },
        { firstSession: false },
        { firstSession: false },
        { firstSession: false },
        { firstSession: true }, // globex
        { firstSession: false }, // admin-laptop, by the user
      ]);
      expect(reported[0]?.session).toMatchObject({ deviceId: 'phone', platform: 'ios', userId: 'usr_ann' });
    });

    it('keeps a sign-in when reporting its new device fails, and logs the failure', async () => {
      const warnings: object[] = [];
      const failing = service({
        onNewDevice: () => {
          throw new Error('bus down');
        },
        logger: { warn: (obj) => void warnings.push(obj) },
      });
      const { session, newDevice } = await failing.create({ userId: 'usr_ann', productId: 'acme' });
      expect(newDevice).toBe(true);
      expect(await failing.isActive('usr_ann', session.id)).toBe(true);
      expect(warnings).toEqual([expect.objectContaining({ sessionId: session.id, userId: 'usr_ann' })]);
    });

    it('deletes sessions revoked or expired longer ago than asked, and keeps the rest', async () => {
      const create = async (userId: string) => (await sessions.create({ userId, productId: 'acme' })).session;
      const expired = await create('usr_old');
      clock.advance(TTL_MS - 2 * DAY);
      const revokedLongAgo = await create('usr_ann');
      await sessions.revoke('usr_ann', revokedLongAgo.id, 'logout');
      clock.advance(2 * DAY); // `expired` ended just now
      clock.advance(2 * DAY);
      const revokedRecently = await create('usr_ann');
      await sessions.revoke('usr_ann', revokedRecently.id, 'logout');
      const active = await create('usr_bob');

      expect(await sessions.cleanupStale(DAY)).toBe(2);
      expect(await stored('usr_old', expired.id)).toBeUndefined();
      expect(await stored('usr_ann', revokedLongAgo.id)).toBeUndefined();
      expect(await stored('usr_ann', revokedRecently.id)).toBeDefined();
      expect(await sessions.isActive('usr_bob', active.id)).toBe(true);
      expect(await sessions.cleanupStale(DAY)).toBe(0);
      expect(await sessions.cleanupStale()).toBe(0);
      await expect(sessions.cleanupStale(-1)).rejects.toThrow(RangeError);
    });

    it('lets TTL remove a revoked session after the grace period, and an active one only long after its end', async () => {
      const revoked = (await sessions.create({ userId: 'usr_ann', productId: 'acme' })).session;
      await sessions.revoke('usr_ann', revoked.id, 'logout');
      const active = (await sessions.create({ userId: 'usr_ann', productId: 'acme' })).session;
      clock.advance(STALE_SESSION_GRACE_MS - 1);
      expect(await stored('usr_ann', revoked.id)).toBeDefined();
      clock.advance(1);
      expect(await stored('usr_ann', revoked.id)).toBeUndefined();
      clock.advance(TTL_MS - STALE_SESSION_GRACE_MS);
      expect(await stored('usr_ann', active.id)).toBeDefined();
      clock.advance(STALE_SESSION_GRACE_MS);
      expect(await stored('usr_ann', active.id)).toBeUndefined();
    });

    describe('revocation cache', () => {
      it('stops a session at once on the revoking instance, and on another only after the cache bound', async () => {
        const other = service();
        const { session } = await sessions.create({ userId: 'usr_ann', productId: 'acme' });
        expect(await other.isActive('usr_ann', session.id)).toBe(true); // cached there now

        await sessions.revoke('usr_ann', session.id, 'logout');
        expect(await sessions.isActive('usr_ann', session.id)).toBe(false);
        expect(await other.isActive('usr_ann', session.id)).toBe(true);
        clock.advance(CACHE_TTL_MS - 1);
        expect(await other.isActive('usr_ann', session.id)).toBe(true);
        clock.advance(1);
        expect(await other.isActive('usr_ann', session.id)).toBe(false);
        expect(await service().isActive('usr_ann', session.id)).toBe(false);
      });

      it('does the same for revokeAll, and keeps a "revoked" answer cached no longer than the bound', async () => {
        const other = service();
        const a = (await sessions.create({ userId: 'usr_ann', productId: 'acme', deviceId: 'a' })).session;
        const b = (await sessions.create({ userId: 'usr_ann', productId: 'acme', deviceId: 'b' })).session;
        expect(await other.isActive('usr_ann', a.id)).toBe(true);
        expect(await other.isActive('usr_ann', b.id)).toBe(true);
        expect(await other.revokeAll('usr_ann', { productId: 'acme', reason: 'password_changed' })).toBe(2);
        expect(await other.isActive('usr_ann', a.id)).toBe(false);
        expect(await other.isActive('usr_ann', b.id)).toBe(false);
        expect(await sessions.isActive('usr_ann', a.id)).toBe(true);
        clock.advance(CACHE_TTL_MS);
        expect(await sessions.isActive('usr_ann', a.id)).toBe(false);
        expect(await sessions.isActive('usr_ann', b.id)).toBe(false);
      });

      it('with a custom bound, or none at all (0: every answer from the store)', async () => {
        const { session } = await sessions.create({ userId: 'usr_ann', productId: 'acme' });
        const slow = service({ cacheTtlMs: 5 * MINUTE });
        const uncached = service({ cacheTtlMs: 0 });
        expect(await slow.isActive('usr_ann', session.id)).toBe(true);
        expect(await uncached.isActive('usr_ann', session.id)).toBe(true);
        await sessions.revoke('usr_ann', session.id, 'logout');
        expect(await uncached.isActive('usr_ann', session.id)).toBe(false);
        clock.advance(5 * MINUTE - 1);
        expect(await slow.isActive('usr_ann', session.id)).toBe(true);
        clock.advance(1);
        expect(await slow.isActive('usr_ann', session.id)).toBe(false);
      });

      it('never trusts a cached "active" past the session’s own expiry', async () => {
        const { session } = await sessions.create({ userId: 'usr_ann', productId: 'acme' });
        clock.advance(TTL_MS - 1_000);
        const other = service({ cacheTtlMs: 5 * MINUTE });
        expect(await other.isActive('usr_ann', session.id)).toBe(true);
        clock.advance(1_000);
        expect(await other.isActive('usr_ann', session.id)).toBe(false);
      });

      it('remembers a missing session for the bound, except one whose id is younger than the bound', async () => {
        const other = service();
        const now = clock.now();
        const old: Session = {
          id: newSessionId(now - CACHE_TTL_MS),
          userId: 'usr_ann',
          productId: 'acme',
          platform: null,
          deviceId: null,
          deviceName: null,
          ip: null,
          userAgent: null,
          impersonatedBy: null,
          createdAt: now,
          lastActiveAt: now,
          expiresAt: now + TTL_MS,
          revokedAt: null,
          revokedReason: null,
        };
        const young: Session = { ...old, id: newSessionId(now) };
        expect(await other.isActive('usr_ann', old.id)).toBe(false);
        expect(await other.isActive('usr_ann', young.id)).toBe(false);
        // Both appear (e.g. written elsewhere and replicated late).
        const container = harness.store.container<SessionDocument>(SESSIONS_CONTAINER_NAME);
        await container.create(documentOf(old, now));
        await container.create(documentOf(young, now));
        expect(await other.isActive('usr_ann', young.id)).toBe(true);
        expect(await other.isActive('usr_ann', old.id)).toBe(false);
        clock.advance(CACHE_TTL_MS);
        expect(await other.isActive('usr_ann', old.id)).toBe(true);
      });
    });
  });
}
