import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guard, publicRoute } from '../auth.js';
import {
  createNoteBodySchema,
  listNotesQuerySchema,
  notePageSchema,
  noteParamsSchema,
  noteSchema,
  productHeadersSchema,
  productQuerySchema,
} from './schemas.js';
import type { NotesService } from './service.js';

/** Product of a public read: `?pk=`, else the `x-product-id` header, else `default`. */
function publicProductId(request: FastifyRequest, pk: string | undefined): string {
  const header = request.headers['x-product-id'];
  return pk ?? (typeof header === 'string' && header.length > 0 ? header : 'default');
}

/** HTTP only: parse, authorize (route config), call the service, shape the reply. */
export function notesRoutes(service: NotesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/notes',
      {
        ...guard({ roles: ['member', 'admin'] }),
        schema: {
          summary: 'Create a note',
          description: 'In the caller’s product. Requires role `member` or `admin`.',
          body: createNoteBodySchema,
          response: { 201: noteSchema },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const note = await service.create(principal.productId, principal.subject, request.body);
        return reply.status(201).header('location', `/v1/notes/${note.id}`).send(note);
      },
    );

    app.get(
      '/notes/:id',
      {
        ...publicRoute,
        schema: {
          summary: 'Read a note',
          params: noteParamsSchema,
          querystring: productQuerySchema,
          headers: productHeadersSchema,
          response: { 200: noteSchema },
        },
      },
      async (request) => service.get(publicProductId(request, request.query.pk), request.params.id),
    );

    app.get(
      '/notes',
      {
        ...publicRoute,
        schema: {
          summary: 'List notes, newest first',
          querystring: listNotesQuerySchema,
          headers: productHeadersSchema,
          response: { 200: notePageSchema },
        },
      },
      async (request) => {
        const { pk, limit, cursor } = request.query;
        return service.list(publicProductId(request, pk), { limit, cursor });
      },
    );

    app.delete(
      '/notes/:id',
      {
        ...guard({ roles: ['admin'] }),
        schema: {
          summary: 'Delete a note',
          description: 'In the caller’s product. Requires role `admin`.',
          params: noteParamsSchema,
          response: { 204: z.null().describe('Deleted.') },
        },
      },
      async (request, reply) => {
        await service.remove(request.principal!.productId, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
