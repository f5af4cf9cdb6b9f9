/** Measurement page (bench/desk-sync/push.ts drives it): `window.deskPush` runs measurePush in Chromium. */
import { measurePush } from '../measure-push';

declare global {
  interface Window {
    deskPush: { measurePush: typeof measurePush };
  }
}

window.deskPush = { measurePush };
document.documentElement.dataset.ready = 'true';
