import type { NotifyRequest } from '../../../shared/ipc';

/** The Web Notification API surface used here (window.Notification has it). */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  new (title: string, options: { body: string }): unknown;
}

/**
 * Shows a Web Notification when the page already has permission; otherwise does nothing and
 * resolves false (asking for permission is the app's decision, made on a user gesture).
 */
export function showWebNotification(api: NotificationApi | undefined, request: NotifyRequest): boolean {
  if (api === undefined || api.permission !== 'granted') return false;
  try {
    new api(request.title, { body: request.body });
    return true;
  } catch {
    // Some browsers (Chrome on Android) only allow notifications from a service worker.
    return false;
  }
}
