// Entry point of `node services/monitoring/dist/main.js`.
import { runMonitoring } from './service.js';

const service = await runMonitoring();
if (!service) process.exitCode = 1;
