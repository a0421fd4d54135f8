/**
 * `createDelivery()`: the delivery capability as a plain service over the store port and the jobs
 * queue, usable without HTTP. Dispatch lives in `dispatcher.ts`; this file adds templates
 * (overrides, previews), devices, preferences, the delivery log and its stats, the suppression
 * list, the dev outbox and provider events.
 */
import { ConflictError, NotFoundError, ValidationError } from '@groundwork/errors';
import type { Queue, Task, TaskContext } from '@groundwork/jobs';
import { type Clock, type DocumentStore, systemClock } from '@groundwork/store';
import type { EmailAdapter, EmailMessage, PushAdapter, PushPlatform, SmsAdapter } from './channels.js';
import {
  type DeliveryLogDocument,
  type DeliveryStatus,
  type DeviceDocument,
  deviceIdFor,
  devicePartition,
  type PreferencesDocument,
  type QuietHours,
  SUPPRESSION_REASONS,
  type SuppressionDocument,
  type SuppressionReason,
  suppressionIdFor,
  type TemplateOverrideDocument,
} from './containers.js';
import {
  baseVariables,
  createDispatcher,
  type DeliverRequest,
  type DeliverResult,
  type DispatchLogger,
  type ProductBranding,
  type ResolveUser,
} from './dispatcher.js';
import { maskRecipient, normalizeEmail } from './mask.js';
import { type ApplyResult, applyProviderEvents, type ProviderEvent } from './provider-events.js';
import { isQuietHoursTime, isTimeZone } from './quiet-hours.js';
import { createRenderer, type EmailSource, type RenderedEmail, TemplateRenderError } from './renderer.js';
import { createDeliveryRepository, type LogFilters } from './repository.js';
import type { Sealer } from './sealing.js';
import {
  type Category,
  EMAIL_TEMPLATES,
  type EmailTemplateDefinition,
  emailTemplate,
} from './template-catalog.js';

export interface CreateDeliveryOptions {
  store: DocumentStore;
  queue: Queue;
  clock?: Clock;
  sealer: Sealer;
  email: EmailAdapter;
  push?: readonly PushAdapter[];
  sms?: SmsAdapter;
  /** Branding of the default product and of any other (falls back to `defaultBranding`). */
  defaultBranding: ProductBranding;
  products?: Record<string, Partial<ProductBranding>>;
  resolveUser?: ResolveUser;
  /** Attempts per send on transient errors (default 8). */
  maxAttempts?: number;
  logger?: DispatchLogger;
  /** How long a product's template override is cached in memory, in ms (default 5 s). */
  templateCacheMs?: number;
}

export interface TemplateView {
  name: string;
  channel: 'email';
  category: Category;
  transactional: boolean;
  security: boolean;
  description: string;
  overridden: boolean;
  updatedAt: number | null;
  updatedBy: string | null;
  variables: string[];
  sample: Record<string, unknown>;
}

export interface TemplateDetail extends TemplateView {
  source: EmailSource;
  defaultSource: EmailSource;
}

export interface DeviceView {
  id: string;
  platform: PushPlatform;
  /** Last 4 characters of the token. */
  tokenSuffix: string;
  appVersion: string | null;
  locale: string | null;
  createdAt: number;
  lastSeenAt: number;
  active: boolean;
  deactivationReason: string | null;
}

export interface PreferencesView {
  timezone: string;
  quietHours: QuietHours | null;
  categories: PreferencesDocument['categories'];
  updatedAt: number | null;
}

export type DeliveryLogView = Omit<DeliveryLogDocument, 'pk' | 'sealed'>;

export interface DayStats {
  day: string;
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
  delivered: number;
  opened: number;
  suppressed: number;
}

