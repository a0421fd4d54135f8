// Entry point of `node services/platform/dist/main.js` (and of `npm start`).
import { runPlatform } from './run.js';

const service = await runPlatform();
if (!service) process.exitCode = 1;
