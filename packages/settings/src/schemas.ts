/** Zod schemas of the settings capability (settings, kill switch, maintenance): types and OpenAPI. */

import { parseRange } from '@groundwork/ratelimit';
import { z } from 'zod';

export const MAINTENANCE_MODES = ['off', 'read_only', 'maintenance', 'emergency'] as const;
export const maintenanceModeSchema = z
  .enum(MAINTENANCE_MODES)
  .describe(
    '`off`; `read_only` (only GET/HEAD/OPTIONS pass, writes get 503 `read_only`); `maintenance` (everything 503 `maintenance` but health, status and bypass); `emergency` (maintenance + kill switch on).',
  );
export type MaintenanceMode = z.infer<typeof maintenanceModeSchema>;

export const productIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'letters, digits, _ and -, at most 100');

const cidrSchema = z
  .string()
  .max(64)
  .refine((text) => parseRange(text) !== undefined, 'must be an IPv4/IPv6 address or CIDR range');

const isoSchema = z.iso.datetime({ offset: true });

/** The seed's `MaintenanceConfig` (§2.10), one per product, in the `settings` container. */
export const maintenanceConfigSchema = z.object({
  mode: maintenanceModeSchema,
  message: z.string().describe('Shown to users (and in every 503).'),
  adminMessage: z.string().optional().describe('Shown to admins.'),
  bypassRoles: z.array(z.string()).describe('Principals holding one of these roles pass (e.g. `admin`).'),
  bypassIPs: z.array(z.string()).describe('Addresses or CIDR ranges that pass.'),
  scheduledStart: z.string().optional().describe('ISO-8601: planned start (informative).'),
  scheduledEnd: z.string().optional().describe('ISO-8601: planned end; drives `Retry-After`.'),
  affectedServices: z
    .array(z.string())
    .describe('Service names the mode applies to (`["*"]` = every service).'),
  updatedAt: z.string(),
  updatedBy: z.string(),
  windowId: z.string().optional().describe('The scheduled window that set this mode, if one did.'),
});
export type MaintenanceConfig = z.infer<typeof maintenanceConfigSchema>;

/** What `PUT /settings/maintenance` and `setMaintenance` take: omitted fields keep their values. */
export const maintenanceUpdateSchema = z
  .object({
    mode: maintenanceModeSchema.optional(),
    message: z.string().max(2_000).optional(),
    adminMessage: z.string().max(2_000).nullable().optional().describe('`null` clears it.'),
    bypassRoles: z.array(z.string().min(1).max(100)).max(20).optional(),
    bypassIPs: z.array(cidrSchema).max(200).optional(),
    scheduledStart: isoSchema.nullable().optional(),
    scheduledEnd: isoSchema.nullable().optional(),
    affectedServices: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
  })
  .strict();
export type MaintenanceUpdate = z.infer<typeof maintenanceUpdateSchema>;

export const publicMaintenanceSchema = z.object({
  productId: z.string(),
  mode: maintenanceModeSchema.describe('The effective mode (the `MAINTENANCE_MODE` override applied).'),
  message: z.string(),
  scheduledStart: z.string().optional(),
  scheduledEnd: z.string().optional(),
  affectedServices: z.array(z.string()),
  updatedAt: z.string().optional(),
  nextWindow: z
    .object({
      id: z.string(),
      startAt: z.string(),
      endAt: z.string(),
      mode: maintenanceModeSchema,
      message: z.string(),
    })
    .optional()
    .describe('The next scheduled window, if any.'),
});

export const adminMaintenanceSchema = maintenanceConfigSchema.extend({
  productId: z.string(),
  effectiveMode: maintenanceModeSchema,
  source: z.enum(['stored', 'env']).describe('`env` when `MAINTENANCE_MODE` overrides the stored mode.'),
  envBypassIPs: z.array(z.string()).describe('`MAINTENANCE_BYPASS_IPS` (added to `bypassIPs`).'),
});

export const WINDOW_STATES = ['scheduled', 'active', 'done', 'cancelled'] as const;
export const maintenanceWindowSchema = z.object({
  id: z.string(),
  productId: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  mode: maintenanceModeSchema,
  message: z.string(),
  adminMessage: z.string().optional(),
  state: z.enum(WINDOW_STATES),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

export const createWindowSchema = z
  .object({
    startAt: isoSchema,
    endAt: isoSchema,
    mode: z.enum(['read_only', 'maintenance', 'emergency']).default('maintenance'),
    message: z.string().trim().min(1).max(2_000),
    adminMessage: z.string().max(2_000).optional(),
  })
  .strict()
  .refine((input) => Date.parse(input.endAt) > Date.parse(input.startAt), {
    message: 'endAt must be after startAt',
    path: ['endAt'],
  });
export type CreateWindowInput = z.infer<typeof createWindowSchema>;
/** What `scheduleWindow` takes (`mode` defaults to `maintenance`). */
export type CreateWindowRequest = z.input<typeof createWindowSchema>;

export const scheduleSchema = z.object({ items: z.array(maintenanceWindowSchema) });

export const killSwitchSchema = z.object({
  productId: z.string(),
  enabled: z.boolean().describe('True: clients must disable themselves.'),
  reason: z
    .enum(['kill_switch', 'emergency'])
    .nullable()
    .describe('`kill_switch` (toggled by an admin) or `emergency` (maintenance mode `emergency`).'),
  message: z.string(),
  updatedAt: z.string().optional(),
});
export type KillSwitchView = z.infer<typeof killSwitchSchema>;

export const putKillSwitchSchema = z
  .object({ enabled: z.boolean(), message: z.string().max(2_000).optional() })
  .strict();

export const publicProductQuerySchema = z.object({
  productId: productIdSchema.optional().describe('The product (default: the service’s own).'),
});

export const SETTING_KEY = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;
export const settingKeySchema = z
  .string()
  .regex(SETTING_KEY, 'a letter, then letters, digits, . _ - (max 64)');
export const deviceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'letters, digits, . _ : - (max 128)');

export const settingsDocumentSchema = z.object({
  values: z
    .record(z.string(), z.unknown())
    .describe('Key → value; registered keys have their defaults filled in.'),
  updatedAt: z.string().optional(),
});
export const settingSchema = z.object({ key: z.string(), value: z.unknown() });
export const putSettingSchema = z.object({ value: z.unknown() }).strict();
