/**
 * Store access for the delivery module: one place that knows container names, partition keys and
 * queries. Every read and write is confined to one product.
 */
import { isAppError } from '@groundwork/errors';
import type {
  Container,
  DocumentStore,
  Filter,
  Page,
  PatchOperation,
  StoredDocument,
} from '@groundwork/store';
import type { Channel } from './channels.js';
import {
  DEVICE_OWNERS_CONTAINER,
  DEVICES_CONTAINER,
  type DeliveryLogDocument,
  type DeliveryStatus,
  type DeviceDocument,
  devicePartition,
  EMAIL_TEMPLATES_CONTAINER,
  OUTBOX_CONTAINER,
  type OutboxDocument,
  PREFERENCES_CONTAINER,
  PROVIDER_EVENTS_CONTAINER,
  type PreferencesDocument,
  SUPPRESSIONS_CONTAINER,
  type SuppressionDocument,
  suppressionIdFor,
  type TemplateOverrideDocument,
} from './containers.js';

export const DELIVERY_LOG_CONTAINER_NAME = 'delivery_log';

export interface LogFilters {
  channel?: Channel | undefined;
  status?: DeliveryStatus | undefined;
  template?: string | undefined;
  userId?: string | undefined;
  /** Created at or after, ms. */
  from?: number | undefined;
  /** Created before, ms. */
  to?: number | undefined;
}

export function isConflict(error: unknown): boolean {
  return isAppError(error) && error.status === 409;
}

export function isNotFound(error: unknown): boolean {
  return isAppError(error) && error.status === 404;
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>;

export function createDeliveryRepository(store: DocumentStore) {
  const log = () => store.container<DeliveryLogDocument>(DELIVERY_LOG_CONTAINER_NAME);
  const templates = () => store.container<TemplateOverrideDocument>(EMAIL_TEMPLATES_CONTAINER.name);
  const devices = () => store.container<DeviceDocument>(DEVICES_CONTAINER.name);
  const owners = () => store.container<{ productId: string; userId: string }>(DEVICE_OWNERS_CONTAINER.name);
  const prefs = () => store.container<PreferencesDocument>(PREFERENCES_CONTAINER.name);
  const suppressions = () => store.container<SuppressionDocument>(SUPPRESSIONS_CONTAINER.name);
  const outbox = () => store.container<OutboxDocument>(OUTBOX_CONTAINER.name);
  const providerEvents = () =>
    store.container<{ provider: string; eventId: string; at: number }>(PROVIDER_EVENTS_CONTAINER.name);

  function logFilter(productId: string, filters: LogFilters): Filter {
    const parts: Filter[] = [{ field: 'productId', op: 'eq', value: productId }];
    if (filters.channel) parts.push({ field: 'channel', op: 'eq', value: filters.channel });
    if (filters.status) parts.push({ field: 'status', op: 'eq', value: filters.status });
    if (filters.template) parts.push({ field: 'template', op: 'eq', value: filters.template });
    if (filters.userId) parts.push({ field: 'userId', op: 'eq', value: filters.userId });
    if (filters.from !== undefined) parts.push({ field: 'createdAt', op: 'gte', value: filters.from });
    if (filters.to !== undefined) parts.push({ field: 'createdAt', op: 'lt', value: filters.to });
    return { and: parts };
  }

  async function safeDelete<T extends object>(
    container: Container<T>,
    id: string,
    pk: string,
  ): Promise<boolean> {
    try {
      await container.delete(id, pk);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  return {
    // delivery_log
    createLog: (doc: DeliveryLogDocument) => log().create(doc),
    readLog: (id: string, pk: string) => log().read(id, pk),
    patchLog: (id: string, pk: string, operations: PatchOperation[], ifMatch?: string) =>
      log().patch(id, pk, operations, ifMatch === undefined ? {} : { ifMatch }),
    deleteLog: (id: string, pk: string) => safeDelete(log(), id, pk),
    /** Newest first, across the product's partitions (channels and months). */
    queryLog: (
      productId: string,
      filters: LogFilters,
      page: { limit: number; cursor?: string | undefined },
    ): Promise<Page<StoredDocument<DeliveryLogDocument>>> =>
      log().query({
        where: logFilter(productId, filters),
        orderBy: [{ field: 'createdAt', direction: 'desc' }],
        limit: page.limit,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      }),

    // email_templates
    readOverride: (productId: string, template: string) => templates().read(template, productId),
    listOverrides: async (productId: string) =>
      (await templates().query({ pk: productId, limit: 1000 })).items,
    upsertOverride: (doc: TemplateOverrideDocument) => templates().upsert(doc),
    deleteOverride: (productId: string, template: string) => safeDelete(templates(), template, productId),

    // notification_devices
    readDevice: (productId: string, userId: string, id: string) =>
      devices().read(id, devicePartition(productId, userId)),
    upsertDevice: (doc: DeviceDocument) => devices().upsert(doc),
    patchDevice: (productId: string, userId: string, id: string, operations: PatchOperation[]) =>
      devices().patch(id, devicePartition(productId, userId), operations),
    deleteDevice: (productId: string, userId: string, id: string) =>
      safeDelete(devices(), id, devicePartition(productId, userId)),
    /** One partition per user: never a scan of the product's devices. */
    listDevices: async (productId: string, userId: string) =>
      (
        await devices().query({
          pk: devicePartition(productId, userId),
          orderBy: [{ field: 'lastSeenAt', direction: 'desc' }],
          limit: 100,
        })
      ).items,
    readDeviceOwner: (productId: string, id: string) => owners().read(id, productId),
    upsertDeviceOwner: (productId: string, id: string, userId: string) =>
      owners().upsert({ id, pk: productId, productId, userId }),
    deleteDeviceOwner: (productId: string, id: string) => safeDelete(owners(), id, productId),

    // notification_prefs
    readPreferences: (productId: string, userId: string) => prefs().read(userId, productId),
    upsertPreferences: (doc: PreferencesDocument) => prefs().upsert(doc),

    // delivery_suppressions
    readSuppression: (productId: string, normalizedEmail: string) =>
      suppressions().read(suppressionIdFor(normalizedEmail), productId),
    createSuppression: async (doc: SuppressionDocument): Promise<boolean> => {
      try {
        await suppressions().create(doc);
        return true;
      } catch (error) {
        if (isConflict(error)) return false;
        throw error;
      }
    },
    deleteSuppression: (productId: string, id: string) => safeDelete(suppressions(), id, productId),
    listSuppressions: (productId: string, page: { limit: number; cursor?: string | undefined }) =>
      suppressions().query({
        pk: productId,
        orderBy: [{ field: 'createdAt', direction: 'desc' }],
        limit: page.limit,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      }),

    // delivery_outbox
    createOutbox: (doc: OutboxDocument) => outbox().upsert(doc),
    listOutbox: (productId: string, page: { limit: number; cursor?: string | undefined }) =>
      outbox().query({
        pk: productId,
        orderBy: [{ field: 'createdAt', direction: 'desc' }],
        limit: page.limit,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      }),

    /** Records a provider event id; `false` when it was seen before (a replay or a redelivery). */
    claimProviderEvent: async (provider: string, id: string, at: number): Promise<boolean> => {
      try {
        await providerEvents().create({ id, pk: provider, provider, eventId: id, at });
        return true;
      } catch (error) {
        if (isConflict(error)) return false;
        throw error;
      }
    },
  };
}
