export { envSchemas, loadStatusPageConfig, type StatusPageEnv, statusPageEnvSchema } from './env.js';
export { createStatusPageModule } from './module.js';
export { PAGE_CSP, type PageRoutesOptions, pageRoutes } from './page.js';
export { type PageInput, renderStatusPage, renderUnavailablePage } from './render.js';
export {
  type CreateStatusPageOptions,
  createStatusPage,
  type RunStatusPageOptions,
  runStatusPage,
  type StatusPageService,
} from './service.js';
export {
  createStatusSource,
  type Feeds,
  type KnownState,
  type SourceSnapshot,
  type StatusSource,
  type StatusSourceOptions,
} from './source.js';
