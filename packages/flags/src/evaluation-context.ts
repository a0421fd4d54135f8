/**
 * The evaluation context of an HTTP evaluation. The user comes from the token: for a user token
 * `userId` is always the caller's id and `roles` the caller's roles, whatever the body says (so
 * nobody can read another user's rollout by naming them, nor claim `admin` targeting). Services
 * and API tokens evaluate on behalf of users and may name `userId` and `roles`. Every other field
 * (`platform`, `appVersion`, `plan`, `deviceId`, attributes) is what the client says: targeting is
 * not access control.
 */
import type { Principal } from '@groundwork/http';
import type { FlagContext } from './conditions.js';
import type { EvaluationContextBody } from './schemas.js';

export function evaluationContextOf(principal: Principal, body: EvaluationContextBody): FlagContext {
  const trusted = principal.kind === 'user';
  const context: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(body.attributes ?? {})) context[name] = value;
  for (const name of ['platform', 'appVersion', 'plan', 'deviceId'] as const) {
    const value = body[name];
    if (value !== undefined) context[name] = value;
  }
  delete context.targetingKey;
  if (trusted) {
    context.userId = principal.subject;
    context.roles = principal.roles;
  } else {
    delete context.userId;
    delete context.roles;
    if (body.userId !== undefined) context.userId = body.userId;
    if (body.roles !== undefined) context.roles = body.roles;
  }
  return context;
}
