/** HTTP schemas of the auth routes: bodies, params, queries and the views they answer with. */
import { z } from 'zod';
import { profileSchema, USER_ROLES, USER_STATUSES } from './users.js';

const deviceSchema = z
  .object({
    platform: z.enum(['web', 'ios', 'android', 'desktop', 'api']).optional(),
    id: z.string().min(1).max(200).optional().describe('A stable id the client keeps per device.'),
    name: z.string().min(1).max(200).optional().describe('E.g. "Ann’s laptop".'),
  })
  .strict();

const productField = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe('The product to sign in to; default: the service’s own product.');

export const registerBodySchema = z
  .object({
    email: z.string().max(320),
    password: z.string().max(1024),
    productId: productField,
    device: deviceSchema.optional(),
  })
  .extend(profileSchema.shape)
  .strict();

export const loginBodySchema = z
  .object({
    email: z.string().max(320),
    password: z.string().max(1024),
    productId: productField,
    device: deviceSchema.optional(),
  })
  .strict();

export const refreshBodySchema = z.object({ refreshToken: z.string().max(200) }).strict();

export const changePasswordBodySchema = z
  .object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) })
  .strict();

export const changeEmailBodySchema = z
  .object({ newEmail: z.string().max(320), password: z.string().max(1024) })
  .strict();

export const deleteAccountBodySchema = z.object({ password: z.string().max(1024) }).strict();

export const userViewSchema = z.object({
  id: z.string(),
  productId: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  role: z.enum(USER_ROLES),
  status: z.enum(USER_STATUSES),
  name: z.string().optional(),
  locale: z.string().optional(),
  avatarUrl: z.string().optional(),
  createdAt: z.string().describe('ISO 8601.'),
  updatedAt: z.string(),
});

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('Seconds until the access token expires.'),
  refreshToken: z.string().describe('Single use: each refresh returns a new one.'),
  sessionId: z.string(),
});

export const signedInSchema = z.object({ user: userViewSchema, tokens: tokenPairSchema });

export const userIdParamsSchema = z.object({ userId: z.string().regex(/^usr_[0-9a-hjkmnp-tv-z]{26}$/) });

export const listUsersQuerySchema = z
  .object({
    email: z.string().min(1).max(320).optional().describe('Email prefix.'),
    role: z.enum(USER_ROLES).optional(),
    status: z.enum(USER_STATUSES).optional(),
    createdFrom: z.iso.datetime({ offset: true }).optional(),
    createdTo: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(2000).optional(),
  })
  .strict();

export const userPageSchema = z.object({ items: z.array(userViewSchema), nextCursor: z.string().optional() });

export const updateUserBodySchema = z
  .object({ role: z.enum(USER_ROLES).optional(), status: z.enum(USER_STATUSES).optional() })
  .strict()
  .refine((body) => body.role !== undefined || body.status !== undefined, 'Give a role or a status.');

export const revokedSchema = z.object({ revoked: z.number().int() });
