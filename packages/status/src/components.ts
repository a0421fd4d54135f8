/**
 * Components: admin CRUD (audited; their checks are user-supplied and obey the outbound address
 * policy) and the operator's components, registered by the monitoring service from its own
 * configuration (trusted targets, never through the API).
 */
import { ConflictError, NotFoundError } from '@groundwork/errors';
import { checkUrl } from '@groundwork/outbound';
import type { StoredDocument } from '@groundwork/store';
import { z } from 'zod';
import { readModifyWrite } from './concurrency.js';
import { COMPONENTS_CONTAINER, type ComponentDocument } from './containers.js';
import { allPages, isoOf, recordAudit, type StatusDeps, toComponent } from './deps.js';
import type { AdminContext } from './ports.js';
import {
  type Component,
  type CreateComponentInput,
  checkSchema,
  componentIdSchema,
  createComponentBodySchema,
  type OperatorComponentInput,
  type UpdateComponentInput,
  updateComponentBodySchema,
} from './schemas.js';

export interface ComponentService {
  list(productId: string): Promise<Component[]>;
  get(productId: string, id: string): Promise<Component>;
  create(context: AdminContext, input: CreateComponentInput): Promise<Component>;
  update(context: AdminContext, id: string, input: UpdateComponentInput): Promise<Component>;
  remove(context: AdminContext, id: string): Promise<void>;
  /**
   * Creates the operator's components, or sets the operator's (trusted) check on existing ones,
   * keeping their name, description and order. With `prune`, operator components the list no
   * longer names are deleted. Not audited: configuration, not an admin action.
   */
  registerOperatorComponents(
    productId: string,
    components: readonly OperatorComponentInput[],
    options?: { prune?: boolean },
  ): Promise<Component[]>;
}

const operatorComponentSchema = z.strictObject({
  id: componentIdSchema,
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).optional(),
  order: z.number().int().min(0).max(10_000).default(0),
  check: checkSchema.optional(),
});

function notFound(id: string): NotFoundError {
  return new NotFoundError(`No component "${id}".`, 'component_not_found');
}

export function createComponentService(deps: StatusDeps): ComponentService {
  const container = () => deps.store.container<ComponentDocument>(COMPONENTS_CONTAINER);
  const now = () => isoOf(deps.clock.now());

  /**
   * An admin-supplied URL must pass the outbound address policy now (422 `outbound_*`), so a
   * private or loopback target is refused when it is entered; the poller checks again at connect time.
   */
  async function assertAllowedCheck(url: string | undefined): Promise<void> {
    if (url === undefined) return;
    await checkUrl(url, deps.checkPolicy ?? {}, deps.resolver ? { resolver: deps.resolver } : {});
  }

  async function read(productId: string, id: string): Promise<StoredDocument<ComponentDocument>> {
    const doc = await container().read(id, productId);
    if (!doc) throw notFound(id);
    return doc;
  }

  return {
    async list(productId) {
      const docs = await allPages((cursor) =>
        container().query({
          pk: productId,
          orderBy: [{ field: 'order' }],
          limit: 1_000,
          ...(cursor ? { cursor } : {}),
        }),
      );
      return docs.map(toComponent);
    },

    async get(productId, id) {
      return toComponent(await read(productId, id));
    },

    async create(context, input) {
      const body = createComponentBodySchema.parse(input);
      await assertAllowedCheck(body.check?.url);
      const at = now();
      try {
        const doc = await container().create({
          id: body.id,
          pk: context.productId,
          productId: context.productId,
          name: body.name,
          ...(body.description ? { description: body.description } : {}),
          order: body.order,
          source: 'admin',
          ...(body.check ? { check: body.check } : {}),
          createdAt: at,
          updatedAt: at,
        });
        const component = toComponent(doc);
        await recordAudit(deps, context, {
          action: 'status.component_created',
          target: { type: 'status_component', id: component.id },
          summary: { after: { ...component } },
        });
        return component;
      } catch (error) {
        if (error instanceof ConflictError)
          throw new ConflictError(`Component "${body.id}" already exists.`, 'component_exists');
        throw error;
      }
    },

    async update(context, id, input) {
      const body = updateComponentBodySchema.parse(input);
      await assertAllowedCheck(body.check?.url);
      let before: Component | undefined;
      const doc = await readModifyWrite(container(), id, context.productId, (current) => {
        if (!current) throw notFound(id);
        before = toComponent(current);
        const next: ComponentDocument & { id: string; pk: string } = {
          ...current,
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.order !== undefined ? { order: body.order } : {}),
          updatedAt: now(),
        };
        if (body.description === null) delete next.description;
        else if (body.description !== undefined) next.description = body.description;
        if (body.check === null) delete next.check;
        else if (body.check !== undefined) {
          next.check = body.check;
          // A check set through the API is user-supplied: it obeys the outbound address policy.
          next.source = 'admin';
        }
        return next;
      });
      const component = toComponent(doc as StoredDocument<ComponentDocument>);
      await recordAudit(deps, context, {
        action: 'status.component_updated',
        target: { type: 'status_component', id },
        summary: { ...(before ? { before: { ...before } } : {}), after: { ...component } },
      });
      return component;
    },

    async remove(context, id) {
      const before = toComponent(await read(context.productId, id));
      await container().delete(id, context.productId);
      await recordAudit(deps, context, {
        action: 'status.component_deleted',
        target: { type: 'status_component', id },
        summary: { before: { ...before } },
      });
    },

    async registerOperatorComponents(productId, components, options = {}) {
      const registered: Component[] = [];
      if (options.prune) {
        // The operator's configuration is the truth for operator components: one it no longer
        // lists leaves the page (its rollups stay until they expire).
        const wanted = new Set(components.map((c) => c.id));
        const existing = await allPages((cursor) =>
          container().query({
            pk: productId,
            where: { field: 'source', op: 'eq', value: 'operator' },
            limit: 1_000,
            ...(cursor ? { cursor } : {}),
          }),
        );
        for (const doc of existing) {
          if (!wanted.has(doc.id))
            await container()
              .delete(doc.id, productId, { ifMatch: doc.etag })
              .catch(() => undefined);
        }
      }
      for (const input of components) {
        const body = operatorComponentSchema.parse(input);
        const at = now();
        const doc = await readModifyWrite(container(), body.id, productId, (current) => {
          // The operator owns the check; an existing component keeps the name, description and
          // order an admin may have given it.
          const next = current
            ? {
                ...current,
                source: 'operator' as const,
                ...(body.check ? { check: body.check } : {}),
                updatedAt: at,
              }
            : {
                id: body.id,
                pk: productId,
                productId,
                name: body.name,
                ...(body.description ? { description: body.description } : {}),
                order: body.order,
                source: 'operator' as const,
                ...(body.check ? { check: body.check } : {}),
                createdAt: at,
                updatedAt: at,
              };
          if (!body.check && current) delete (next as Partial<ComponentDocument>).check;
          if (
            current &&
            current.source === 'operator' &&
            JSON.stringify(current.check ?? null) === JSON.stringify(body.check ?? null)
          )
            return undefined;
          return next;
        });
        registered.push(toComponent(doc as StoredDocument<ComponentDocument>));
      }
      return registered;
    },
  };
}
