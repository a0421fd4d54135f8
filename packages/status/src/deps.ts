/** What every part of the status service shares, and the document → API views. */

import { ValidationError } from '@groundwork/errors';
import type { OutboundPolicy, Resolver } from '@groundwork/outbound';
import type { Clock, DocumentStore, StoredDocument } from '@groundwork/store';
import {
  COMPONENTS_CONTAINER,
  type ComponentDocument,
  type IncidentDocument,
  type MaintenanceDocument,
} from './containers.js';
import { phaseAt } from './overall.js';
import type {
  AdminContext,
  OnMaintenanceWindow,
  StatusAuditRecord,
  StatusAuditSink,
  StatusEventEmitter,
} from './ports.js';
import type { Component, Incident, MaintenanceWindow } from './schemas.js';

export interface StatusLogger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface StatusDeps {
  store: DocumentStore;
  clock: Clock;
  events?: StatusEventEmitter | undefined;
  audit?: StatusAuditSink | undefined;
  onMaintenanceWindow?: OnMaintenanceWindow | undefined;
  logger?: StatusLogger | undefined;
  /** The policy admin-supplied check URLs must pass (default: https, public addresses only). */
  checkPolicy?: OutboundPolicy | undefined;
  /** Replaces DNS for the check-URL validation (tests). */
  resolver?: Resolver | undefined;
}

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** Records an admin action when an audit sink is configured. */
export async function recordAudit(
  deps: StatusDeps,
  context: AdminContext,
  record: Omit<StatusAuditRecord, 'productId' | 'actor' | 'ip' | 'userAgent' | 'requestId'>,
): Promise<void> {
  if (!deps.audit) return;
  await deps.audit({
    productId: context.productId,
    actor: context.actor,
    ...record,
    ...(context.ip ? { ip: context.ip } : {}),
    ...(context.userAgent ? { userAgent: context.userAgent } : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
  });
}

export function toComponent(doc: StoredDocument<ComponentDocument>): Component {
  return {
    id: doc.id,
    productId: doc.productId,
    name: doc.name,
    ...(doc.description ? { description: doc.description } : {}),
    order: doc.order,
    source: doc.source,
    ...(doc.check ? { check: doc.check } : {}),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toIncident(doc: StoredDocument<IncidentDocument>): Incident {
  return {
    id: doc.id,
    productId: doc.productId,
    title: doc.title,
    impact: doc.impact,
    status: doc.status,
    components: doc.components,
    updates: doc.updates,
    startedAt: doc.startedAt,
    ...(doc.resolvedAt ? { resolvedAt: doc.resolvedAt } : {}),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** With `nowMs`, the phase is the one the clock says (see `phaseAt`); else the stored one. */
export function toMaintenance(doc: StoredDocument<MaintenanceDocument>, nowMs?: number): MaintenanceWindow {
  return {
    id: doc.id,
    productId: doc.productId,
    title: doc.title,
    ...(doc.description ? { description: doc.description } : {}),
    components: doc.components,
    startsAt: doc.startsAt,
    endsAt: doc.endsAt,
    phase: nowMs === undefined ? doc.phase : phaseAt(doc, nowMs),
    maintenanceMode: doc.maintenanceMode,
    ...(doc.startedAt ? { startedAt: doc.startedAt } : {}),
    ...(doc.completedAt ? { completedAt: doc.completedAt } : {}),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** Collects every page of a query (bounded: at most `maxPages` pages). */
export async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>,
  maxPages = 100,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await fetchPage(cursor);
    all.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return all;
}

/** Every id must name a component of the product (else a 400 listing each unknown one). */
export async function assertComponentsExist(
  deps: StatusDeps,
  productId: string,
  ids: readonly string[] | undefined,
): Promise<void> {
  if (!ids || ids.length === 0) return;
  const container = deps.store.container<ComponentDocument>(COMPONENTS_CONTAINER);
  const found = await Promise.all(ids.map((id) => container.read(id, productId)));
  const issues = ids
    .map((id, i) => ({ id, i }))
    .filter(({ i }) => found[i] === undefined)
    .map(({ id, i }) => ({
      path: `components.${i}`,
      message: `no component "${id}"`,
      code: 'unknown_component',
    }));
  if (issues.length > 0) throw new ValidationError(issues, 'Unknown components.');
}
