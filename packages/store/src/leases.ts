/**
 * Leases on top of the DocumentStore port only, so they behave the same on every adapter. A lease
 * is one document (id = pk = lease name) changed only with `create` (409 → someone else won) or
 * `replace`/`delete` with `ifMatch` (412 → someone else won), so a race has exactly one winner.
 * Used for leader election and for claiming work. Expiry is judged by the injected clock.
 */
import { randomUUID } from 'node:crypto';
import { isAppError } from '@groundwork/errors';
import { assertValidKeys } from './document.js';
import type { Clock, ContainerSpec, DocumentStore, StoredDocument } from './types.js';
import { systemClock } from './types.js';

export const LEASES_CONTAINER: ContainerSpec = {
  name: 'leases',
  partitionKey: '/name',
  description: 'Named leases (leader election, work claims): holder, expiry and fencing token.',
};

export interface Lease {
  name: string;
  owner: string;
  /** When the lease lapses unless renewed, in ms since the epoch (store clock). */
  expiresAt: number;
  /** The lease document's etag; renew and release only succeed while it is unchanged. */
  etag: string;
  /** Random id of this holding; stays the same across renewals by the same holder. */
  token: string;
  /** The duration the lease was last taken or renewed for, in ms. */
  ttlMs: number;
}

interface LeaseDocument {
  name: string;
  owner: string;
  expiresAt: number;
  token: string;
  ttlMs: number;
}

export interface LeaseManager {
  /** Takes the lease if it is free, expired, or already held by `owner`; `undefined` if someone else holds it. */
  acquire(name: string, owner: string, ttlMs: number): Promise<Lease | undefined>;
  /** Extends a held lease (by its original ttl unless given); `undefined` if it was lost meanwhile. */
  renew(lease: Lease, ttlMs?: number): Promise<Lease | undefined>;
  /** Gives the lease up; `false` if it was no longer held by this holder. */
  release(lease: Lease): Promise<boolean>;
  /** The current, unexpired holding of `name`, if any. */
  read(name: string): Promise<Lease | undefined>;
}

export interface LeaseManagerOptions {
  store: DocumentStore;
  clock?: Clock;
}

/** Whether `error` means another writer got there first (409, 412) or the lease vanished (404). */
function lostRace(error: unknown): boolean {
  return isAppError(error) && (error.status === 409 || error.status === 412 || error.status === 404);
}

function assertTtl(ttlMs: number): void {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0)
    throw new Error(`Lease ttlMs must be a positive number, got ${ttlMs}.`);
}

function toLease(doc: StoredDocument<LeaseDocument>): Lease {
  return {
    name: doc.name,
    owner: doc.owner,
    expiresAt: doc.expiresAt,
    etag: doc.etag,
    token: doc.token,
    ttlMs: doc.ttlMs,
  };
}

export function createLeaseManager(options: LeaseManagerOptions): LeaseManager {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  let ready: Promise<void> | undefined;
  const leases = async () => {
    ready ??= store.ensureContainers([LEASES_CONTAINER]).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
    return store.container<LeaseDocument>(LEASES_CONTAINER.name);
  };

  return {
    async acquire(name, owner, ttlMs) {
      assertValidKeys(name, name);
      if (typeof owner !== 'string' || owner.length === 0)
        throw new Error('Lease owner must be a non-empty string.');
      assertTtl(ttlMs);
      const container = await leases();
      const now = clock.now();
      const current = await container.read(name, name);
      const next = { id: name, pk: name, name, owner, expiresAt: now + ttlMs, ttlMs };
      try {
        if (!current) return toLease(await container.create({ ...next, token: randomUUID() }));
        const heldByOther = current.owner !== owner && current.expiresAt > now;
        if (heldByOther) return undefined;
        const token = current.owner === owner && current.expiresAt > now ? current.token : randomUUID();
        return toLease(await container.replace({ ...next, token }, { ifMatch: current.etag }));
      } catch (error) {
        if (lostRace(error)) return undefined;
        throw error;
      }
    },

    async renew(lease, ttlMs = lease.ttlMs) {
      assertTtl(ttlMs);
      const container = await leases();
      const doc = {
        id: lease.name,
        pk: lease.name,
        name: lease.name,
        owner: lease.owner,
        expiresAt: clock.now() + ttlMs,
        token: lease.token,
        ttlMs,
      };
      try {
        return toLease(await container.replace(doc, { ifMatch: lease.etag }));
      } catch (error) {
        if (lostRace(error)) return undefined;
        throw error;
      }
    },

    async release(lease) {
      const container = await leases();
      try {
        await container.delete(lease.name, lease.name, { ifMatch: lease.etag });
        return true;
      } catch (error) {
        if (lostRace(error)) return false;
        throw error;
      }
    },

    async read(name) {
      assertValidKeys(name, name);
      const container = await leases();
      const current = await container.read(name, name);
      if (!current || current.expiresAt <= clock.now()) return undefined;
      return toLease(current);
    },
  };
}
