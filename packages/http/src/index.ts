export {
  type Authenticator,
  guard,
  isAllowed,
  type Principal,
  principalSchema,
  publicRoute,
  type RouteAuth,
} from './auth.js';
export { createServiceApp, type ServiceApp, type ServiceAppOptions } from './create-service-app.js';
export { exampleNotesModule, WELCOME_NOTE_ID } from './example/index.js';
export type { ServiceFastifyInstance } from './fastify-types.js';
export { healthCheckSchema, livenessSchema, type ReadinessState, readinessSchema } from './health.js';
export { idPattern, idTimestamp, newId } from './ids.js';
export { UNMATCHED_ROUTE } from './metrics.js';
export {
  defineModule,
  type ExtensionContext,
  type HealthCheck,
  type ModuleContext,
  type ModuleExtension,
  type ModuleRouteOptions,
  type ModuleRoutes,
  type PlatformModule,
} from './module.js';
export { problemDocumentSchema, sendProblem, toAppError } from './problem-handler.js';
export { REQUEST_ID_HEADER } from './request-id.js';
export { type ServiceConfig, serviceConfigFromEnv, serviceEnvSchema } from './service-config.js';
export type { ShutdownResult } from './shutdown.js';
export { type StartServiceOptions, startService } from './start-service.js';
