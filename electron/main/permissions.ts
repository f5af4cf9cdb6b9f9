import type { Session } from 'electron';

/**
 * Branchdesk needs no browser permission (camera, geolocation, notifications go through the
 * bridge, ...): every request and every check is denied, and no device may be granted.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
