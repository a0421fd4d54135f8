/**
 * The account operations behind the auth routes (no HTTP here): register, login, refresh, logout,
 * profile, password change, account deletion, and the admin's user management. Security choices:
 * - unknown email and wrong password answer the same `invalid_credentials` 401, and both cost one
 *   argon2 verify (a dummy hash for unknown users), so neither body, status nor timing tells them apart;
 * - login is throttled per account+IP, per IP and per account, with exponential backoff (429 +
 *   `Retry-After`); register has a per-IP guard;
 * - a refresh token is single-use (rotation); reuse outside the grace window revokes the session;
 * - a changed password signs out every other session; a disabled or deleted user's sessions end.
 */
import { ConflictError, ForbiddenError, UnauthorizedError } from '@groundwork/errors';
import type { Actor } from '@groundwork/events';
import type { Principal } from '@groundwork/http';
import { newSessionId } from '@groundwork/sessions';
import type { Clock } from '@groundwork/store';
import type { AccessTokens } from './access-tokens.js';
import type { AuditRecord, AuditSink, EventEmitterPort, SessionInfo, SessionsPort } from './auth-ports.js';
import { recordAudit } from './auth-ports.js';
import type { EmailVerification } from './email-verification.js';
import { assertKnownProduct, fieldError } from './field-errors.js';
import { hashPassword, passwordSchema, verifyAgainstDummy, verifyPassword } from './passwords.js';
import type { RefreshTokens } from './refresh-tokens.js';
import { actorOfPrincipal, type RequestMeta, type TokenPair } from './request-meta.js';
import type { BackoffPolicy, Throttle } from './throttle.js';
import {
  emailSchema,
  normalizeEmail,
  type Profile,
  rolesOf,
  toUser,
  type User,
  type UserFilters,
  type UserRepository,
  type UserRole,
  type UserStatus,
} from './users.js';

export interface AuthServiceOptions {
  users: UserRepository;
  sessions: SessionsPort;
  refreshTokens: RefreshTokens;
  accessTokens: AccessTokens;
  throttle: Throttle;
  clock: Clock;
  events?: EventEmitterPort | undefined;
  audit?: AuditSink | undefined;
  /** Products users may register in and sign in to (until the products registry exists). */
  products: readonly string[];
  /** Sends the verification link after register. */
  verification?: Pick<EmailVerification, 'sendVerification'> | undefined;
}

const LOGIN_ACCOUNT_IP: BackoffPolicy = { freeAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 };
const LOGIN_IP: BackoffPolicy = { freeAttempts: 20, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 };
const LOGIN_ACCOUNT: BackoffPolicy = { freeAttempts: 50, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };
const REGISTER_PER_IP = { limit: 10, windowMs: 10 * 60_000 };
const PRIVILEGED: readonly UserRole[] = ['admin', 'super_admin'];

const invalidCredentials = () =>
  new UnauthorizedError('The email or password is incorrect.', 'invalid_credentials');

function parsePassword(password: unknown, path = 'password'): string {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw fieldError(path, parsed.error.issues[0]?.message ?? 'is not a valid password');
  return parsed.data;
}

function parseEmail(email: unknown): string {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw fieldError('email', 'must be an email address', 'invalid_email');
  return parsed.data;
}

const userActor = (userId: string): Actor => ({ type: 'user', id: userId });