export interface OutboxMessageView {
  id: string;
  template: string;
  createdAt: number;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface Delivery {
  deliver(request: DeliverRequest): Promise<DeliverResult>;
  /** The `delivery.send` task handler (declared by the module for the jobs worker). */
  handleSendTask(task: Task, ctx: TaskContext): Promise<unknown>;

  listTemplates(productId: string): Promise<TemplateView[]>;
  getTemplate(productId: string, name: string): Promise<TemplateDetail>;
  /** Renders `source` (default: the product's current one) with `data` (default: the sample). */
  previewTemplate(
    productId: string,
    name: string,
    input?: { source?: EmailSource | undefined; data?: Record<string, unknown> | undefined },
  ): Promise<RenderedEmail>;
  updateTemplate(
    productId: string,
    name: string,
    source: EmailSource,
    actor: string,
  ): Promise<TemplateDetail>;
  resetTemplate(productId: string, name: string): Promise<boolean>;
  sendTest(
    productId: string,
    name: string,
    to: string,
    data?: Record<string, unknown>,
  ): Promise<DeliverResult>;

  registerDevice(
    productId: string,
    userId: string,
    input: {
      platform: PushPlatform;
      token: string;
      appVersion?: string | undefined;
      locale?: string | undefined;
    },
  ): Promise<DeviceView>;
  unregisterDevice(productId: string, userId: string, deviceId: string): Promise<void>;
  listDevices(productId: string, userId: string): Promise<DeviceView[]>;

  getPreferences(productId: string, userId: string): Promise<PreferencesView>;
  updatePreferences(
    productId: string,
    userId: string,
    input: {
      timezone?: string | undefined;
      quietHours?: QuietHours | null | undefined;
      categories?: PreferencesDocument['categories'] | undefined;
    },
  ): Promise<PreferencesView>;

  listLog(
    productId: string,
    filters: LogFilters,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: DeliveryLogView[]; nextCursor?: string }>;
  stats(productId: string, range: { from: number; to: number }): Promise<DayStats[]>;

  listSuppressions(
    productId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: SuppressionDocument[]; nextCursor?: string }>;
  addSuppression(
    productId: string,
    email: string,
    reason: SuppressionReason,
    source: string,
  ): Promise<SuppressionDocument>;
  removeSuppression(productId: string, email: string): Promise<boolean>;
  removeSuppressionById(productId: string, id: string): Promise<boolean>;

  /** Dev outbox of the console adapter (opened for admins). */
  listOutbox(
    productId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: OutboxMessageView[]; nextCursor?: string }>;
  /** The console adapter's outbox writer. */
  keepInOutbox(message: EmailMessage): Promise<void>;

  applyProviderEvents(events: ProviderEvent[]): Promise<ApplyResult>;
}

const MAX_STATS_DAYS = 92;
const MAX_STATS_ENTRIES = 200_000;

function stripLog(
  doc: DeliveryLogDocument & { etag?: string; updatedAt?: string; ttl?: number },
): DeliveryLogView {
  const { pk: _pk, sealed: _sealed, etag: _etag, updatedAt: _updatedAt, ttl: _ttl, ...view } = doc;
  return view;
}

function deviceView(doc: DeviceDocument): DeviceView {
  return {
    id: doc.id,
    platform: doc.platform,
    tokenSuffix: doc.token.slice(-4),
    appVersion: doc.appVersion,
    locale: doc.locale,
    createdAt: doc.createdAt,
    lastSeenAt: doc.lastSeenAt,
    active: doc.active,
    deactivationReason: doc.deactivationReason,
  };
}

function defaultSource(definition: EmailTemplateDefinition): EmailSource {
  return { subject: definition.subject, html: definition.html, text: definition.text };
}

export function createDelivery(options: CreateDeliveryOptions): Delivery {
  const { store, queue, sealer } = options;
  const clock = options.clock ?? systemClock;
  const repo = createDeliveryRepository(store);
  const renderer = createRenderer();
  const cacheMs = options.templateCacheMs ?? 5_000;
  const overrideCache = new Map<string, { at: number; source: EmailSource | undefined }>();

  function branding(productId: string): ProductBranding {
    const own = options.products?.[productId];
    return { ...options.defaultBranding, ...(own ?? {}) };
  }

  async function emailSource(productId: string, definition: EmailTemplateDefinition): Promise<EmailSource> {
    const key = `${productId}\u0000${definition.name}`;
    const cached = overrideCache.get(key);
    const now = clock.now();
    if (cached && now - cached.at < cacheMs) return cached.source ?? defaultSource(definition);
    const doc = await repo.readOverride(productId, definition.name);
    const source = doc ? { subject: doc.subject, html: doc.html, text: doc.text } : undefined;
    overrideCache.set(key, { at: now, source });
    return source ?? defaultSource(definition);
  }

  const dispatcher = createDispatcher({
    repo,
    queue,
    clock,
    sealer,
    renderer,
    email: options.email,
    push: options.push ?? [],
    sms: options.sms,
    branding,
    resolveUser: options.resolveUser,
    emailSource,
    maxAttempts: options.maxAttempts ?? 8,
    logger: options.logger,
  });

  function mustTemplate(name: string): EmailTemplateDefinition {
    const definition = emailTemplate(name);
    if (!definition) throw new NotFoundError(`Template "${name}" does not exist.`, 'template_not_found');
    return definition;
  }

  function templateSummary(
    definition: EmailTemplateDefinition,
    doc: TemplateOverrideDocument | undefined,
  ): TemplateView {
    return {
      name: definition.name,
      channel: 'email',
      category: definition.category,
      transactional: definition.transactional,
      security: definition.security,
      description: definition.description,
      overridden: doc !== undefined,
      updatedAt: doc?.updatedAtMs ?? null,
      updatedBy: doc?.updatedBy ?? null,
      variables: Object.keys(definition.variables.shape),
      sample: definition.sample,
    };
  }

  async function templateView(
    productId: string,
    definition: EmailTemplateDefinition,
  ): Promise<TemplateDetail> {
    const doc = await repo.readOverride(productId, definition.name);
    return {
      ...templateSummary(definition, doc),
      source: doc ? { subject: doc.subject, html: doc.html, text: doc.text } : defaultSource(definition),
      defaultSource: defaultSource(definition),
    };
  }

  function preferencesView(doc: PreferencesDocument | undefined): PreferencesView {
    return {
      timezone: doc?.timezone ?? 'UTC',
      quietHours: doc?.quietHours ?? null,
      categories: doc?.categories ?? {},
      updatedAt: doc?.updatedAtMs ?? null,
    };
  }

  return {
    deliver: dispatcher.deliver,
    handleSendTask: dispatcher.handleSendTask,

    async listTemplates(productId) {
      const overrides = new Map((await repo.listOverrides(productId)).map((doc) => [doc.template, doc]));
      return EMAIL_TEMPLATES.map((definition) => templateSummary(definition, overrides.get(definition.name)));
    },

    async getTemplate(productId, name) {
      return templateView(productId, mustTemplate(name));
    },

    async previewTemplate(productId, name, input = {}) {
      const definition = mustTemplate(name);
      const source = input.source ?? (await emailSource(productId, definition));
      try {
        const data = renderer.parseData(definition.variables, input.data ?? definition.sample);
        return renderer.renderEmail(
          definition,
          source,
          data,
          baseVariables(branding(productId), definition.transactional, clock.now()),
        );
      } catch (error) {
        if (error instanceof TemplateRenderError)
          throw new ValidationError(error.issues, `Template "${name}" cannot be rendered.`);
        throw error;
      }
    },

    async updateTemplate(productId, name, source, actor) {
      const definition = mustTemplate(name);
      const issues = renderer.checkSource(
        definition,
        source,
        baseVariables(branding(productId), definition.transactional, clock.now()),
      );
      if (issues.length > 0)
        throw new ValidationError(issues, `Template "${name}" cannot be rendered with its variables.`);
      await repo.upsertOverride({
        id: name,
        pk: productId,
        productId,
        template: name,
        subject: source.subject,
        html: source.html,
        text: source.text,
        updatedBy: actor,
        updatedAtMs: clock.now(),
      });
      overrideCache.delete(`${productId}\u0000${name}`);
      return templateView(productId, definition);
    },

    async resetTemplate(productId, name) {
      mustTemplate(name);
      overrideCache.delete(`${productId}\u0000${name}`);
      return repo.deleteOverride(productId, name);
    },

    async sendTest(productId, name, to, data) {
      const definition = mustTemplate(name);
      return dispatcher.deliver({
        productId,
        to,
        template: name,
        data: data ?? definition.sample,
        idempotencyKey: `test:${clock.now()}:${Math.random().toString(36).slice(2)}`,
        critical: true,
      });
    },

    async registerDevice(productId, userId, input) {
      const id = deviceIdFor(input.platform, input.token);
      const now = clock.now();
      // A token that changes hands (sign-out, sign-in as someone else) leaves its previous user.
      const owner = await repo.readDeviceOwner(productId, id);
      if (owner && owner.userId !== userId) await repo.deleteDevice(productId, owner.userId, id);
      const existing = owner?.userId === userId ? await repo.readDevice(productId, userId, id) : undefined;
      const doc: DeviceDocument = {
        id,
        pk: devicePartition(productId, userId),
        productId,
        userId,
        platform: input.platform,
        token: input.token,
        appVersion: input.appVersion ?? null,
        locale: input.locale ?? null,
        createdAt: existing?.createdAt ?? now,
        lastSeenAt: now,
        active: true,
        deactivatedAt: null,
        deactivationReason: null,
      };
      const saved = await repo.upsertDevice(doc);
      if (owner?.userId !== userId) await repo.upsertDeviceOwner(productId, id, userId);
      return deviceView(saved);
    },

    async unregisterDevice(productId, userId, deviceId) {
      const existing = await repo.readDevice(productId, userId, deviceId);
      if (!existing) throw new NotFoundError(`Device "${deviceId}" was not found.`, 'device_not_found');
      await repo.deleteDevice(productId, userId, deviceId);
      const owner = await repo.readDeviceOwner(productId, deviceId);
      if (owner?.userId === userId) await repo.deleteDeviceOwner(productId, deviceId);
    },

    async listDevices(productId, userId) {
      return (await repo.listDevices(productId, userId)).map(deviceView);
    },

    async getPreferences(productId, userId) {
      return preferencesView(await repo.readPreferences(productId, userId));
    },

    async updatePreferences(productId, userId, input) {
      const issues = [];
      if (input.timezone !== undefined && !isTimeZone(input.timezone))
        issues.push({
          path: 'timezone',
          message: `unknown time zone "${input.timezone}"`,
          code: 'invalid_timezone',
        });
      if (input.quietHours) {
        for (const key of ['start', 'end'] as const) {
          if (!isQuietHoursTime(input.quietHours[key]))
            issues.push({
              path: `quietHours.${key}`,
              message: 'expected HH:MM (24 h)',
              code: 'invalid_time',
            });
        }
      }
      if (issues.length > 0) throw new ValidationError(issues, 'Invalid preferences.');
      const current = await repo.readPreferences(productId, userId);
      const categories = { ...(current?.categories ?? {}) };
      for (const [category, channels] of Object.entries(input.categories ?? {})) {
        categories[category as Category] = { ...(categories[category as Category] ?? {}), ...channels };
      }
      const doc: PreferencesDocument = {
        id: userId,
        pk: productId,
        productId,
        userId,
        timezone: input.timezone ?? current?.timezone ?? 'UTC',
        quietHours: input.quietHours === undefined ? (current?.quietHours ?? null) : input.quietHours,
        categories,
        updatedAtMs: clock.now(),
      };
      return preferencesView(await repo.upsertPreferences(doc));
    },

    async listLog(productId, filters, page) {
      const result = await repo.queryLog(productId, filters, page);
      return {
        items: result.items.map(stripLog),
        ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      };
    },

    async stats(productId, range) {
      const days = Math.ceil((range.to - range.from) / 86_400_000);
      if (range.to <= range.from || days > MAX_STATS_DAYS)
        throw new ValidationError(
          [{ path: 'to', message: `the range must be 1 to ${MAX_STATS_DAYS} days`, code: 'invalid_range' }],
          'Invalid range.',
        );
      const byDay = new Map<string, DayStats>();
      const bucket = (day: string): DayStats => {
        let stats = byDay.get(day);
        if (!stats) {
          stats = { day, queued: 0, sent: 0, failed: 0, bounced: 0, delivered: 0, opened: 0, suppressed: 0 };
          byDay.set(day, stats);
        }
        return stats;
      };
      let cursor: string | undefined;
      let seen = 0;
      do {
        const page = await repo.queryLog(
          productId,
          { from: range.from, to: range.to },
          { limit: 1000, cursor },
        );
        for (const entry of page.items) {
          const stats = bucket(entry.day);
          // Counts what happened to each send: a delivered and opened message also counts as sent.
          if (entry.sentAt !== null) stats.sent += 1;
          if (entry.deliveredAt !== null) stats.delivered += 1;
          if (entry.openedAt !== null) stats.opened += 1;
          if (entry.bouncedAt !== null) stats.bounced += 1;
          const status: DeliveryStatus = entry.status;
          if (status === 'failed') stats.failed += 1;
          if (status === 'queued') stats.queued += 1;
          if (status === 'suppressed') stats.suppressed += 1;
        }
        seen += page.items.length;
        cursor = page.nextCursor;
      } while (cursor && seen < MAX_STATS_ENTRIES);
      return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
    },

    async listSuppressions(productId, page) {
      const result = await repo.listSuppressions(productId, page);
      return {
        items: result.items.map(({ etag: _e, updatedAt: _u, ttl: _t, ...doc }) => doc),
        ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      };
    },

    async addSuppression(productId, email, reason, source) {
      if (!SUPPRESSION_REASONS.includes(reason))
        throw new ValidationError([{ path: 'reason', message: 'unknown reason', code: 'invalid' }]);
      const normalized = normalizeEmail(email);
      const doc: SuppressionDocument = {
        id: suppressionIdFor(normalized),
        pk: productId,
        productId,
        email: normalized,
        reason,
        source,
        createdAt: clock.now(),
      };
      if (!(await repo.createSuppression(doc)))
        throw new ConflictError(`${maskRecipient(normalized)} is suppressed already.`, 'already_suppressed');
      return doc;
    },

    async removeSuppression(productId, email) {
      return repo.deleteSuppression(productId, suppressionIdFor(normalizeEmail(email)));
    },

    async removeSuppressionById(productId, id) {
      return repo.deleteSuppression(productId, id);
    },

    async listOutbox(productId, page) {
      const result = await repo.listOutbox(productId, page);
      const items: OutboxMessageView[] = [];
      for (const doc of result.items) {
        const message = JSON.parse(await sealer.open(doc.sealed, doc.id)) as EmailMessage;
        items.push({
          id: doc.id,
          template: doc.template,
          createdAt: doc.createdAt,
          to: message.to,
          from: message.from.name ? `${message.from.name} <${message.from.address}>` : message.from.address,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
        });
      }
      return { items, ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
    },

    async keepInOutbox(message) {
      await repo.createOutbox({
        id: message.deliveryId,
        pk: message.productId,
        productId: message.productId,
        template: message.template,
        createdAt: clock.now(),
        sealed: await sealer.seal(JSON.stringify(message), message.deliveryId),
      });
    },

    applyProviderEvents: (events) => applyProviderEvents(repo, clock, events),
  };
}
