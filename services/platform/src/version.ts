import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifest: { version: string } = require('../package.json');

export const PLATFORM_VERSION = manifest.version;
