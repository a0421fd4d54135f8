/**
 * A real platform process for the e2e suites: `node test/platform-from-source.mjs` (the platform's
 * `main.ts` from source, in its own process) or, with `E2E_PLATFORM=dist`, `node
 * services/platform/dist/main.js`. Configured through its environment only (as an operator would),
 * on `PORT=0`: the URL is read from its `listening on …` log line. Stopped with SIGTERM (then
 * SIGKILL after 10 s) in the suite's afterAll.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const START_TIMEOUT_MS = 90_000;

export interface PlatformProcess {
  url: string;
  /** Every log line the process wrote so far (stdout and stderr). */
  output: string[];
  stop(): Promise<void>;
}

function entry(): string[] {
  if (process.env.E2E_PLATFORM === 'dist') {
    const main = path.join(repoRoot, 'services/platform/dist/main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`pnpm build\` first.`);
    return [main];
  }
  return [path.join(here, 'platform-from-source.mjs')];
}

export async function startPlatformProcess(env: Record<string, string>): Promise<PlatformProcess> {
  const child: ChildProcess = spawn(process.execPath, entry(), {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
      // The URL comes from the `listening on` line, logged at info.
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(
          `The platform did not start within ${START_TIMEOUT_MS} ms:\n${output.slice(-20).join('\n')}`,
        ),
      );
    }, START_TIMEOUT_MS);
    const onLine = (line: string) => {
      output.push(line);
      const match = /listening on (http:\/\/[^\s"]+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      });
    }
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(`The platform exited (code ${code}) before listening:\n${output.slice(-20).join('\n')}`),
      );
    });
  });

  return {
    url,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
