/**
 * `@groundwork/sessions`: one session per sign-in, revocation checked on every request through a
 * bounded cache, the device list and sign-out everywhere, and the `session.new_device` event.
 */
export {
  revokeAllQuerySchema,
  revokedCountSchema,
  type SessionView,
  sessionIdParamsSchema,
  sessionListSchema,
  sessionView,
  sessionViewSchema,
  userIdParamsSchema,
} from './admin-schemas.js';
export {
  createSessionsModule,
  type SessionsModule,
  type SessionsModuleOptions,
  STALE_CLEANUP_EVERY_MS,
  STALE_CLEANUP_JOB,
  staleCleanupJob,
} from './module.js';
export {
  NEW_DEVICE_EVENT_TYPE,
  type NewDeviceInfo,
  type NewDevicePayload,
  newDeviceEvent,
  newDevicePayloadSchema,
} from './new-device-event.js';
export { type AuthorizeSessionAdmin, REVOKE_REASONS, sessionsRoutes } from './routes.js';
export {
  DEFAULT_SESSION_TTL_DAYS,
  isSessionActive,
  MAX_SESSION_TTL_DAYS,
  type NewSessionInput,
  newSessionId,
  newSessionInputSchema,
  PLATFORMS,
  type Platform,
  SESSION_DEVICES_CONTAINER_NAME,
  SESSIONS_CONTAINER,
  SESSIONS_CONTAINER_NAME,
  type Session,
  STALE_SESSION_GRACE_MS,
  sessionDevicesContainer,
  sessionIdSchema,
  sessionSchema,
  sessionsContainer,
} from './session.js';
export { type SessionChecker, withSessionCheck } from './session-check.js';
export {
  type CreatedSession,
  type CreateSessionServiceOptions,
  createSessionService,
  DEFAULT_TOUCH_INTERVAL_MS,
  MAX_LISTED_SESSIONS,
  type OnNewDevice,
  type RevokeAllOptions,
  type RevokeOptions,
  type SessionService,
  type SessionsLogger,
  type TouchOptions,
} from './session-service.js';
export {
  DEFAULT_SESSION_CACHE_TTL_MS,
  MAX_SESSION_CACHE_TTL_MS,
  type SessionsEnv,
  sessionsEnvSchema,
} from './sessions-env.js';
