/**
 * Dispatch: `deliver()` turns one request into durable sends (one log entry and one task per
 * channel / device), and `handleSendTask()` runs one send.
 *
 * Exactly-once towards the provider, as far as a queue allows:
 * - a request's idempotency key gives each send a deterministic task key, so a repeated request
 *   finds the existing task (and drops the log entry it had just written);
 * - the handler sends only while the entry is `queued`, and records the provider's acceptance
 *   (status `sent`, message id) before the task completes, so a retry after that finds it sent
 *   and does nothing. Only a crash between the provider's acceptance and that write can send twice
 *   (SMTP carries a stable Message-ID and APNs a stable `apns-id` for that case).
 *
 * What waits in the queue (recipient address or device token, template data — for recovery mail,
 * the link with its token) is sealed in the log entry (AES-256-GCM) and removed once the send is
 * settled; no rendered body is ever stored.
 */
import { ValidationError } from '@groundwork/errors';
import { newId } from '@groundwork/http';
import { type Queue, RetryAt, type Task, type TaskContext } from '@groundwork/jobs';
import type { Clock, PatchOperation, StoredDocument } from '@groundwork/store';
import { z } from 'zod';
import type { Channel, EmailAdapter, PushAdapter, PushPlatform, SmsAdapter } from './channels.js';
import {
  type DeliveryLogDocument,
  type DeliveryStatus,
  type DeviceDocument,
  dayOf,
  logPartition,
  suppressionIdFor,
} from './containers.js';
import { maskAddressesIn, maskRecipient, normalizeEmail } from './mask.js';
import { quietHoursEnd } from './quiet-hours.js';
import type { BaseVariables, EmailSource, Renderer } from './renderer.js';
import { TemplateRenderError } from './renderer.js';
import type { DeliveryRepository } from './repository.js';
import type { Sealer } from './sealing.js';
import { type SendError, toSendError } from './send-errors.js';
import {
  type Category,
  type EmailTemplateDefinition,
  emailTemplate,
  type PushTypeDefinition,
  pushType,
} from './template-catalog.js';

export const SEND_TASK_TYPE = 'delivery.send';

/** Sender identity and links per product. */
export interface ProductBranding {
  productName: string;
  fromAddress: string;
  fromName?: string | undefined;
  replyTo?: string | undefined;
  /** The app's base URL (`{{appUrl}}`). */
  appUrl: string;
  /** Path of the app's notification settings page, linked from non-transactional mail (default `/settings/notifications`). */
  preferencesPath?: string | undefined;
}

/** What the platform knows about a user that delivery needs (delivery does not depend on identity). */
export interface UserContact {
  email?: string | undefined;
  phone?: string | undefined;
  /** IANA time zone, used when the user saved no preferences. */
  timezone?: string | undefined;
}

export type ResolveUser = (productId: string, userId: string) => Promise<UserContact | undefined>;

export interface DispatchLogger {
  info(bindings: Record<string, unknown>, message: string): void;
  warn(bindings: Record<string, unknown>, message: string): void;
}

export interface DispatcherDeps {
  repo: DeliveryRepository;
  queue: Queue;
  clock: Clock;
  sealer: Sealer;
  renderer: Renderer;
  email: EmailAdapter;
  push: readonly PushAdapter[];
  sms: SmsAdapter | undefined;
  branding: (productId: string) => ProductBranding;
  resolveUser: ResolveUser | undefined;
  /** The product's source for an email template (its override, else the shipped default). */
  emailSource: (productId: string, definition: EmailTemplateDefinition) => Promise<EmailSource>;
  maxAttempts: number;
  logger: DispatchLogger | undefined;
}

const productIdSchema = z.string().min(1).max(100);
const emailAddressSchema = z.email();

export const deliverRequestSchema = z
  .object({
    productId: productIdSchema,
    userId: z.string().min(1).max(200).optional(),
    /** An email address (email) or phone number (sms) instead of a user. */
    to: z.string().min(3).max(320).optional(),
    template: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).default({}),
    channels: z
      .array(z.enum(['email', 'push', 'sms']))
      .min(1)
      .max(3)
      .optional(),
    /** Repeating a request with the same key never sends twice. */
    idempotencyKey: z.string().min(1).max(300),
    /** Bypasses preferences and quiet hours (security mail always is). */
    critical: z.boolean().default(false),
  })
  .strict()
  .refine((request) => request.userId !== undefined || request.to !== undefined, {
    message: 'give userId or to',
    path: ['userId'],
  });
