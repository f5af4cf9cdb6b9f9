import type { IpcMainInvokeEvent } from 'electron';
import { isSameOrigin } from './app-origin';

/** True when the call comes from a top-level frame showing the app's own origin. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appOrigin: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isSameOrigin(frame.url, appOrigin);
}
