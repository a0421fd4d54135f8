/**
 * Password reset (no HTTP here): `request` (forgot-password) mails a single-use link valid for an
 * hour, `reset` takes the token and sets a new password. Security choices:
 * - a request answers the same whether or not the email has an account (the caller sends one fixed
 *   reply); both paths do a comparable amount of store work, and a failing sender is not reported;
 * - at most 3 requests per email per hour and 10 per IP per 10 minutes (429 + `Retry-After`);
 * - tokens are 256 random bits, stored only as SHA-256 hashes, and consumed atomically before the
 *   password changes; unknown, expired, used and orphaned tokens all answer `invalid_or_expired_token`;
 * - a reset ends every session of the user (their refresh token families are deleted with them),
 *   drops the user's other reset tokens, and clears the login backoff of the account;
 * - every attempt is audited; `user.password_reset` is emitted after a reset. Raw tokens only ever
 *   reach the link sender.
 */
import { ConflictError, isAppError } from '@groundwork/errors';
import type { Actor } from '@groundwork/events';
import type { Clock, ContainerSpec, DocumentStore, StoredDocument } from '@groundwork/store';
import type { AuditRecord, AuditSink, EventEmitterPort, SessionsPort } from './auth-ports.js';
import { recordAudit } from './auth-ports.js';
import { assertKnownProduct, fieldError } from './field-errors.js';
import { deliverLink, type LinkBuilder, type LinkLog, type LinkSender } from './link-sender.js';
import { hashPassword, passwordSchema } from './passwords.js';
import {
  createRecoveryTokens,
  invalidOrExpiredToken,
  issuedFor,
  type RecoveryTokenDoc,
} from './recovery-tokens.js';
import type { RefreshTokens } from './refresh-tokens.js';
import type { RequestMeta } from './request-meta.js';
import type { Throttle } from './throttle.js';
import { emailSchema, type UserDocument, type UserRepository } from './users.js';

export const PASSWORD_RESET_TOKENS_CONTAINER: ContainerSpec = {
  name: 'password_reset_tokens',
  partitionKey: '/productId',
  description: 'SHA-256 hashes of password reset tokens (single use, valid an hour); expire after a day.',
  defaultTtl: 24 * 60 * 60,
};

export const RESET_TOKEN_TTL_MS = 60 * 60_000;
export const RESET_REQUESTS_PER_EMAIL = { limit: 3, windowMs: 60 * 60_000 };
export const FORGOT_PASSWORD_PER_IP = { limit: 10, windowMs: 10 * 60_000 };

const MAX_ROUNDS = 5;

/** The sessions a reset ends; with `list` (the sessions service has it) their refresh families go too. */
export interface ResetSessionsPort extends Pick<SessionsPort, 'revokeAll'> {
  list?(userId: string, productId: string): Promise<ReadonlyArray<{ id: string }>>;
}

export interface PasswordResetOptions {
  store: DocumentStore;
  clock: Clock;
  users: UserRepository;
  sessions: ResetSessionsPort;
  /** Deletes the refresh token families of the ended sessions (they would die at their next use anyway). */
  refreshTokens?: Pick<RefreshTokens, 'revokeFamily'> | undefined;
  throttle: Throttle;
  linkSender: LinkSender;
  links: LinkBuilder;
  /** Products users may belong to. */
  products: readonly string[];
  events?: EventEmitterPort | undefined;
  audit?: AuditSink | undefined;
}

export interface PasswordReset {
  /** forgot-password: mails a link when the email has an active account; resolves the same either way. */
  request(input: { productId: string; email: unknown }, meta: RequestMeta, log: LinkLog): Promise<void>;
  /** reset-password: `invalid_or_expired_token` (400) unless the token is live and unused. */
  reset(input: { productId: string; token: unknown; newPassword: unknown }, meta: RequestMeta): Promise<void>;
}

type StoredUser = StoredDocument<UserDocument>;

const AUTH_SYSTEM: Actor = { type: 'system', id: 'auth' };
const userActor = (userId: string): Actor => ({ type: 'user', id: userId });

const isStatus = (error: unknown, status: number) => isAppError(error) && error.status === status;