export type DeliverRequest = z.input<typeof deliverRequestSchema>;

export interface DeliveryRef {
  id: string;
  channel: Channel;
  status: DeliveryStatus;
  deviceId?: string;
  /** When the send may first run (later than now inside quiet hours). */
  scheduledFor: number;
}

export interface SkippedChannel {
  channel: Channel;
  reason: 'preferences' | 'no_address' | 'no_devices' | 'channel_unavailable';
}

export interface DeliverResult {
  deliveries: DeliveryRef[];
  skipped: SkippedChannel[];
}

/** What is sealed in a queued log entry. */
interface SealedSend {
  to: string;
  data: Record<string, unknown>;
}

interface SendPayload {
  productId: string;
  deliveryId: string;
  pk: string;
}

function isSendPayload(value: unknown): value is SendPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.productId === 'string' && typeof v.deliveryId === 'string' && typeof v.pk === 'string';
}

export function baseVariables(
  branding: ProductBranding,
  transactional: boolean,
  nowMs: number,
): BaseVariables {
  const appUrl = branding.appUrl.replace(/\/+$/, '');
  return {
    productName: branding.productName,
    appUrl,
    year: new Date(nowMs).getUTCFullYear(),
    unsubscribeUrl: transactional
      ? null
      : `${appUrl}${branding.preferencesPath ?? '/settings/notifications'}`,
  };
}

type TemplateRef =
  | { kind: 'email'; definition: EmailTemplateDefinition; category: Category; transactional: boolean }
  | { kind: 'push'; definition: PushTypeDefinition; category: Category; transactional: boolean };

function templateRef(name: string): TemplateRef | undefined {
  const email = emailTemplate(name);
  if (email)
    return { kind: 'email', definition: email, category: email.category, transactional: email.transactional };
  const push = pushType(name);
  if (push)
    return { kind: 'push', definition: push, category: push.category, transactional: push.transactional };
  return undefined;
}

export interface Dispatcher {
  deliver(request: DeliverRequest): Promise<DeliverResult>;
  handleSendTask(task: Task, ctx: TaskContext): Promise<{ status: DeliveryStatus } | undefined>;
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { repo, queue, clock, sealer, renderer } = deps;

  function adapterFor(platform: PushPlatform): PushAdapter | undefined {
    return deps.push.find((adapter) => adapter.platforms.includes(platform));
  }

  async function enqueueSend(input: {
    productId: string;
    channel: Channel;
    template: string;
    category: Category;
    critical: boolean;
    userId: string | null;
    to: string;
    device: DeviceDocument | undefined;
    data: Record<string, unknown>;
    idempotencyKey: string;
    runAt: number;
    status?: 'suppressed';
  }): Promise<DeliveryRef> {
    const now = clock.now();
    const id = newId('dlv', now);
    const pk = logPartition(input.productId, input.channel, now);
    const sealedSend: SealedSend = { to: input.to, data: input.data };
    const doc: DeliveryLogDocument = {
      id,
      pk,
      productId: input.productId,
      channel: input.channel,
      template: input.template,
      category: input.category,
      critical: input.critical,
      userId: input.userId,
      recipient: maskRecipient(input.to),
      deviceId: input.device?.id ?? null,
      platform: input.device?.platform ?? null,
      status: input.status ?? 'queued',
      provider: null,
      providerMessageId: null,
      attempts: 0,
      error: null,
      idempotencyKey: input.idempotencyKey,
      day: dayOf(now),
      createdAt: now,
      scheduledFor: input.runAt,
      sentAt: null,
      deliveredAt: null,
      openedAt: null,
      bouncedAt: null,
      failedAt: null,
      ...(input.status === undefined ? { sealed: await sealer.seal(JSON.stringify(sealedSend), id) } : {}),
    };
    const ref: DeliveryRef = {
      id,
      channel: input.channel,
      status: doc.status,
      ...(input.device ? { deviceId: input.device.id } : {}),
      scheduledFor: input.runAt,
    };
    await repo.createLog(doc);
    // A suppressed send gets a task too (it settles at once): the task key makes a repeated request
    // find this entry instead of logging the suppression twice.
    const taskKey = `${input.idempotencyKey}:${input.channel}:${input.device?.id ?? '-'}`;
    const task = await queue.enqueue(
      SEND_TASK_TYPE,
      { productId: input.productId, deliveryId: id, pk },
      {
        productId: input.productId,
        idempotencyKey: taskKey,
        maxAttempts: deps.maxAttempts,
        runAt: input.runAt,
        timeoutMs: 60_000,
      },
    );
    if (isSendPayload(task.payload) && task.payload.deliveryId !== id) {
      // A repeated request: the first one's send stands; this entry never existed.
      await repo.deleteLog(id, pk);
      const existing = await repo.readLog(task.payload.deliveryId, task.payload.pk);
      return {
        id: task.payload.deliveryId,
        channel: input.channel,
        status: existing?.status ?? 'queued',
        ...(input.device ? { deviceId: input.device.id } : {}),
        scheduledFor: existing?.scheduledFor ?? task.runAt,
      };
    }
    return ref;
  }