export function createAuthService(options: AuthServiceOptions) {
  const { users, sessions, refreshTokens, accessTokens, throttle, clock } = options;

  const audit = (record: AuditRecord, meta: RequestMeta) => recordAudit(options.audit, record, meta);

  /** Audits `action` taken by `principal` on `user`. */
  function auditOnUser(
    principal: Principal,
    action: string,
    user: { id: string; productId: string },
    meta: RequestMeta,
    summary?: AuditRecord['summary'],
  ): Promise<void> {
    return audit(
      {
        productId: user.productId,
        actor: actorOfPrincipal(principal),
        action,
        target: { type: 'user', id: user.id },
        ...(summary ? { summary } : {}),
      },
      meta,
    );
  }

  /** `wrong_password` (403) unless `password` is the account's; an account without one passes. */
  async function assertPassword(user: { passwordHash: string | null }, password: unknown): Promise<void> {
    const given = typeof password === 'string' ? password : '';
    if (user.passwordHash && !(await verifyPassword(user.passwordHash, given)).ok) {
      throw new ForbiddenError('The password is incorrect.', 'wrong_password');
    }
  }

  /** Deletes the user, ends their sessions, emits `user.deleted` and audits `action`. */
  async function removeUser(
    principal: Principal,
    user: Parameters<UserRepository['delete']>[0],
    action: string,
    meta: RequestMeta,
  ): Promise<void> {
    await users.delete(user);
    await endSessions(toUser(user), 'account_deleted');
    await options.events?.emit(
      'user.deleted',
      { userId: user.id },
      { productId: user.productId, actor: actorOfPrincipal(principal) },
    );
    await auditOnUser(principal, action, user, meta);
  }

  const assertProduct = (productId: string) => assertKnownProduct(options.products, productId);

  /**
   * A new session with its token pair. The session id is chosen first so the access token is
   * signed (off the main thread) while the session and refresh token are written.
   */
  async function signIn(user: User, meta: RequestMeta, impersonatedBy?: string): Promise<TokenPair> {
    const sessionId = newSessionId(clock.now());
    const [accessToken, refreshToken] = await Promise.all([
      signAccessToken(user, sessionId),
      sessions
        .create({
          id: sessionId,
          userId: user.id,
          productId: user.productId,
          platform: meta.platform,
          deviceId: meta.deviceId,
          deviceName: meta.deviceName,
          ip: meta.ip,
          userAgent: meta.userAgent,
          impersonatedBy,
        })
        .then(({ session }) =>
          refreshTokens.issue({
            sessionId,
            userId: user.id,
            productId: user.productId,
            expiresAt: session.expiresAt,
          }),
        ),
    ]);
    return tokenPair(accessToken, refreshToken, sessionId);
  }

  function signAccessToken(user: User, sessionId: string): Promise<string> {
    return accessTokens.sign({
      sub: user.id,
      pid: user.productId,
      sid: sessionId,
      roles: rolesOf(user.role),
    });
  }

  function tokenPair(accessToken: string, refreshToken: string, sessionId: string): TokenPair {
    return { accessToken, tokenType: 'Bearer', expiresIn: accessTokens.ttlSeconds, refreshToken, sessionId };
  }

  async function tokensFor(user: User, sessionId: string, refreshToken: string): Promise<TokenPair> {
    return tokenPair(await signAccessToken(user, sessionId), refreshToken, sessionId);
  }

  async function endSessions(user: User, reason: string, exceptSessionId?: string): Promise<number> {
    return sessions.revokeAll(user.id, { productId: user.productId, exceptSessionId, reason });
  }

  async function mustBeActiveUser(principal: Principal) {
    const user = await users.get(principal.productId, principal.subject);
    if (user?.status !== 'active')
      throw new UnauthorizedError('The account is not active.', 'account_inactive');
    return user;
  }

  /** Role changes: only a super_admin grants or takes admin rights, and nobody changes their own role. */
  function assertMayManage(actor: Principal, target: User, nextRole?: UserRole): void {
    const actorIsSuper = actor.roles.includes('super_admin');
    const touchesPrivileged = PRIVILEGED.includes(target.role) || (nextRole && PRIVILEGED.includes(nextRole));
    if (touchesPrivileged && !actorIsSuper) {
      throw new ForbiddenError('Only a super admin can manage admins.', 'super_admin_required');
    }
    if (nextRole && target.id === actor.subject) {
      throw new ForbiddenError('You cannot change your own role.', 'own_role');
    }
  }

  return {
    /** Opens a session for an already authenticated user (single sign-on) and returns its tokens. */
    signIn: (user: User, meta: RequestMeta) => signIn(user, meta),

    async register(
      input: { productId: string; email: unknown; password: unknown; profile?: Profile },
      meta: RequestMeta,
    ): Promise<{ user: User; tokens: TokenPair }> {
      assertProduct(input.productId);
      await throttle.hit(
        'register-ip',
        meta.ip ?? 'unknown',
        REGISTER_PER_IP.limit,
        REGISTER_PER_IP.windowMs,
      );
      const email = parseEmail(input.email);
      const password = parsePassword(input.password);
      const stored = await users.create({
        productId: input.productId,
        email,
        passwordHash: await hashPassword(password),
        ...(input.profile ? { profile: input.profile } : {}),
      });
      const user = toUser(stored);
      const tokens = await signIn(user, meta);
      await options.events?.emit(
        'user.created',
        { userId: user.id, email: user.email, plan: 'free' },
        { productId: user.productId, actor: userActor(user.id) },
      );
      await options.verification?.sendVerification(user, meta);
      return { user, tokens };
    },

    async login(
      input: { productId: string; email: unknown; password: unknown },
      meta: RequestMeta,
    ): Promise<{ user: User; tokens: TokenPair }> {
      assertProduct(input.productId);
      if (typeof input.password !== 'string' || input.password.length > 1024) throw invalidCredentials();
      // The throttle keys use the same normal form as the lookup: look-alike spellings of one
      // email (case, width, compatibility forms) count against the same account.
      const email = typeof input.email === 'string' ? normalizeEmail(input.email) : '';
      const ip = meta.ip ?? 'unknown';
      const keys = {
        accountIp: `${input.productId}|${email}|${ip}`,
        ip,
        account: `${input.productId}|${email}`,
      };
      const [accountIpCounted, , accountCounted] = await Promise.all([
        throttle.check('login-account-ip', keys.accountIp),
        throttle.check('login-ip', keys.ip),
        throttle.check('login-account', keys.account),
      ]);

      const found = email ? await users.findByEmail(input.productId, email) : undefined;
      const verdict = found?.passwordHash
        ? await verifyPassword(found.passwordHash, input.password)
        : { ok: await verifyAgainstDummy(input.password), needsRehash: false };
      if (!found || !verdict.ok) {
        await Promise.all([
          throttle.fail('login-account-ip', keys.accountIp, LOGIN_ACCOUNT_IP),
          throttle.fail('login-ip', keys.ip, LOGIN_IP),
          throttle.fail('login-account', keys.account, LOGIN_ACCOUNT),
        ]);
        await audit(
          {
            productId: input.productId,
            actor: found ? userActor(found.id) : { type: 'system', id: 'auth' },
            action: 'auth.login_failed',
            ...(found ? { target: { type: 'user', id: found.id } } : {}),
          },
          meta,
        );
        throw invalidCredentials();
      }
      if (found.status !== 'active')
        throw new ForbiddenError('This account is disabled.', 'account_disabled');
      let stored = found;
      if (verdict.needsRehash) {
        stored = await users
          .replace({ ...found, passwordHash: await hashPassword(input.password) })
          .catch(() => found); // a concurrent change wins; the next login rehashes
      }
      await Promise.all([
        accountIpCounted ? throttle.reset('login-account-ip', keys.accountIp) : undefined,
        accountCounted ? throttle.reset('login-account', keys.account) : undefined,
      ]);
      const user = toUser(stored);
      return { user, tokens: await signIn(user, meta) };
    },

    async refresh(refreshToken: unknown, meta: RequestMeta): Promise<TokenPair> {
      if (typeof refreshToken !== 'string') {
        throw new UnauthorizedError('The refresh token is invalid or expired.', 'refresh_token_invalid');
      }
      let session: SessionInfo | undefined;
      const result = await refreshTokens.rotate(refreshToken, async (owner) => {
        session = await sessions.get(owner.userId, owner.sessionId);
        return session?.expiresAt ?? owner.expiresAt;
      });
      const { owner } = result;
      if (result.outcome === 'reused') {
        await sessions.revoke(owner.userId, owner.sessionId, 'refresh_token_reused');
        await refreshTokens.revokeFamily(owner.sessionId);
        await audit(
          {
            productId: owner.productId,
            actor: userActor(owner.userId),
            action: 'auth.refresh_token_reused',
            target: { type: 'session', id: owner.sessionId },
          },
          meta,
        );
        throw new UnauthorizedError(
          'This refresh token was used already; the session has been ended.',
          'refresh_token_reused',
        );
      }
      const user = await users.get(owner.productId, owner.userId);
      if (
        !session ||
        session.revokedAt !== null ||
        session.expiresAt <= clock.now() ||
        user?.status !== 'active'
      ) {
        await refreshTokens.revokeFamily(owner.sessionId);
        throw new UnauthorizedError('The session has ended.', 'session_ended');
      }
      return tokensFor(toUser(user), owner.sessionId, result.token);
    },

    async logout(principal: Principal): Promise<void> {
      if (!principal.sessionId) return;
      await sessions.revoke(principal.subject, principal.sessionId, 'logout');
      await refreshTokens.revokeFamily(principal.sessionId);
    },

    async me(principal: Principal): Promise<User> {
      return toUser(await users.mustGet(principal.productId, principal.subject));
    },

    async updateProfile(principal: Principal, profile: Profile): Promise<User> {
      const user = await users.mustGet(principal.productId, principal.subject);
      return toUser(await users.replace({ ...user, ...profile }));
    },

    /**
     * Moves the account to a new email: needs the password (when the account has one), keeps the
     * email unique in the product, marks it unverified and sends a verification link to it.
     */
    async changeEmail(
      principal: Principal,
      input: { newEmail: unknown; password: unknown },
      meta: RequestMeta,
    ): Promise<User> {
      const user = await mustBeActiveUser(principal);
      const email = parseEmail(input.newEmail);
      await assertPassword(user, input.password);
      const changed = toUser(await users.changeEmail(user, email));
      if (changed.email !== user.email) {
        await auditOnUser(principal, 'auth.email_changed', user, meta);
        await options.verification?.sendVerification(changed, meta);
      }
      return changed;
    },

    async changePassword(
      principal: Principal,
      input: { currentPassword: unknown; newPassword: unknown },
      meta: RequestMeta,
    ): Promise<void> {
      const user = await mustBeActiveUser(principal);
      const next = parsePassword(input.newPassword, 'newPassword');
      const current = typeof input.currentPassword === 'string' ? input.currentPassword : '';
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current)).ok) {
        throw new ForbiddenError('The current password is incorrect.', 'wrong_password');
      }
      await users.replace({ ...user, passwordHash: await hashPassword(next) });
      await endSessions(toUser(user), 'password_changed', principal.sessionId);
      await auditOnUser(principal, 'auth.password_changed', user, meta);
    },

    async deleteAccount(
      principal: Principal,
      input: { password: unknown },
      meta: RequestMeta,
    ): Promise<void> {
      const user = await mustBeActiveUser(principal);
      await assertPassword(user, input.password);
      await removeUser(principal, user, 'auth.account_deleted', meta);
    },

    // --- admin ---

    async listUsers(
      productId: string,
      filters: UserFilters,
      page: { limit: number; cursor?: string | undefined },
    ) {
      const result = await users.list(productId, filters, page);
      return {
        items: result.items.map(toUser),
        ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      };
    },

    async getUser(productId: string, userId: string): Promise<User> {
      return toUser(await users.mustGet(productId, userId));
    },

    async updateUser(
      actor: Principal,
      userId: string,
      change: { role?: UserRole | undefined; status?: UserStatus | undefined },
      meta: RequestMeta,
    ): Promise<User> {
      const user = await users.mustGet(actor.productId, userId);
      assertMayManage(actor, toUser(user), change.role);
      if (change.status === 'disabled' && user.id === actor.subject) {
        throw new ForbiddenError('You cannot disable your own account.', 'own_account');
      }
      const next = {
        ...user,
        ...(change.role ? { role: change.role } : {}),
        ...(change.status ? { status: change.status } : {}),
      };
      const updated = toUser(await users.replace(next));
      if (change.status === 'disabled' || (change.role && change.role !== user.role)) {
        await endSessions(updated, change.status === 'disabled' ? 'account_disabled' : 'role_changed');
      }
      await auditOnUser(actor, 'auth.user_updated', user, meta, {
        before: { role: user.role, status: user.status },
        after: { role: updated.role, status: updated.status },
      });
      return updated;
    },

    async deleteUser(actor: Principal, userId: string, meta: RequestMeta): Promise<void> {
      const user = await users.mustGet(actor.productId, userId);
      assertMayManage(actor, toUser(user));
      if (user.id === actor.subject)
        throw new ConflictError('Delete your own account through /v1/auth/me.', 'own_account');
      await removeUser(actor, user, 'auth.user_deleted', meta);
    },

    /**
     * For the sessions module's admin routes: refuses (403) an admin acting on an admin's or super
     * admin's sessions unless they are a super admin. An unknown user passes (nothing to show).
     */
    async assertMayManageSessionsOf(actor: Principal, userId: string): Promise<void> {
      const user = await users.get(actor.productId, userId);
      if (user) assertMayManage(actor, toUser(user));
    },

    async forceLogout(actor: Principal, userId: string, meta: RequestMeta): Promise<number> {
      const user = await users.mustGet(actor.productId, userId);
      assertMayManage(actor, toUser(user));
      const revoked = await endSessions(toUser(user), 'forced_logout');
      await auditOnUser(actor, 'auth.force_logout', user, meta);
      return revoked;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
