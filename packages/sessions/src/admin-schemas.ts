/**
 * Zod schemas of the sessions API (`routes.ts`): params, queries and responses, the single source
 * of its types and of its OpenAPI document; plus the function shaping a session into what the API
 * returns (times as ISO strings; no store fields such as `pk`, `etag` or `ttl`).
 */
import { z } from 'zod';
import { PLATFORMS, type Session, sessionIdSchema, userIdSchema } from './session.js';

const isoTime = z.iso.datetime();

export const sessionIdParamsSchema = z.object({ id: sessionIdSchema });

export const userIdParamsSchema = z.object({
  userId: userIdSchema.describe('The user whose sessions to list or end.'),
});

export const revokeAllQuerySchema = z.object({
  scope: z
    .enum(['all', 'others'])
    .describe('`all`: sign out everywhere, this session too; `others`: every session but this one.'),
});

export const sessionViewSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    productId: z.string(),
    platform: z.enum(PLATFORMS).nullable(),
    deviceId: z.string().nullable().describe('The id the client keeps per device, if it sent one.'),
    deviceName: z.string().nullable(),
    ip: z.string().nullable().describe('Address of the latest recorded activity.'),
    userAgent: z.string().nullable(),
    impersonatedBy: z.string().nullable().describe('The admin who signed in as the user, if so.'),
    createdAt: isoTime.describe('When the user signed in.'),
    lastActiveAt: isoTime.describe('Latest recorded activity (recorded at most every few minutes).'),
    expiresAt: isoTime.describe('When the session ends unless it is used again.'),
    current: z.boolean().describe('This is the session of the request’s own token.'),
  })
  .describe('An active sign-in session.');
export type SessionView = z.infer<typeof sessionViewSchema>;

export const sessionListSchema = z
  .object({ items: z.array(sessionViewSchema) })
  .describe('Active sessions, newest first.');

export const revokedCountSchema = z
  .object({ revoked: z.number().int().describe('Sessions this request ended.') })
  .describe('How many sessions were ended.');

export function sessionView(session: Session, currentSessionId: string | undefined): SessionView {
  return {
    id: session.id,
    userId: session.userId,
    productId: session.productId,
    platform: session.platform,
    deviceId: session.deviceId,
    deviceName: session.deviceName,
    ip: session.ip,
    userAgent: session.userAgent,
    impersonatedBy: session.impersonatedBy,
    createdAt: new Date(session.createdAt).toISOString(),
    lastActiveAt: new Date(session.lastActiveAt).toISOString(),
    expiresAt: new Date(session.expiresAt).toISOString(),
    current: session.id === currentSessionId,
  };
}
