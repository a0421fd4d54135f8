import { NotFoundError } from '@groundwork/errors';
import type { Clock, DocumentStore } from '@groundwork/store';
import { newId } from '../ids.js';
import { type CreateNoteInput, NOTE_ID_PREFIX, type Note } from './schemas.js';

export const NOTES_CONTAINER = 'notes';

type NoteFields = Omit<Note, 'id'>;

export interface NotesService {
  create(productId: string, authorId: string, input: CreateNoteInput): Promise<Note>;
  get(productId: string, id: string): Promise<Note>;
  list(
    productId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: Note[]; nextCursor?: string }>;
  remove(productId: string, id: string): Promise<void>;
}

/** Notes are partitioned by product (`pk` = productId), so no read ever crosses products. */
export function createNotesService({ store, clock }: { store: DocumentStore; clock: Clock }): NotesService {
  const notes = () => store.container<NoteFields>(NOTES_CONTAINER);
  const toNote = ({ id, productId, title, body, authorId, createdAt }: Note): Note => ({
    id,
    productId,
    title,
    body,
    authorId,
    createdAt,
  });

  return {
    async create(productId, authorId, input) {
      const now = clock.now();
      const note: Note = {
        id: newId(NOTE_ID_PREFIX, now),
        productId,
        title: input.title,
        body: input.body,
        authorId,
        createdAt: new Date(now).toISOString(),
      };
      await notes().create({ ...note, pk: productId });
      return note;
    },

    async get(productId, id) {
      const stored = await notes().read(id, productId);
      if (!stored) throw new NotFoundError('Note not found.', 'note_not_found');
      return toNote(stored);
    },

    async list(productId, { limit, cursor }) {
      const page = await notes().query({
        pk: productId,
        orderBy: [{ field: 'id', direction: 'desc' }],
        limit,
        cursor,
      });
      return { items: page.items.map(toNote), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },

    async remove(productId, id) {
      try {
        await notes().delete(id, productId);
      } catch (error) {
        if (error instanceof NotFoundError) throw new NotFoundError('Note not found.', 'note_not_found');
        throw error;
      }
    },
  };
}
