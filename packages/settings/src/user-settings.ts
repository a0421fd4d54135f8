/**
 * User and device settings: get all, get / put / merge-patch / delete one key. Values are validated
 * by the registry before anything is written; writes are read-modify-write with etags (a few
 * retries on a race), so concurrent writers of different keys never lose each other's changes.
 */
import { isAppError, NotFoundError, ValidationError } from '@groundwork/errors';
import type { Clock, DocumentStore, StoredDocument } from '@groundwork/store';
import { jsonBytes, MAX_DOCUMENT_BYTES, type SettingScope, type SettingsRegistry } from './registry.js';
import { SETTINGS_CONTAINER } from './settings-container.js';

export interface SettingsOwner {
  productId: string;
  userId: string;
  /** Device settings when present; user settings otherwise. */
  deviceId?: string | undefined;
}

interface SettingsDocument {
  kind: 'user_settings' | 'device_settings';
  productId: string;
  userId: string;
  deviceId?: string;
  values: Record<string, unknown>;
}

export interface SettingsSnapshot {
  values: Record<string, unknown>;
  updatedAt?: string;
}

export interface UserSettings {
  getAll(owner: SettingsOwner): Promise<SettingsSnapshot>;
  /** `NotFoundError` (`setting_not_found`) when neither set nor defaulted. */
  get(owner: SettingsOwner, key: string): Promise<unknown>;
  put(owner: SettingsOwner, key: string, value: unknown): Promise<unknown>;
  /** RFC 7396 JSON merge patch into the key's current value (or its default, or nothing). */
  patch(owner: SettingsOwner, key: string, patch: unknown): Promise<unknown>;
  /** `NotFoundError` when the key is not set. */
  remove(owner: SettingsOwner, key: string): Promise<void>;
}

const MAX_ROUNDS = 5;
const isRace = (error: unknown) => isAppError(error) && (error.status === 409 || error.status === 412);

/** RFC 7396: objects merge recursively, `null` deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [name, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete base[name];
    else base[name] = mergePatch(base[name], value);
  }
  return base;
}

const scopeOf = (owner: SettingsOwner): SettingScope => (owner.deviceId === undefined ? 'user' : 'device');
const idOf = (owner: SettingsOwner) =>
  owner.deviceId === undefined ? `user:${owner.userId}` : `device:${owner.userId}:${owner.deviceId}`;

export function createUserSettings(options: {
  store: DocumentStore;
  clock: Clock;
  registry: SettingsRegistry;
}): UserSettings {
  const { store, registry } = options;
  const container = () => store.container<SettingsDocument>(SETTINGS_CONTAINER.name);

  async function read(owner: SettingsOwner): Promise<StoredDocument<SettingsDocument> | undefined> {
    return container().read(idOf(owner), owner.productId);
  }

  /** Applies `change` to the stored values and writes them (validated by the caller). */
  async function update(
    owner: SettingsOwner,
    change: (values: Record<string, unknown>) => Record<string, unknown> | undefined,
  ): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const current = await read(owner);
      const values = change({ ...(current?.values ?? {}) });
      if (!values) return;
      if (Object.keys(values).length > registry.maxKeys)
        throw new ValidationError(
          [
            {
              path: 'params.key',
              message: `at most ${registry.maxKeys} settings`,
              code: 'too_many_settings',
            },
          ],
          'Too many settings.',
        );
      if (jsonBytes(values) > MAX_DOCUMENT_BYTES)
        throw new ValidationError(
          [
            {
              path: 'body.value',
              message: `settings total at most ${MAX_DOCUMENT_BYTES} bytes`,
              code: 'too_big',
            },
          ],
          'The settings are too large.',
        );
      const doc = {
        id: idOf(owner),
        pk: owner.productId,
        kind: owner.deviceId === undefined ? ('user_settings' as const) : ('device_settings' as const),
        productId: owner.productId,
        userId: owner.userId,
        ...(owner.deviceId !== undefined ? { deviceId: owner.deviceId } : {}),
        values,
      };
      try {
        if (current) await container().replace(doc, { ifMatch: current.etag });
        else await container().create(doc);
        return;
      } catch (error) {
        if (!isRace(error)) throw error;
      }
    }
    throw new ValidationError([], 'The settings changed too often at once; retry.');
  }

  const notFound = (key: string) => new NotFoundError(`Setting "${key}" is not set.`, 'setting_not_found');

  return {
    async getAll(owner) {
      const current = await read(owner);
      return {
        values: { ...registry.defaults(scopeOf(owner)), ...(current?.values ?? {}) },
        ...(current ? { updatedAt: current.updatedAt } : {}),
      };
    },

    async get(owner, key) {
      const current = await read(owner);
      const values = { ...registry.defaults(scopeOf(owner)), ...(current?.values ?? {}) };
      if (!Object.hasOwn(values, key)) throw notFound(key);
      return values[key];
    },

    async put(owner, key, value) {
      const valid = registry.validate(scopeOf(owner), key, value);
      await update(owner, (values) => ({ ...values, [key]: valid }));
      return valid;
    },

    async patch(owner, key, patch) {
      let result: unknown;
      const defaults = registry.defaults(scopeOf(owner));
      await update(owner, (values) => {
        const base = Object.hasOwn(values, key) ? values[key] : defaults[key];
        result = registry.validate(scopeOf(owner), key, mergePatch(base, patch));
        return { ...values, [key]: result };
      });
      return result;
    },

    async remove(owner, key) {
      let missing = false;
      await update(owner, (values) => {
        if (!Object.hasOwn(values, key)) {
          missing = true;
          return undefined;
        }
        delete values[key];
        return values;
      });
      if (missing) throw notFound(key);
    },
  };
}
