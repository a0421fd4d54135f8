/**
 * Email verification (no HTTP here): `sendVerification` mails a single-use link valid for 24 hours
 * (register calls it for each new user), `resend` mails a fresh one, `verify` takes the token and
 * marks the user's email verified. Security choices:
 * - a new link drops the user's earlier verification tokens before it is issued, so only links
 *   sent after the latest request began still work;
 * - resend answers the same whether or not the email has an account or is verified already; it is
 *   limited to 10 per IP per 10 minutes and 3 per email per hour (429 + `Retry-After`);
 * - tokens are 256 random bits, stored only as SHA-256 hashes, consumed atomically; a token whose
 *   user has changed email since is dead; every failure answers `invalid_or_expired_token`;
 * - every attempt is audited; `user.email_verified` is emitted when a user becomes verified. Raw
 *   tokens only ever reach the link sender.
 */
import { ConflictError, isAppError } from '@groundwork/errors';
import type { Actor } from '@groundwork/events';
import type { Principal } from '@groundwork/http';
import type { Clock, ContainerSpec, DocumentStore, StoredDocument } from '@groundwork/store';
import type { AuditRecord, AuditSink, EventEmitterPort } from './auth-ports.js';
import { recordAudit } from './auth-ports.js';
import { assertKnownProduct, fieldError } from './field-errors.js';
import { deliverLink, type LinkBuilder, type LinkLog, type LinkSender } from './link-sender.js';
import {
  createRecoveryTokens,
  invalidOrExpiredToken,
  issuedFor,
  type RecoveryTokenDoc,
} from './recovery-tokens.js';
import type { RequestMeta } from './request-meta.js';
import type { Throttle } from './throttle.js';
import { emailSchema, type User, type UserDocument, type UserRepository } from './users.js';

export const EMAIL_VERIFICATIONS_CONTAINER: ContainerSpec = {
  name: 'email_verifications',
  partitionKey: '/productId',
  description: 'SHA-256 hashes of email verification tokens (single use, valid a day); expire after a day.',
  defaultTtl: 24 * 60 * 60,
};

export const VERIFICATION_TOKEN_TTL_MS = 24 * 60 * 60_000;
export const RESEND_VERIFICATION_PER_IP = { limit: 10, windowMs: 10 * 60_000 };
export const RESEND_VERIFICATION_PER_EMAIL = { limit: 3, windowMs: 60 * 60_000 };

const MAX_ROUNDS = 5;

export interface EmailVerificationOptions {
  store: DocumentStore;
  clock: Clock;
  users: UserRepository;
  throttle: Throttle;
  linkSender: LinkSender;
  links: LinkBuilder;
  /** Products users may belong to. */
  products: readonly string[];
  /** Handed to the sender when a caller has no request logger (e.g. the module's logger). */
  logger: LinkLog;
  events?: EventEmitterPort | undefined;
  audit?: AuditSink | undefined;
}

export interface EmailVerification {
  /**
   * Mails a new verification link to an unverified user, dropping earlier ones; resolves whether a
   * link went out (false when verified already or the sender failed, which is logged, not thrown).
   */
  sendVerification(user: User, meta: RequestMeta, log?: LinkLog): Promise<boolean>;
  /**
   * resend-verification: for the signed-in user when a `principal` of kind `user` is given, else for
   * `email` in `productId`; resolves the same whether or not a link went out.
   */
  resend(
    input: { productId: string; email?: unknown; principal?: Principal | undefined },
    meta: RequestMeta,
    log: LinkLog,
  ): Promise<void>;
  /** verify-email: `invalid_or_expired_token` (400) unless the token is live, unused and its user's email unchanged. */
  verify(input: { productId: string; token: unknown }, meta: RequestMeta): Promise<void>;
}

type StoredUser = StoredDocument<UserDocument>;
type ResendOutcome =
  | 'link_sent'
  | 'link_not_delivered'
  | 'no_account'
  | 'already_verified'
  | 'account_inactive';

const AUTH_SYSTEM: Actor = { type: 'system', id: 'auth' };
const userActor = (userId: string): Actor => ({ type: 'user', id: userId });

const isStatus = (error: unknown, status: number) => isAppError(error) && error.status === status;

