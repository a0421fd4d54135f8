export {
  envSchemas,
  loadPlatformConfig,
  type PlatformConfig,
  type PlatformEnv,
  platformEnvSchema,
} from './env.js';
export { platformModules } from './modules.js';
export { type CreatePlatformOptions, createPlatform } from './platform.js';
export { runPlatform } from './run.js';
