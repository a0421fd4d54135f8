import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../../test/support.js';
import type { ServiceApp } from '../create-service-app.js';
import { WELCOME_NOTE_ID } from './module.js';
import type { Note } from './schemas.js';

describe('example notes module', () => {
  let service: ServiceApp;
  beforeEach(async () => {
    service = await createTestApp();
  });
  afterEach(async () => {
    await service.stop();
  });

  const member = bearer('ann', 'acme', ['member']);
  const admin = bearer('root', 'acme', ['admin']);

  async function createNote(title: string): Promise<Note> {
    const response = await service.app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: member,
      payload: { title },
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  it('creates a note in the caller’s product and reads it back publicly', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: member,
      payload: { title: '  Groceries ', body: 'milk' },
    });
    expect(response.statusCode).toBe(201);
    const note = response.json<Note>();
    expect(note).toMatchObject({ productId: 'acme', title: 'Groceries', body: 'milk', authorId: 'ann' });
    expect(note.id).toMatch(/^note_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(response.headers.location).toBe(`/v1/notes/${note.id}`);

    const byQuery = await service.app.inject({ method: 'GET', url: `/v1/notes/${note.id}?pk=acme` });
    expect(byQuery.statusCode).toBe(200);
    expect(byQuery.json()).toEqual(note);

    const byHeader = await service.app.inject({
      method: 'GET',
      url: `/v1/notes/${note.id}`,
      headers: { 'x-product-id': 'acme' },
    });
    expect(byHeader.json()).toEqual(note);
  });

  it('never reads across products', async () => {
    const note = await createNote('secret');
    const response = await service.app.inject({ method: 'GET', url: `/v1/notes/${note.id}?pk=other` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'note_not_found' });
    const defaultProduct = await service.app.inject({ method: 'GET', url: `/v1/notes/${note.id}` });
    expect(defaultProduct.statusCode).toBe(404);
  });

  it('serves the note seeded by the migration from product "default"', async () => {
    const response = await service.app.inject({ method: 'GET', url: `/v1/notes/${WELCOME_NOTE_ID}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: WELCOME_NOTE_ID, title: 'Welcome', productId: 'default' });
  });

  it('lists newest first, page by page with limit and cursor', async () => {
    const created: Note[] = [];
    for (const title of ['a', 'b', 'c', 'd', 'e']) created.push(await createNote(title));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const query = new URLSearchParams({ pk: 'acme', limit: '2', ...(cursor ? { cursor } : {}) });
      const response = await service.app.inject({ method: 'GET', url: `/v1/notes?${query}` });
      expect(response.statusCode).toBe(200);
      const body = response.json<{ items: Note[]; nextCursor?: string }>();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((note) => note.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([...created].sort((a, b) => (a.id < b.id ? 1 : -1)).map((note) => note.id));
  });

  it('deletes with role admin only', async () => {
    const note = await createNote('temporary');
    const asMember = await service.app.inject({
      method: 'DELETE',
      url: `/v1/notes/${note.id}`,
      headers: member,
    });
    expect(asMember.statusCode).toBe(403);

    const asAdmin = await service.app.inject({
      method: 'DELETE',
      url: `/v1/notes/${note.id}`,
      headers: admin,
    });
    expect(asAdmin.statusCode).toBe(204);
    expect(asAdmin.body).toBe('');

    const after = await service.app.inject({ method: 'GET', url: `/v1/notes/${note.id}?pk=acme` });
    expect(after.statusCode).toBe(404);
    const again = await service.app.inject({ method: 'DELETE', url: `/v1/notes/${note.id}`, headers: admin });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'note_not_found' });
  });

  it('an admin of another product cannot delete the note', async () => {
    const note = await createNote('mine');
    const response = await service.app.inject({
      method: 'DELETE',
      url: `/v1/notes/${note.id}`,
      headers: bearer('eve', 'evil', ['admin']),
    });
    expect(response.statusCode).toBe(404);
    const still = await service.app.inject({ method: 'GET', url: `/v1/notes/${note.id}?pk=acme` });
    expect(still.statusCode).toBe(200);
  });
});
