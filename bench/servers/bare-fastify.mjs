// Baseline: the smallest Fastify 5 server, answering a JSON hello-world.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ ready: true, url, paths: { hello: '/' } });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