export function createPasswordReset(options: PasswordResetOptions): PasswordReset {
  const { users, sessions, throttle } = options;
  const tokens = createRecoveryTokens(options.store, options.clock, PASSWORD_RESET_TOKENS_CONTAINER.name);

  const audit = (record: AuditRecord, meta: RequestMeta) => recordAudit(options.audit, record, meta);

  async function failed(
    productId: string,
    reason: string,
    meta: RequestMeta,
    userId?: string,
  ): Promise<void> {
    await audit(
      {
        productId,
        actor: AUTH_SYSTEM,
        action: 'auth.password_reset_failed',
        ...(userId ? { target: { type: 'user', id: userId } } : {}),
        summary: { after: { reason } },
      },
      meta,
    );
  }

  const assertProduct = (productId: string) => assertKnownProduct(options.products, productId);

  /** Writes the new hash on the token's user, unless the user is gone, disabled or has another email. */
  async function setPassword(doc: RecoveryTokenDoc, passwordHash: string): Promise<StoredUser | undefined> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const user = await users.get(doc.productId, doc.userId);
      if (user?.status !== 'active' || !issuedFor(doc, user.email)) return undefined;
      try {
        return await users.replace({ ...user, passwordHash });
      } catch (error) {
        if (!isStatus(error, 412)) throw error; // changed meanwhile: read again
      }
    }
    throw new ConflictError(
      'The account changed while its password was reset; try again.',
      'concurrent_update',
    );
  }

  /** Ends every session of the user in the product and deletes their refresh token families. */
  async function endSessions(user: StoredUser): Promise<number> {
    const listed = options.refreshTokens && sessions.list ? await sessions.list(user.id, user.productId) : [];
    const revoked = await sessions.revokeAll(user.id, {
      productId: user.productId,
      reason: 'password_reset',
    });
    await Promise.all(listed.map((session) => options.refreshTokens?.revokeFamily(session.id)));
    return revoked;
  }

  return {
    async request(input, meta, log) {
      const { productId } = input;
      assertProduct(productId);
      await throttle.hit(
        'forgot-password-ip',
        meta.ip ?? 'unknown',
        FORGOT_PASSWORD_PER_IP.limit,
        FORGOT_PASSWORD_PER_IP.windowMs,
      );
      const parsed = emailSchema.safeParse(input.email);
      if (!parsed.success) throw fieldError('email', 'must be an email address', 'invalid_email');
      const email = parsed.data;
      try {
        // Counted for unknown emails too, so a 429 tells nothing about the account either.
        await throttle.hit(
          'reset-email',
          `${productId}|${email}`,
          RESET_REQUESTS_PER_EMAIL.limit,
          RESET_REQUESTS_PER_EMAIL.windowMs,
        );
      } catch (error) {
        if (isStatus(error, 429))
          await audit(
            {
              productId,
              actor: AUTH_SYSTEM,
              action: 'auth.password_reset_requested',
              summary: { after: { outcome: 'throttled' } },
            },
            meta,
          );
        throw error;
      }

      const user = await users.findByEmail(productId, email);
      let outcome: 'link_sent' | 'link_not_delivered' | 'no_account' | 'account_inactive';
      if (user && user.status === 'active') {
        const issued = await tokens.issue(
          { productId, userId: user.id, email: user.email },
          RESET_TOKEN_TTL_MS,
        );
        const delivered = await deliverLink(
          options.linkSender,
          {
            kind: 'password_reset',
            productId,
            userId: user.id,
            email: user.email,
            url: options.links('password_reset', productId, issued.token),
            expiresAt: issued.expiresAt,
          },
          log,
        );
        outcome = delivered ? 'link_sent' : 'link_not_delivered';
      } else {
        await tokens.decoy(productId); // stands in for the token write
        outcome = user ? 'account_inactive' : 'no_account';
      }
      await audit(
        {
          productId,
          actor: AUTH_SYSTEM,
          action: 'auth.password_reset_requested',
          ...(user ? { target: { type: 'user', id: user.id } } : {}),
          summary: { after: { outcome } },
        },
        meta,
      );
    },

    async reset(input, meta) {
      const { productId } = input;
      assertProduct(productId);
      const password = passwordSchema.safeParse(input.newPassword);
      if (!password.success) {
        await failed(productId, 'invalid_password', meta);
        throw fieldError('newPassword', password.error.issues[0]?.message ?? 'is not a valid password');
      }
      const doc = await tokens.consume(productId, input.token);
      if (!doc) {
        await failed(productId, 'invalid_token', meta);
        throw invalidOrExpiredToken();
      }
      const user = await setPassword(doc, await hashPassword(password.data));
      if (!user) {
        await failed(productId, 'account_changed', meta, doc.userId);
        throw invalidOrExpiredToken();
      }
      await tokens.revokeForUser(productId, user.id);
      const sessionsEnded = await endSessions(user);
      await Promise.all([
        throttle.reset('login-account', `${productId}|${user.email}`),
        throttle.reset('login-account-ip', `${productId}|${user.email}|${meta.ip ?? 'unknown'}`),
      ]);
      await options.events?.emit(
        'user.password_reset',
        { userId: user.id },
        { productId, actor: userActor(user.id) },
      );
      await audit(
        {
          productId,
          actor: userActor(user.id),
          action: 'auth.password_reset',
          target: { type: 'user', id: user.id },
          summary: { after: { sessionsEnded } },
        },
        meta,
      );
    },
  };
}
