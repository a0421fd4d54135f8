/**
 * The `session.new_device` event: a user signed in from a device (or browser) not seen on any of
 * their stored sessions. The sessions module adds it to the catalog; delivery turns it into an
 * email ("a new sign-in to your account"). Its payload comes from the new session.
 */
import { defineEvent, type EmitContext } from '@groundwork/events';
import { z } from 'zod';
import { PLATFORMS, type Session } from './session.js';

export const NEW_DEVICE_EVENT_TYPE = 'session.new_device';

export const newDevicePayloadSchema = z.strictObject({
  userId: z.string().min(1).max(200),
  sessionId: z.string().min(1).max(200),
  platform: z.enum(PLATFORMS).optional(),
  deviceId: z.string().min(1).max(200).optional(),
  deviceName: z.string().min(1).max(200).optional(),
  ip: z.string().min(1).max(100).optional(),
  userAgent: z.string().min(1).max(512).optional(),
  firstSession: z
    .boolean()
    .describe('True when the user had no stored session in this product at all (e.g. right after sign-up).'),
});
export type NewDevicePayload = z.infer<typeof newDevicePayloadSchema>;

declare module '@groundwork/events' {
  interface EventPayloads {
    'session.new_device': NewDevicePayload;
  }
}

export const newDeviceEvent = defineEvent({
  type: NEW_DEVICE_EVENT_TYPE,
  version: 1,
  description: 'A user signed in from a device (or browser and platform) none of their stored sessions used.',
  payload: newDevicePayloadSchema,
});

/** What the new-device callback is told beside the session. */
export interface NewDeviceInfo {
  /** The user had no stored session in this product before this one. */
  firstSession: boolean;
}

export function newDevicePayload(session: Session, info: NewDeviceInfo): NewDevicePayload {
  return {
    userId: session.userId,
    sessionId: session.id,
    ...(session.platform === null ? {} : { platform: session.platform }),
    ...(session.deviceId === null ? {} : { deviceId: session.deviceId }),
    ...(session.deviceName ? { deviceName: session.deviceName } : {}),
    ...(session.ip ? { ip: session.ip } : {}),
    ...(session.userAgent ? { userAgent: session.userAgent } : {}),
    firstSession: info.firstSession,
  };
}

/** The emit context: the user did it, in the session's product. */
export function newDeviceContext(session: Session): EmitContext {
  return { productId: session.productId, actor: { type: 'user', id: session.userId } };
}
