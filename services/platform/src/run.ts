import { type ServiceApp, startService } from '@groundwork/http';
import { loadPlatformConfig, resolvePlatformSecrets } from './env.js';
import { platformServiceOptions } from './platform.js';

export interface RunPlatformOptions {
  env?: Record<string, string | undefined>;
  /** Where a refusal to start is explained. Default: standard error. */
  stderr?: { write(text: string): unknown };
  /** Passed to `startService`: how the process exits after a signal. */
  exit?: (code: number) => void;
}

/**
 * Validates the configuration, opens the store and starts listening. On bad configuration it
 * explains every problem on stderr and returns `undefined` without starting anything.
 */
export async function runPlatform(
  options: RunPlatformOptions = {},
): Promise<(ServiceApp & { url: string }) | undefined> {
  const stderr = options.stderr ?? process.stderr;
  let config: ReturnType<typeof loadPlatformConfig>;
  try {
    const env = options.env ?? process.env;
    config = await resolvePlatformSecrets(loadPlatformConfig(env), env);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    stderr.write(`platform: refusing to start.\n${error.message}\n`);
    return undefined;
  }
  return startService({
    ...(await platformServiceOptions({ config })),
    ...(options.exit ? { exit: options.exit } : {}),
  });
}