  async function deliver(raw: DeliverRequest): Promise<DeliverResult> {
    const parsed = deliverRequestSchema.safeParse(raw);
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
          code: issue.code,
        })),
        'Invalid delivery request.',
      );
    }
    const request = parsed.data;
    const ref = templateRef(request.template);
    if (!ref) {
      throw new ValidationError(
        [{ path: 'template', message: `unknown template "${request.template}"`, code: 'unknown_template' }],
        'Unknown template.',
      );
    }
    let data: Record<string, unknown>;
    try {
      data = renderer.parseData(ref.definition.variables, request.data);
    } catch (error) {
      if (error instanceof TemplateRenderError)
        throw new ValidationError(error.issues, `The data does not fit template "${request.template}".`);
      throw error;
    }
    const critical = request.critical || ref.category === 'security';
    const allowed: Channel[] = ref.kind === 'email' ? ['email'] : ['push', 'sms'];
    const channels = (request.channels ?? (ref.kind === 'email' ? ['email'] : ['push'])).filter((channel) =>
      allowed.includes(channel),
    );
    if (channels.length === 0) {
      throw new ValidationError(
        [
          {
            path: 'channels',
            message: `template "${request.template}" is sent by ${allowed.join(' or ')}`,
            code: 'invalid_channel',
          },
        ],
        'No channel of this request fits the template.',
      );
    }

    const { productId } = request;
    const userId = request.userId ?? null;
    const contact = userId && deps.resolveUser ? await deps.resolveUser(productId, userId) : undefined;
    const prefs = userId ? await repo.readPreferences(productId, userId) : undefined;
    const now = clock.now();
    const result: DeliverResult = { deliveries: [], skipped: [] };
    const base = {
      productId,
      template: request.template,
      category: ref.category,
      critical,
      userId,
      data,
      idempotencyKey: request.idempotencyKey,
    };

    for (const channel of channels) {
      if (!critical && prefs?.categories[ref.category]?.[channel] === false) {
        result.skipped.push({ channel, reason: 'preferences' });
        continue;
      }
      let runAt = now;
      if (!critical && channel !== 'email' && prefs?.quietHours) {
        runAt = quietHoursEnd(now, prefs.timezone, prefs.quietHours) ?? now;
      }
      if (channel === 'email') {
        const to = request.to ?? contact?.email;
        if (!to || !emailAddressSchema.safeParse(to).success) {
          result.skipped.push({ channel, reason: 'no_address' });
          continue;
        }
        const suppressed = await repo.readSuppression(productId, normalizeEmail(to));
        result.deliveries.push(
          await enqueueSend({
            ...base,
            channel,
            to,
            device: undefined,
            runAt,
            ...(suppressed ? { status: 'suppressed' as const } : {}),
          }),
        );
      } else if (channel === 'sms') {
        const to = request.to ?? contact?.phone;
        if (!deps.sms) {
          result.skipped.push({ channel, reason: 'channel_unavailable' });
        } else if (!to) {
          result.skipped.push({ channel, reason: 'no_address' });
        } else {
          result.deliveries.push(await enqueueSend({ ...base, channel, to, device: undefined, runAt }));
        }
      } else {
        const devices = userId
          ? (await repo.listDevices(productId, userId)).filter(
              (device) => device.active && adapterFor(device.platform),
            )
          : [];
        if (devices.length === 0) {
          result.skipped.push({
            channel,
            reason: deps.push.length === 0 ? 'channel_unavailable' : 'no_devices',
          });
          continue;
        }
        for (const device of devices) {
          result.deliveries.push(await enqueueSend({ ...base, channel, to: device.token, device, runAt }));
        }
      }
    }
    return result;
  }

  async function settle(
    entry: StoredDocument<DeliveryLogDocument>,
    status: DeliveryStatus,
    fields: Partial<DeliveryLogDocument>,
  ): Promise<{ status: DeliveryStatus }> {
    const operations: PatchOperation[] = [
      { op: 'set', path: 'status', value: status },
      { op: 'remove', path: 'sealed' },
    ];
    for (const [path, value] of Object.entries(fields)) operations.push({ op: 'set', path, value });
    await repo.patchLog(entry.id, entry.pk, operations);
    return { status };
  }

  async function sendOne(
    entry: StoredDocument<DeliveryLogDocument>,
    sealed: SealedSend,
    signal: AbortSignal,
  ): Promise<
    { provider: string; providerMessageId: string | undefined } | { status: DeliveryStatus; error: string }
  > {
    const branding = deps.branding(entry.productId);
    const now = clock.now();
    if (entry.channel === 'email') {
      const definition = emailTemplate(entry.template);
      if (!definition) return { status: 'failed', error: `unknown template "${entry.template}"` };
      if (await repo.readSuppression(entry.productId, normalizeEmail(sealed.to)))
        return { status: 'suppressed', error: 'the address is on the suppression list' };
      const source = await deps.emailSource(entry.productId, definition);
      const rendered = renderer.renderEmail(
        definition,
        source,
        sealed.data,
        baseVariables(branding, definition.transactional, now),
      );
      const headers: Record<string, string> = {};
      if (!definition.transactional) {
        const base = baseVariables(branding, false, now);
        headers['List-Unsubscribe'] = `<${base.unsubscribeUrl}>`;
      }
      const result = await deps.email.send(
        {
          deliveryId: entry.id,
          productId: entry.productId,
          from: { address: branding.fromAddress, name: branding.fromName },
          to: sealed.to,
          replyTo: branding.replyTo,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          headers,
          template: entry.template,
        },
        signal,
      );
      return { provider: deps.email.name, providerMessageId: result.providerMessageId };
    }
    const definition = pushType(entry.template);
    if (!definition) return { status: 'failed', error: `unknown push type "${entry.template}"` };
    const rendered = renderer.renderPush(
      definition,
      sealed.data,
      baseVariables(branding, definition.transactional, now),
    );
    if (entry.channel === 'sms') {
      if (!deps.sms) return { status: 'failed', error: 'no SMS adapter is configured' };
      const result = await deps.sms.send(
        {
          deliveryId: entry.id,
          productId: entry.productId,
          to: sealed.to,
          text: `${rendered.title}: ${rendered.body}`,
        },
        signal,
      );
      return { provider: deps.sms.name, providerMessageId: result.providerMessageId };
    }
    const device =
      entry.deviceId && entry.userId
        ? await repo.readDevice(entry.productId, entry.userId, entry.deviceId)
        : undefined;
    if (!device?.active || device.token !== sealed.to)
      return { status: 'failed', error: 'the device is no longer registered' };
    const adapter = adapterFor(device.platform);
    if (!adapter) return { status: 'failed', error: `no push adapter serves ${device.platform}` };
    const stringData: Record<string, string> = { type: definition.name };
    for (const [key, value] of Object.entries(sealed.data)) {
      if (value !== null && value !== undefined)
        stringData[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    const result = await adapter.send(
      {
        deliveryId: entry.id,
        productId: entry.productId,
        platform: device.platform,
        token: device.token,
        title: rendered.title,
        body: rendered.body,
        data: stringData,
        pushType: definition.pushType,
        priority: definition.priority,
        expiresAt: now + (definition.ttlSeconds ?? 86_400) * 1000,
        collapseId: definition.collapseId,
      },
      signal,
    );
    return { provider: adapter.name, providerMessageId: result.providerMessageId };
  }

  async function onFailure(
    entry: StoredDocument<DeliveryLogDocument>,
    failure: SendError,
    task: Task,
    ctx: TaskContext,
    sealed: SealedSend,
  ): Promise<{ status: DeliveryStatus }> {
    const now = clock.now();
    const error = maskAddressesIn(failure.message).slice(0, 500);
    const attempts = ctx.attempt;
    if (failure.kind === 'unregistered' && entry.deviceId && entry.userId) {
      await repo
        .patchDevice(entry.productId, entry.userId, entry.deviceId, [
          { op: 'set', path: 'active', value: false },
          { op: 'set', path: 'deactivatedAt', value: now },
          { op: 'set', path: 'deactivationReason', value: failure.reason ?? 'unregistered' },
        ])
        .catch(() => undefined);
      deps.logger?.info(
        { deliveryId: entry.id, deviceId: entry.deviceId, reason: failure.reason },
        'push token deactivated',
      );
      return settle(entry, 'failed', { attempts, error, failedAt: now });
    }
    if (failure.kind === 'rejected_recipient' && entry.channel === 'email') {
      const email = normalizeEmail(sealed.to);
      await repo.createSuppression({
        id: suppressionIdFor(email),
        pk: entry.productId,
        productId: entry.productId,
        email,
        reason: 'provider_rejected',
        source: deps.email.name,
        createdAt: now,
      });
      return settle(entry, 'bounced', { attempts, error, bouncedAt: now });
    }
    if (failure.kind !== 'transient' || attempts >= task.maxAttempts) {
      return settle(entry, 'failed', { attempts, error, failedAt: now });
    }
    await repo.patchLog(entry.id, entry.pk, [
      { op: 'set', path: 'attempts', value: attempts },
      { op: 'set', path: 'error', value: error },
    ]);
    if (failure.retryAfterMs !== undefined) throw new RetryAt(failure.retryAfterMs, error);
    throw failure;
  }

  async function handleSendTask(
    task: Task,
    ctx: TaskContext,
  ): Promise<{ status: DeliveryStatus } | undefined> {
    if (!isSendPayload(task.payload)) return undefined;
    const { deliveryId, pk, productId } = task.payload;
    if (productId !== task.productId) return undefined;
    const entry = await repo.readLog(deliveryId, pk);
    // Settled already (a retry after the provider accepted it): never send twice.
    if (!entry) return undefined;
    if (entry.status !== 'queued') return { status: entry.status };
    if (!entry.sealed) return settle(entry, 'failed', { error: 'nothing to send', failedAt: clock.now() });
    let sealed: SealedSend;
    try {
      sealed = JSON.parse(await sealer.open(entry.sealed, entry.id)) as SealedSend;
    } catch {
      return settle(entry, 'failed', { error: 'the queued data cannot be opened', failedAt: clock.now() });
    }
    let outcome: Awaited<ReturnType<typeof sendOne>>;
    try {
      outcome = await sendOne(entry, sealed, ctx.signal);
    } catch (error) {
      if (error instanceof TemplateRenderError)
        return settle(entry, 'failed', {
          attempts: ctx.attempt,
          error: error.message.slice(0, 500),
          failedAt: clock.now(),
        });
      return onFailure(entry, toSendError(error), task, ctx, sealed);
    }
    if ('status' in outcome) {
      const at = clock.now();
      return settle(entry, outcome.status, {
        attempts: ctx.attempt,
        error: outcome.error,
        ...(outcome.status === 'failed' ? { failedAt: at } : {}),
      });
    }
    return settle(entry, 'sent', {
      attempts: ctx.attempt,
      provider: outcome.provider,
      providerMessageId: outcome.providerMessageId ?? null,
      sentAt: clock.now(),
      error: null,
    });
  }

  return { deliver, handleSendTask };
}
