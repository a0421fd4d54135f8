/**
 * Session checking for an `Authenticator`: a principal that names a session (`sessionId`) is let
 * through only while that session is active (401 `session_ended` otherwise), and its activity is
 * recorded in the background (throttled by the service; a failure is logged, never fails the
 * request). Principals without a session (services, API tokens) pass unchanged.
 */
import { UnauthorizedError } from '@groundwork/errors';
import type { Authenticator } from '@groundwork/http';
import type { SessionService } from './session-service.js';

export type SessionChecker = Pick<SessionService, 'isActive' | 'touch'>;

/** `createServiceApp({ authenticator: withSessionCheck(verifyToken, sessions) })`. */
export function withSessionCheck(authenticator: Authenticator, sessions: SessionChecker): Authenticator {
  return async (request) => {
    const principal = await authenticator(request);
    const sessionId = principal?.sessionId;
    if (!principal || sessionId === undefined) return principal;
    if (!(await sessions.isActive(principal.subject, sessionId))) {
      throw new UnauthorizedError('The session has ended; sign in again.', 'session_ended');
    }
    sessions.touch(principal.subject, sessionId, { ip: request.ip }).catch((error: unknown) => {
      request.log.warn({ err: error, sessionId }, 'recording session activity failed');
    });
    return principal;
  };
}
