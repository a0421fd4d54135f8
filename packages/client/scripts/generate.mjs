#!/usr/bin/env node
// Generates `src/generated/schema.d.ts` (checked in) from the platform's OpenAPI document, with
// openapi-typescript, formatted by the repository's Biome so `biome check` leaves it as it is.
//
//   node scripts/generate.mjs                 boot the built platform in-process (memory store), write
//   node scripts/generate.mjs --check         exit 1 when the checked-in file differs from a fresh generation
//   node scripts/generate.mjs --url URL       read URL (e.g. http://127.0.0.1:4003/documentation/json)
//   node scripts/generate.mjs --input FILE    read an OpenAPI JSON file
//
// The platform is booted from its build (`services/platform/dist`, run `pnpm build` first) in a
// child process, by path: a package never imports a service.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const repoRoot = path.resolve(packageDir, '../..');
const target = path.join(packageDir, 'src/generated/schema.d.ts');
const platformEntry = path.join(repoRoot, 'services/platform/dist/index.js');

function argument(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

/** The OpenAPI document of a platform booted in a child process on a memory store. */
function documentFromBuiltPlatform() {
  if (!existsSync(platformEntry)) {
    throw new Error(`${path.relative(repoRoot, platformEntry)} is missing: run \`pnpm build\` first.`);
  }
  const program = `
    const { createPlatform, loadPlatformConfig } = await import(${JSON.stringify(pathToFileURL(platformEntry).href)});
    const config = loadPlatformConfig({ LOG_LEVEL: 'silent', STORE_KIND: 'memory', JOB_RUNNER_ENABLED: 'false' });
    const service = await createPlatform({ config });
    const response = await service.app.inject({ method: 'GET', url: '/documentation/json' });
    await service.stop();
    if (response.statusCode !== 200) throw new Error('GET /documentation/json answered ' + response.statusCode);
    process.stdout.write(response.body);
  `;
  return execFileSync(process.execPath, ['--input-type=module', '-e', program], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function openapiDocument() {
  const input = argument('--input');
  if (input) return readFileSync(path.resolve(input), 'utf8');
  const url = argument('--url');
  if (url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    return response.text();
  }
  return documentFromBuiltPlatform();
}

const HEADER = `/**
 * Types of the Groundwork platform API, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run \`pnpm --filter @groundwork/client generate\` (CI runs \`check:schema\`).
 */
`;

/** Formats with the repository's Biome (the same result `biome check --write` would give). */
function format(source) {
  const biome = path.join(repoRoot, 'node_modules/.bin/biome');
  if (!existsSync(biome)) return source;
  return execFileSync(biome, ['format', `--stdin-file-path=${path.relative(repoRoot, target)}`], {
    cwd: repoRoot,
    input: source,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

export async function generateSchema() {
  const document = JSON.parse(await openapiDocument());
  const ast = await openapiTS(document, { alphabetize: true });
  return format(`${HEADER}\n${astToString(ast)}`);
}

const fresh = await generateSchema();
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== fresh) {
    console.error(
      `${path.relative(repoRoot, target)} is out of date with the platform's OpenAPI document.\n` +
        'Run `pnpm build && pnpm --filter @groundwork/client generate` and commit the result.',
    );
    process.exit(1);
  }
  console.info(`${path.relative(repoRoot, target)} matches the platform's OpenAPI document.`);
} else {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, fresh);
  console.info(`wrote ${path.relative(repoRoot, target)}`);
}
