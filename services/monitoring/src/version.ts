import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifest: { version: string } = require('../package.json');

export const MONITORING_VERSION = manifest.version;
