import type { PlatformModule } from '@groundwork/http';

/**
 * The platform, at a glance: every capability it serves is one module in this list. Each issue
 * that adds a capability adds its module here; the kernel (health, readiness, metrics, OpenAPI,
 * migrations) comes with `createServiceApp`.
 */
export const platformModules: readonly PlatformModule[] = [];
