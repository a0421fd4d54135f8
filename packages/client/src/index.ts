export { ApiError, type FieldError, isApiError, type ProblemDocument } from './api-error.js';
export {
  createGroundworkClient,
  type GroundworkApi,
  type GroundworkClient,
  type GroundworkClientOptions,
  type paths,
  type RequestBody,
  type ResponseBody,
  unwrap,
} from './client.js';
export {
  COOKIE_SESSION_PATH,
  type CookieSession,
  type CookieSessionOptions,
  CSRF_HEADER,
  createCookieSession,
  type SessionUser,
  type SignInInput,
} from './cookie-session.js';
export {
  type AccessGrant,
  createTokenSession,
  grantOf,
  type SessionStrategy,
  type TokenPair,
  type TokenSession,
  type TokenSessionOptions,
} from './session.js';
