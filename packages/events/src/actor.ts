/**
 * Who caused an event or an audited action: a user, an admin, the system itself (jobs, webhooks
 * from a payment provider) or an API token; with `impersonatedBy` when an admin acted as a user.
 */
import type { Principal } from '@groundwork/http';
import { z } from 'zod';

export const ACTOR_TYPES = ['user', 'admin', 'system', 'api_token'] as const;

export const actorSchema = z
  .object({
    type: z.enum(ACTOR_TYPES),
    id: z.string().min(1).max(200).describe('User id, admin id, system component or API token id.'),
    impersonatedBy: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('The admin who acted as this user, when impersonating.'),
  })
  .strict();

export type Actor = z.infer<typeof actorSchema>;

/** The system itself as the actor, e.g. `systemActor('jobs')`. */
export function systemActor(component: string): Actor {
  return { type: 'system', id: component };
}

/**
 * The actor for an authenticated principal: API tokens and services keep their kind, users with
 * the `admin` role act as admins, and an impersonation carries the admin who started it.
 */
export function actorFromPrincipal(principal: Principal): Actor {
  const type =
    principal.kind === 'api_token'
      ? 'api_token'
      : principal.kind === 'service'
        ? 'system'
        : principal.roles.includes('admin')
          ? 'admin'
          : 'user';
  return {
    type,
    id: principal.subject,
    ...(principal.impersonatedBy === undefined ? {} : { impersonatedBy: principal.impersonatedBy }),
  };
}
