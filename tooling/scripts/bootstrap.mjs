#!/usr/bin/env node
// The README's two Quick start commands land here, on a machine that may have only Node and npm:
//   npm start           -> install everything, build, start the platform on embedded SQLite
//   npm test            -> install everything, build, then lint, type-check and run every test
// pnpm is taken from PATH when it is the pinned version, otherwise run through npx.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager; // pnpm@x.y.z
const pinnedVersion = pinned.split('@')[1];
const mode = process.argv[2];

function pnpmCommand() {
  try {
    const v = execFileSync('pnpm', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (v === pinnedVersion) return ['pnpm', []];
  } catch {
    // not on PATH: fall through to npx
  }
  return ['npx', ['--yes', pinned]];
}

// better-sqlite3 compiles from source here; point node-gyp at the headers that ship with Node
// instead of letting it try to download them (see TOOLCHAIN.md).
const env = { ...process.env };
const nodePrefix = path.dirname(path.dirname(process.execPath));
if (!env.npm_config_nodedir && existsSync(path.join(nodePrefix, 'include', 'node', 'node.h'))) {
  env.npm_config_nodedir = nodePrefix;
}

const [pnpmBin, pnpmPrefix] = pnpmCommand();
/**
 * The browser tests (status page, admin console) drive Debian's chromium (TOOLCHAIN.md: Playwright
 * cannot download browsers here). Installs it with apt when it is missing and apt is available;
 * otherwise the browser tests fail with a message that says what to install.
 */
function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
  if (candidates.some((file) => existsSync(file)) || !existsSync('/usr/bin/apt-get')) return;
  const asRoot = process.getuid?.() === 0;
  const run = (args) =>
    execFileSync(asRoot ? args[0] : 'sudo', asRoot ? args.slice(1) : args, {
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: 'inherit',
    });
  console.info('Installing Debian chromium for the browser tests…');
  try {
    run(['apt-get', 'update', '-q']);
    run(['apt-get', 'install', '-y', '-q', '--no-install-recommends', 'chromium']);
  } catch {
    console.error('Could not install chromium with apt; the browser tests will say what is missing.');
  }
}

function pnpm(args) {
  execFileSync(pnpmBin, [...pnpmPrefix, ...args], { cwd: root, env, stdio: 'inherit' });
}

try {
  pnpm(['install', '--frozen-lockfile']);
  if (mode === 'start') {
    // The platform and the admin console it serves at /admin.
    pnpm([
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=@groundwork/platform...',
      '--filter=@groundwork/admin',
      '--output-logs=errors-only',
    ]);
    const child = spawn(process.execPath, [path.join(root, 'services/platform/dist/main.js')], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  } else if (mode === 'test') {
    ensureChromium();
    pnpm(['run', 'build']);
    pnpm(['run', 'lint']);
    pnpm(['run', 'typecheck']);
    pnpm(['run', 'test:unit']);
  } else {
    console.error('usage: bootstrap.mjs start|test');
    process.exit(2);
  }
} catch (err) {
  process.exit(typeof err.status === 'number' ? err.status : 1);
}
