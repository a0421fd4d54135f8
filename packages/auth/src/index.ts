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
export type { ApiTokenEnvironment, NewApiToken, ParsedApiToken } from './api-token-format.js';
export { API_TOKEN_PATTERN, API_TOKEN_SCAN_PATTERN, newApiToken, parseApiToken } from './api-token-format.js';
export { apiTokenRoutes } from './api-token-routes.js';
export { apiTokenView } from './api-token-schemas.js';
export type {
  ApiToken,
  ApiTokenDocument,
  ApiTokenInput,
  ApiTokenService,
  ApiTokenServiceOptions,
  ApiTokenStatus,
} from './api-tokens.js';
export {
  API_TOKENS_CONTAINER,
  apiTokenInputSchema,
  apiTokenScopeSchema,
  apiTokenStatus,
  createApiTokenService,
  LAST_USED_INTERVAL_MS,
} from './api-tokens.js';
export type { AuthEnv } from './auth-env.js';
export { authEnvSchema } from './auth-env.js';
export type { AuditRecord, AuditSink, EventEmitterPort, SessionInfo, SessionsPort } from './auth-ports.js';
export type { AuthService, AuthServiceOptions } from './auth-service.js';
export { createAuthService } from './auth-service.js';
export type { ApiTokenCheck, SessionCheck } from './authenticator.js';
export { createAuthenticator } from './authenticator.js';
export type { BootstrapOptions, BootstrapResult } from './bootstrap.js';
export { AUTH_STATE_CONTAINER, bootstrapFirstAdmin } from './bootstrap.js';
export type { EmailVerification, EmailVerificationOptions } from './email-verification.js';
export {
  createEmailVerification,
  EMAIL_VERIFICATIONS_CONTAINER,
  RESEND_VERIFICATION_PER_EMAIL,
  RESEND_VERIFICATION_PER_IP,
  VERIFICATION_TOKEN_TTL_MS,
} from './email-verification.js';
export type { Impersonation, ImpersonationGrant } from './impersonation.js';
export { createImpersonation, IMPERSONATION_TTL_SECONDS } from './impersonation.js';
export { impersonationRoutes, installImpersonationHooks } from './impersonation-routes.js';
export type { LinkBuilder, LinkKind, LinkLog, LinkMessage, LinkSender } from './link-sender.js';
export {
  createLinkBuilder,
  deliverLink,
  devLinkSender,
  LINK_KINDS,
  LINK_PATHS,
  undeliveredLinkSender,
} from './link-sender.js';
export type { AuthModule, AuthModuleOptions } from './module.js';
export { createAuthModule } from './module.js';
export type { PasswordReset, PasswordResetOptions, ResetSessionsPort } from './password-reset.js';
export {
  createPasswordReset,
  FORGOT_PASSWORD_PER_IP,
  PASSWORD_RESET_TOKENS_CONTAINER,
  RESET_REQUESTS_PER_EMAIL,
  RESET_TOKEN_TTL_MS,
} from './password-reset.js';
export type { PasswordCheck } from './passwords.js';
export { hashPassword, passwordSchema, verifyAgainstDummy, verifyPassword } from './passwords.js';
export type { RecoveryRoutesOptions } from './recovery-routes.js';
export { recoveryRoutes } from './recovery-routes.js';
export {
  ACCEPTED_REPLY,
  acceptedSchema,
  forgotPasswordBodySchema,
  resendVerificationBodySchema,
  resetPasswordBodySchema,
  verifyEmailBodySchema,
} from './recovery-schemas.js';
export type { RefreshTokens, RotateResult } from './refresh-tokens.js';
export { createRefreshTokens, REFRESH_TOKENS_CONTAINER } from './refresh-tokens.js';
export type { RequestLike, RequestMeta, TokenPair } from './request-meta.js';
export { actorOfPrincipal, metaOf, principalOf } from './request-meta.js';
export { authRoutes, userView } from './routes.js';
export { hashToken, newSecretToken, tokensEqual } from './secret-tokens.js';
export type {
  ConfiguredSigningKey,
  JsonWebKeySet,
  SigningKeyRing,
  SigningKeyRingOptions,
} from './signing-keys.js';
export { createSigningKeyRing, SIGNING_KEYS_CONTAINER } from './signing-keys.js';
export type { SignInFunction, SsoOutcome, SsoService, SsoServiceOptions, SsoSignIn } from './sso.js';
export { createSsoService, SSO_LINKS_CONTAINER, SSO_STATE_TTL_SECONDS, SSO_STATES_CONTAINER } from './sso.js';
export { fragmentRedirect, ssoRoutes } from './sso-routes.js';
export type { SsoProviderConfig, SsoProviderInput } from './sso-schemas.js';
export {
  SSO_DEFAULT_SCOPES,
  ssoProviderListSchema,
  ssoProviderSchema,
  ssoProvidersSchema,
} from './sso-schemas.js';
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
