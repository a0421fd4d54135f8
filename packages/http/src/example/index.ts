export { exampleNotesModule, WELCOME_NOTE_ID } from './module.js';
export type { Note } from './schemas.js';
export { createNotesService, type NotesService } from './service.js';
