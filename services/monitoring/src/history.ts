/** A fixed-size ring of the most recent entries, oldest first when read. */
export class History<T> {
  readonly #capacity: number;
  readonly #items: T[] = [];

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error('history capacity must be a positive integer');
    this.#capacity = capacity;
  }

  push(item: T): void {
    this.#items.push(item);
    if (this.#items.length > this.#capacity) this.#items.shift();
  }

  list(): readonly T[] {
    return this.#items;
  }

  latest(): T | undefined {
    return this.#items.at(-1);
  }
}
