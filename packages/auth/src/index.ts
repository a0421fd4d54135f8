export type {
  AccessTokenClaims,
  AccessTokenInput,
  AccessTokens,
  AccessTokensOptions,
} from './access-tokens.js';
export {
  ACCESS_TOKEN_TYPE,
  accessTokenClaimsSchema,
  accessTokenInputSchema,
  createAccessTokens,
  DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
} from './access-tokens.js';
export type { AuthEnv } from './auth-env.js';
export { authEnvSchema } from './auth-env.js';
export type { AuditRecord, AuditSink, EventEmitterPort, SessionInfo, SessionsPort } from './auth-ports.js';
export type { AuthService, AuthServiceOptions, RequestMeta, TokenPair } from './auth-service.js';
export { actorOfPrincipal, createAuthService } from './auth-service.js';
export type { SessionCheck } from './authenticator.js';
export { createAuthenticator } from './authenticator.js';
export type { BootstrapOptions, BootstrapResult } from './bootstrap.js';
export { AUTH_STATE_CONTAINER, bootstrapFirstAdmin } from './bootstrap.js';
export type { AuthModule, AuthModuleOptions } from './module.js';
export { createAuthModule } from './module.js';
export type { PasswordCheck } from './passwords.js';
export { hashPassword, passwordSchema, verifyAgainstDummy, verifyPassword } from './passwords.js';
export type { RefreshTokens, RotateResult } from './refresh-tokens.js';
export { createRefreshTokens, REFRESH_TOKENS_CONTAINER } from './refresh-tokens.js';
export { authRoutes, userView } from './routes.js';
export type {
  ConfiguredSigningKey,
  JsonWebKeySet,
  SigningKeyRing,
  SigningKeyRingOptions,
} from './signing-keys.js';
export { createSigningKeyRing, SIGNING_KEYS_CONTAINER } from './signing-keys.js';
export type { BackoffPolicy, Throttle } from './throttle.js';
export { AUTH_THROTTLE_CONTAINER, createThrottle } from './throttle.js';
export type { Profile, User, UserFilters, UserRepository, UserRole, UserStatus } from './users.js';
export {
  createUserRepository,
  emailSchema,
  normalizeEmail,
  profileSchema,
  rolesOf,
  USER_EMAILS_CONTAINER,
  USER_ROLES,
  USER_STATUSES,
  USERS_CONTAINER,
} from './users.js';
