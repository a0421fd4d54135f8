#!/usr/bin/env node
// Generates docs/reference/configuration.md from the env schemas the services export.
//   node tooling/scripts/env-docs.mjs --write   (pnpm docs:env)        rewrite the file
//   node tooling/scripts/env-docs.mjs --check   (pnpm check:env-docs)  exit 1 when it is out of date
// Each service exports from its built entry, services/<name>/dist/index.js:
//   export const envSchemas = [{ title: 'platform', schema }];
// so run `pnpm build` first. The Markdown comes from describeEnv() in packages/config/dist.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const target = path.join(root, 'docs/reference/configuration.md');
const relativeTarget = path.relative(root, target);
const mode = process.argv[2];

function fail(message, code = 1) {
  console.error(message);
  process.exit(code);
}

if (mode !== '--write' && mode !== '--check') {
  fail('usage: node tooling/scripts/env-docs.mjs --write|--check', 2);
}

const configEntry = path.join(root, 'packages/config/dist/index.js');
if (!existsSync(configEntry)) fail('packages/config/dist/index.js is missing; run pnpm build first');

async function importBuilt(file) {
  try {
    return await import(pathToFileURL(file).href);
  } catch (error) {
    fail(`cannot load ${path.relative(root, file)}: ${error.message}\nrun pnpm build first`);
  }
}

const { describeEnv } = await importBuilt(configEntry);

async function collectSections() {
  const servicesDir = path.join(root, 'services');
  if (!existsSync(servicesDir)) return [];
  const services = (await readdir(servicesDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const sections = [];
  for (const service of services) {
    const entry = path.join(servicesDir, service, 'dist/index.js');
    if (!existsSync(entry)) {
      // A service with sources but no build would silently drop out of the reference.
      if (existsSync(path.join(servicesDir, service, 'src/index.ts'))) {
        fail(`services/${service}/dist/index.js is missing; run pnpm build first`);
      }
      continue;
    }
    const exported = (await importBuilt(entry)).envSchemas;
    if (exported === undefined) continue;
    if (!Array.isArray(exported)) {
      fail(`services/${service}: envSchemas must be an array of { title, schema }`);
    }
    for (const section of exported) {
      if (typeof section?.title !== 'string' || typeof section?.schema?.shape !== 'object') {
        fail(`services/${service}: each envSchemas entry must be { title: string, schema: z.ZodObject }`);
      }
      sections.push(section);
    }
  }
  return sections;
}

const markdown = describeEnv(await collectSections());

if (mode === '--write') {
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, markdown);
  console.info(`wrote ${relativeTarget}`);
} else {
  const current = existsSync(target) ? await readFile(target, 'utf8') : undefined;
  if (current !== markdown) fail(`${relativeTarget} is out of date; run pnpm docs:env`);
  console.info(`${relativeTarget} is up to date`);
}
