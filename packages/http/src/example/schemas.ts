import { z } from 'zod';
import { idPattern } from '../ids.js';

export const NOTE_ID_PREFIX = 'note';

export const noteSchema = z
  .object({
    id: z.string().regex(idPattern(NOTE_ID_PREFIX)).describe('`note_` + 26 time-sortable characters.'),
    productId: z.string(),
    title: z.string(),
    body: z.string(),
    authorId: z.string(),
    createdAt: z.iso.datetime(),
  })
  .describe('A note.');
export type Note = z.infer<typeof noteSchema>;

export const createNoteBodySchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(10_000).default(''),
});
export type CreateNoteInput = z.infer<typeof createNoteBodySchema>;

export const noteParamsSchema = z.object({
  id: z.string().regex(idPattern(NOTE_ID_PREFIX), 'Must be a note id (note_...).'),
});

/** Public reads name their product with `?pk=` or the `x-product-id` header (default `default`). */
export const productQuerySchema = z.object({
  pk: z.string().min(1).max(100).optional().describe('Product id; overrides the `x-product-id` header.'),
});

// Not a looseObject: validating only the documented header skips copying every request header
// (Fastify merges the result over the raw headers, so `request.headers` still has them all).
export const productHeadersSchema = z.object({
  'x-product-id': z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Product id for public reads (default `default`).'),
});

export const listNotesQuerySchema = productQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).optional().describe('`nextCursor` from the previous page.'),
});

export const notePageSchema = z
  .object({
    items: z.array(noteSchema),
    nextCursor: z
      .string()
      .optional()
      .describe('Pass as `cursor` for the next page; absent on the last page.'),
  })
  .describe('A page of notes, newest first.');
