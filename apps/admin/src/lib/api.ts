/**
 * The console's one API client: the platform's typed client over a cookie session (the refresh
 * token is an httpOnly cookie; the access token lives in this module's memory only).
 */
import {
  ApiError,
  createCookieSession,
  createGroundworkClient,
  type ResponseBody,
  unwrap,
} from '@groundwork/client';

export const session = createCookieSession();

type Listener = () => void;
const endedListeners = new Set<Listener>();

/** Subscribe to "the session is over" (a renewal failed): the app goes back to sign-in. */
export function onSessionEnded(listener: Listener): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

export const client = createGroundworkClient({
  session,
  onSessionEnded: () => {
    for (const listener of endedListeners) listener();
  },
});

export const api = client.api;
export type { ResponseBody };
export { ApiError, unwrap };

/** A short, human message for any error (ApiError or not). */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const text = error.detail ?? error.title;
    // Validation failures list each field: say which ones (a console form has several).
    const fields = (error.errors ?? [])
      .slice(0, 5)
      .map((field) => (field.path ? `${field.path}: ${field.message}` : field.message));
    return fields.length > 0 ? `${text} (${fields.join('; ')})` : text;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

let resuming: Promise<boolean> | undefined;
/** After a page load: a new access token from the session cookie (asked once, however often called). */
export function resumeSession(): Promise<boolean> {
  resuming ??= session.resume().finally(() => {
    resuming = undefined;
  });
  return resuming;
}

export type { RequestBody } from '@groundwork/client';