export function createEmailVerification(options: EmailVerificationOptions): EmailVerification {
  const { users, throttle } = options;
  const tokens = createRecoveryTokens(options.store, options.clock, EMAIL_VERIFICATIONS_CONTAINER.name);

  const audit = (record: AuditRecord, meta: RequestMeta) => recordAudit(options.audit, record, meta);

  const assertProduct = (productId: string) => assertKnownProduct(options.products, productId);

  async function limitEmail(productId: string, email: string, meta: RequestMeta): Promise<void> {
    try {
      await throttle.hit(
        'verification-email',
        `${productId}|${email}`,
        RESEND_VERIFICATION_PER_EMAIL.limit,
        RESEND_VERIFICATION_PER_EMAIL.windowMs,
      );
    } catch (error) {
      if (isStatus(error, 429))
        await audit(
          {
            productId,
            actor: AUTH_SYSTEM,
            action: 'auth.verification_requested',
            summary: { after: { outcome: 'throttled' } },
          },
          meta,
        );
      throw error;
    }
  }

  async function send(user: User, meta: RequestMeta, log: LinkLog): Promise<boolean> {
    if (user.emailVerified) return false;
    await tokens.revokeForUser(user.productId, user.id);
    const issued = await tokens.issue(
      { productId: user.productId, userId: user.id, email: user.email },
      VERIFICATION_TOKEN_TTL_MS,
    );
    const delivered = await deliverLink(
      options.linkSender,
      {
        kind: 'email_verification',
        productId: user.productId,
        userId: user.id,
        email: user.email,
        url: options.links('email_verification', user.productId, issued.token),
        expiresAt: issued.expiresAt,
      },
      log,
    );
    await audit(
      {
        productId: user.productId,
        actor: AUTH_SYSTEM,
        action: 'auth.verification_sent',
        target: { type: 'user', id: user.id },
        summary: { after: { delivered } },
      },
      meta,
    );
    return delivered;
  }

  /** Marks the token's user verified; `undefined` when the user is gone or has another email now. */
  async function markVerified(
    doc: RecoveryTokenDoc,
  ): Promise<{ user: StoredUser; changed: boolean } | undefined> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const user = await users.get(doc.productId, doc.userId);
      if (!user || !issuedFor(doc, user.email)) return undefined;
      if (user.emailVerified) return { user, changed: false };
      try {
        return { user: await users.replace({ ...user, emailVerified: true }), changed: true };
      } catch (error) {
        if (!isStatus(error, 412)) throw error; // changed meanwhile: read again
      }
    }
    throw new ConflictError(
      'The account changed while its email was verified; try again.',
      'concurrent_update',
    );
  }

  return {
    sendVerification: (user, meta, log) => send(user, meta, log ?? options.logger),

    async resend(input, meta, log) {
      await throttle.hit(
        'resend-verification-ip',
        meta.ip ?? 'unknown',
        RESEND_VERIFICATION_PER_IP.limit,
        RESEND_VERIFICATION_PER_IP.windowMs,
      );
      let user: StoredUser | undefined;
      let productId: string;
      if (input.principal?.kind === 'user') {
        productId = input.principal.productId;
        user = await users.get(productId, input.principal.subject);
        if (user) await limitEmail(productId, user.email, meta);
      } else {
        productId = input.productId;
        assertProduct(productId);
        const parsed = emailSchema.safeParse(input.email);
        if (!parsed.success) throw fieldError('email', 'must be an email address', 'invalid_email');
        await limitEmail(productId, parsed.data, meta); // unknown emails count too
        user = await users.findByEmail(productId, parsed.data);
      }

      let outcome: ResendOutcome;
      if (!user) outcome = 'no_account';
      else if (user.status !== 'active') outcome = 'account_inactive';
      else if (user.emailVerified) outcome = 'already_verified';
      else outcome = (await send(user, meta, log)) ? 'link_sent' : 'link_not_delivered';
      if (outcome !== 'link_sent' && outcome !== 'link_not_delivered') await tokens.decoy(productId);
      await audit(
        {
          productId,
          actor: input.principal?.kind === 'user' ? userActor(input.principal.subject) : AUTH_SYSTEM,
          action: 'auth.verification_requested',
          ...(user ? { target: { type: 'user', id: user.id } } : {}),
          summary: { after: { outcome } },
        },
        meta,
      );
    },

    async verify(input, meta) {
      const { productId } = input;
      assertProduct(productId);
      const doc = await tokens.consume(productId, input.token);
      const result = doc ? await markVerified(doc) : undefined;
      if (!doc || !result) {
        await audit(
          {
            productId,
            actor: AUTH_SYSTEM,
            action: 'auth.email_verification_failed',
            ...(doc ? { target: { type: 'user', id: doc.userId } } : {}),
            summary: { after: { reason: doc ? 'account_changed' : 'invalid_token' } },
          },
          meta,
        );
        throw invalidOrExpiredToken();
      }
      const { user, changed } = result;
      if (changed) {
        await options.events?.emit(
          'user.email_verified',
          { userId: user.id, email: user.email },
          { productId, actor: userActor(user.id) },
        );
      }
      await audit(
        {
          productId,
          actor: userActor(user.id),
          action: 'auth.email_verified',
          target: { type: 'user', id: user.id },
          summary: { before: { emailVerified: !changed }, after: { emailVerified: true } },
        },
        meta,
      );
    },
  };
}
