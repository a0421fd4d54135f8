export type { MemoryStoreOptions } from './memory/memory-store.js';
export { createMemoryStore } from './memory/memory-store.js';
