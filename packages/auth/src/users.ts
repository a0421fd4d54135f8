/**
 * Users of a product: the `users` container (pk `/productId`) and the `user_emails` claims that
 * make an email unique per product. An email is normalized (trimmed, NFKC, lowercased) before it
 * is compared or stored; its claim document's id is the SHA-256 of that form, so any email is a
 * valid document id and the claim is a single conditional create (409 = taken).
 */
import { createHash } from 'node:crypto';
import { ConflictError, isAppError, NotFoundError } from '@groundwork/errors';
import { newId } from '@groundwork/http';
import type { Clock, ContainerSpec, DocumentStore, Filter, StoredDocument } from '@groundwork/store';
import { z } from 'zod';

export const USER_ROLES = ['user', 'admin', 'super_admin'] as const;
export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export type UserStatus = (typeof USER_STATUSES)[number];

export const USERS_CONTAINER: ContainerSpec = {
  name: 'users',
  partitionKey: '/productId',
  description: 'Users per product: normalized email, role, status, argon2id password hash, profile.',
};

export const USER_EMAILS_CONTAINER: ContainerSpec = {
  name: 'user_emails',
  partitionKey: '/productId',
  description: 'One claim per (product, normalized email): keeps emails unique per product.',
};

export const emailSchema = z
  .string()
  .max(320)
  .transform((value) => normalizeEmail(value))
  .pipe(z.email({ message: 'must be an email address' }));

export const profileSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like en or pt-BR')
      .optional(),
    avatarUrl: z
      .url({ protocol: /^https$/ })
      .max(2000)
      .optional(),
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;

export interface User extends Profile {
  id: string;
  productId: string;
  email: string;
  emailVerified: boolean;
  role: UserRole;
  status: UserStatus;
  createdAt: number;
  updatedAt: string;
}

/** As stored: the user plus the password hash (null for single-sign-on-only users). */
export type UserDocument = Omit<User, 'updatedAt'> & { pk: string; passwordHash: string | null };
type StoredUser = StoredDocument<UserDocument>;

interface EmailClaim {
  productId: string;
  userId: string;
}

/**
 * The roles a token carries for a user's role: a super admin is an admin too, so every route
 * guarded by `admin` admits super admins.
 */
export function rolesOf(role: UserRole): string[] {
  return role === 'super_admin' ? ['super_admin', 'admin'] : [role];
}

export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase();
}

function emailClaimId(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex');
}

/** The public view: never the password hash or store fields. */
export function toUser(doc: StoredUser): User {
  const { pk: _pk, etag: _etag, passwordHash: _hash, ...user } = doc;
  return user;
}

export interface UserFilters {
  emailPrefix?: string;
  role?: UserRole;
  status?: UserStatus;
  createdFrom?: number;
  createdTo?: number;
}

export interface UserRepository {
  /** Claims the email, then creates the user; `email_taken` (409) when the product has it already. */
  create(input: {
    productId: string;
    email: string;
    passwordHash: string | null;
    role?: UserRole;
    emailVerified?: boolean;
    profile?: Profile;
  }): Promise<StoredUser>;
  get(productId: string, userId: string): Promise<StoredUser | undefined>;
  /** `user_not_found` (404) when missing. */
  mustGet(productId: string, userId: string): Promise<StoredUser>;
  findByEmail(productId: string, email: string): Promise<StoredUser | undefined>;
  /** Writes `next` if the user is unchanged since `etag` read; 412 otherwise. */
  replace(next: StoredUser): Promise<StoredUser>;
  /** Moves the user to a new email (claim new, write, release old). */
  changeEmail(user: StoredUser, email: string): Promise<StoredUser>;
  delete(user: StoredUser): Promise<void>;
  list(
    productId: string,
    filters: UserFilters,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: StoredUser[]; nextCursor?: string }>;
  count(productId: string): Promise<number>;
}

const isConflict = (error: unknown) => isAppError(error) && error.status === 409;
const emailTaken = () => new ConflictError('This email is already registered.', 'email_taken');

export function createUserRepository(store: DocumentStore, clock: Clock): UserRepository {
  const users = () => store.container<UserDocument>(USERS_CONTAINER.name);
  const emails = () => store.container<EmailClaim>(USER_EMAILS_CONTAINER.name);

  async function claim(productId: string, email: string, userId: string): Promise<void> {
    try {
      await emails().create({ id: emailClaimId(email), pk: productId, productId, userId });
    } catch (error) {
      if (isConflict(error)) throw emailTaken();
      throw error;
    }
  }

  async function release(productId: string, email: string): Promise<void> {
    await emails()
      .delete(emailClaimId(email), productId)
      .catch((error: unknown) => {
        if (!(isAppError(error) && error.status === 404)) throw error;
      });
  }

  return {
    async create(input) {
      const now = clock.now();
      const id = newId('usr', now);
      const email = normalizeEmail(input.email);
      await claim(input.productId, email, id);
      try {
        return await users().create({
          id,
          pk: input.productId,
          productId: input.productId,
          email,
          emailVerified: input.emailVerified ?? false,
          role: input.role ?? 'user',
          status: 'active',
          passwordHash: input.passwordHash,
          createdAt: now,
          ...input.profile,
        });
      } catch (error) {
        await release(input.productId, email);
        throw error;
      }
    },

    get: (productId, userId) => users().read(userId, productId),

    async mustGet(productId, userId) {
      const user = await users().read(userId, productId);
      if (!user) throw new NotFoundError(`User "${userId}" was not found.`, 'user_not_found');
      return user;
    },

    async findByEmail(productId, email) {
      const claimed = await emails().read(emailClaimId(email), productId);
      if (!claimed) return undefined;
      const user = await users().read(claimed.userId, productId);
      return user && user.email === normalizeEmail(email) ? user : undefined;
    },

    async replace(next) {
      const { etag, updatedAt: _updatedAt, ...doc } = next;
      return users().replace(doc, { ifMatch: etag });
    },

    async changeEmail(user, email) {
      const normalized = normalizeEmail(email);
      if (normalized === user.email) return user;
      await claim(user.productId, normalized, user.id);
      const { etag, updatedAt: _updatedAt, ...doc } = user;
      let updated: StoredUser;
      try {
        updated = await users().replace(
          { ...doc, email: normalized, emailVerified: false },
          { ifMatch: etag },
        );
      } catch (error) {
        await release(user.productId, normalized);
        throw error;
      }
      await release(user.productId, user.email);
      return updated;
    },

    async delete(user) {
      await users().delete(user.id, user.productId);
      await release(user.productId, user.email);
    },

    async list(productId, filters, page) {
      const where: Filter[] = [];
      if (filters.emailPrefix)
        where.push({ field: 'email', op: 'startsWith', value: normalizeEmail(filters.emailPrefix) });
      if (filters.role) where.push({ field: 'role', op: 'eq', value: filters.role });
      if (filters.status) where.push({ field: 'status', op: 'eq', value: filters.status });
      if (filters.createdFrom !== undefined)
        where.push({ field: 'createdAt', op: 'gte', value: filters.createdFrom });
      if (filters.createdTo !== undefined)
        where.push({ field: 'createdAt', op: 'lt', value: filters.createdTo });
      const result = await users().query({
        pk: productId,
        ...(where.length > 0 ? { where: { and: where } } : {}),
        orderBy: [{ field: 'createdAt', direction: 'desc' }],
        limit: page.limit,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      });
      return result;
    },

    count: (productId) => users().count({ pk: productId }),
  };
}
