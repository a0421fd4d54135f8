// Entry point of `node services/status/dist/main.js`.
import { runStatusPage } from './service.js';

const service = await runStatusPage();
if (!service) process.exitCode = 1;
