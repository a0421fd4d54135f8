import { defineModule } from '../module.js';
import { notesRoutes } from './routes.js';
import { createNotesService, NOTES_CONTAINER } from './service.js';

/** The id of the note the first migration seeds in product `default` (a known id for benchmarks). */
export const WELCOME_NOTE_ID = 'note_00000000000000000000000000';

/**
 * A tiny example module: notes per product. Shows the layering every capability follows
 * (schemas → service → routes → module) and is what the tests and the HTTP benchmark run.
 */
export const exampleNotesModule = defineModule({
  name: 'notes',
  containers: [
    {
      name: NOTES_CONTAINER,
      partitionKey: '/productId',
      description: 'Example notes, one partition per product.',
    },
  ],
  migrations: [
    {
      version: 2026112601,
      id: 'notes-welcome-note',
      description: 'Seed a welcome note in product "default".',
      up: async ({ store }) => {
        await store.container(NOTES_CONTAINER).upsert({
          id: WELCOME_NOTE_ID,
          pk: 'default',
          productId: 'default',
          title: 'Welcome',
          body: 'This note was written by the first migration.',
          authorId: 'system',
          createdAt: new Date(0).toISOString(),
        });
      },
    },
  ],
  routes: async (app, { ctx }) => {
    await app.register(notesRoutes(createNotesService(ctx)));
  },
});
