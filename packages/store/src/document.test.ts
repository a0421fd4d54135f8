import { describe, expect, it } from 'vitest';
import { buildStoredDocument } from './document.js';

const meta = { etag: 'etag-2', updatedAtMs: Date.UTC(2026, 10, 26, 12, 0, 0) };
const updatedAt = '2026-11-26T12:00:00.000Z';

describe('buildStoredDocument', () => {
  it('appends etag and updatedAt to a plain document, in the order a spread would give', () => {
    const doc = { id: 'a', pk: 'p', nested: { list: [1, 'two', null] } };
    const { json, stored } = buildStoredDocument(doc, meta);
    expect(json).toBe(JSON.stringify({ ...doc, etag: 'etag-2', updatedAt }));
    expect(stored).toEqual({ ...doc, etag: 'etag-2', updatedAt });
  });

  it('replaces the etag and updatedAt a document read back still carries', () => {
    const doc = { id: 'a', etag: 'etag-1', pk: 'p', updatedAt: 'old', n: 1 };
    const { json, stored } = buildStoredDocument(doc, meta);
    expect(JSON.parse(json)).toEqual({ id: 'a', etag: 'etag-2', pk: 'p', updatedAt, n: 1 });
    expect(Object.keys(stored)).toEqual(['id', 'etag', 'pk', 'updatedAt', 'n']);
  });

  it('returns a copy: nested values share nothing with what the caller passed', () => {
    const doc = { id: 'a', pk: 'p', nested: { n: 1 } };
    const { stored } = buildStoredDocument(doc, meta);
    doc.nested.n = 2;
    expect(stored.nested).toEqual({ n: 1 });
  });

  it('keeps JSON semantics: Dates become strings, undefined fields disappear', () => {
    const doc = { id: 'a', pk: 'p', when: new Date(meta.updatedAtMs), gone: undefined };
    const { stored } = buildStoredDocument(doc, meta);
    expect(stored).toEqual({ id: 'a', pk: 'p', when: updatedAt, etag: 'etag-2', updatedAt });
    expect('gone' in stored).toBe(false);
  });

  it('stores the fields of a class instance, not what its prototype toJSON would return', () => {
    class Entity {
      id = 'a';
      pk = 'p';
      secret = 's';
      toJSON() {
        return { replaced: true };
      }
    }
    const { stored } = buildStoredDocument(new Entity() as unknown as Record<string, unknown>, meta);
    expect(stored).toEqual({ id: 'a', pk: 'p', secret: 's', etag: 'etag-2', updatedAt });
  });
});
