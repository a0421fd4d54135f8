/**
 * Container names and specs are declared in code, so a bad one is a programmer error (plain `Error`).
 * The name rule keeps names safe as SQLite table names and valid as Cosmos container ids.
 */
import { isValidFieldPath } from './field-path.js';
import type { ContainerSpec } from './types.js';

export const CONTAINER_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;

export function isValidContainerName(name: unknown): name is string {
  return typeof name === 'string' && CONTAINER_NAME_PATTERN.test(name);
}

export function assertValidContainerName(name: unknown): asserts name is string {
  if (!isValidContainerName(name)) {
    throw new Error(
      `Invalid container name ${JSON.stringify(name)}: use 1-63 lowercase letters, digits, "_" or "-", starting with a letter.`,
    );
  }
}

/** Checks name, partition key path and default TTL (a positive whole number of seconds, or -1). */
export function assertValidContainerSpec(spec: ContainerSpec): void {
  assertValidContainerName(spec.name);
  if (typeof spec.partitionKey !== 'string' || !spec.partitionKey.startsWith('/')) {
    throw new Error(`Container "${spec.name}": partitionKey must be a path such as "/productId".`);
  }
  const ttl = spec.defaultTtl;
  if (ttl !== undefined && !(ttl === -1 || (Number.isInteger(ttl) && ttl > 0))) {
    throw new Error(`Container "${spec.name}": defaultTtl must be a positive whole number of seconds or -1.`);
  }
  for (const index of spec.indexes ?? []) {
    const fields = [
      ...(Array.isArray(index?.equal) ? index.equal : [null]),
      ...(index?.sort === undefined ? [] : [index.sort]),
    ];
    if (fields.length === 0 || !fields.every(isValidFieldPath)) {
      throw new Error(
        `Container "${spec.name}": each index needs dotted field paths in \`equal\` and/or \`sort\`.`,
      );
    }
  }
}
