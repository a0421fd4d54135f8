import { createServiceApp, defineModule, publicRoute, serviceConfigFromEnv } from '@groundwork/http';
import { createSqliteStore } from '@groundwork/store/sqlite';
import { z } from '../packages/http/node_modules/zod/index.js';

const store = createSqliteStore({ path: '/tmp/exp.db' });
await store.ensureContainers([{ name: 'n', partitionKey: '/p' }]);
const doc = {
  id: 'note_1',
  pk: 'default',
  productId: 'default',
  title: 'Welcome',
  body: 'This note was written by the first migration.',
  authorId: 'system',
  createdAt: new Date(0).toISOString(),
};
await store.container('n').upsert(doc);
const noteSchema = z.object({
  id: z.string(),
  productId: z.string(),
  title: z.string(),
  body: z.string(),
  authorId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const mod = defineModule({
  name: 'exp',
  routes: async (app) => {
    app.get('/const', { ...publicRoute }, async () => doc);
    app.get('/const-schema', { ...publicRoute, schema: { response: { 200: noteSchema } } }, async () => ({
      ...doc,
      updatedAt: 'x',
    }));
    app.get(
      '/params/:id',
      { ...publicRoute, schema: { params: z.object({ id: z.string() }) } },
      async () => doc,
    );
    app.get('/read/:id', { ...publicRoute }, async (req) =>
      store.container('n').read(req.params.id, 'default'),
    );
  },
});
const s = await createServiceApp({
  name: 'exp',
  version: '0',
  config: serviceConfigFromEnv({ PORT: '0', LOG_LEVEL: 'silent' }),
  store,
  modules: [mod],
});
const { url } = await s.start();
process.send({
  ready: true,
  url,
  paths: {
    health: '/health',
    const: '/v1/const',
    constSchema: '/v1/const-schema',
    params: '/v1/params/note_1',
    read: '/v1/read/note_1',
  },
});
