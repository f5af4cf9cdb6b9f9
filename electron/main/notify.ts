import { Notification } from 'electron';
import type { NotifyRequest } from '../../shared/ipc';

/** Shows an OS notification; false when the OS has none (e.g. no notification daemon on Linux). */
export function showNotification(request: NotifyRequest): boolean {
  if (!Notification.isSupported()) return false;
  new Notification({ title: request.title, body: request.body }).show();
  return true;
}
