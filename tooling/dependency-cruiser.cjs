/**
 * Layering rules (ARCHITECTURE §2): imports go downward only.
 *   kernel (errors, config, logger, store, http, outbound, testing) -> no capability, service or app
 *   capabilities (every other package)                   -> no service or app
 *   services                                              -> no app
 * `pnpm check:layers` fails CI when a rule is broken.
 */
const KERNEL = '^packages/(errors|config|logger|store|http|outbound|testing)/';
const KERNEL_NAMES = '(errors|config|logger|store|http|outbound|testing)';

module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-no-capability',
      comment: 'Kernel packages know nothing about capabilities.',
      severity: 'error',
      from: { path: KERNEL },
      to: { path: `^packages/(?!${KERNEL_NAMES}/)[^/]+/` },
    },
    {
      name: 'packages-import-no-service-or-app',
      comment: 'Packages (kernel and capabilities) never import a service or an app.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(services|apps)/' },
    },
    {
      name: 'services-import-no-app',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      comment: 'Cycles are a design error: break them with an event.',
      severity: 'error',
      from: { path: '^(packages|services)/' },
      to: { circular: true },
    },
    {
      name: 'no-deep-imports-across-packages',
      comment: 'Use a package through its public exports, never a relative path into another package.',
      severity: 'error',
      from: { path: '^packages/([^/]+)/' },
      to: { path: '^packages/([^/]+)/', pathNot: '^packages/$1/', dependencyTypes: ['local'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.turbo)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@groundwork/source', 'import', 'types', 'default'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
  },
};
