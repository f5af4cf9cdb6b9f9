import type { FastifyRequest } from 'fastify';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import { SCHEMA_HEADER, type Role } from '../../shared/sync/protocol';
import { authenticate } from '../store/auth';
import { ApiError } from '../store/errors';
import type { Store } from '../store/store';
import type { Device } from '../store/device';

/** Devices already authenticated for a request (by the `onRequest` hook, before its body was read). */
const authenticated = new WeakMap<FastifyRequest, Device>();

/** The device of the request's `Authorization: Bearer` token (looked up once per request); 401 otherwise. */
async function deviceOf(store: Store, request: FastifyRequest): Promise<Device> {
  const known = authenticated.get(request);
  if (known !== undefined) return known;
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (match === null) throw new ApiError(401, 'missing device token: send "Authorization: Bearer <token>"', [], { 'www-authenticate': 'Bearer' });
  const device = await authenticate(store, match[1] as string);
  if (device === null) throw new ApiError(401, 'unknown or revoked device token; enrol this device again', [], { 'www-authenticate': 'Bearer' });
  authenticated.set(request, device);
  return device;
}

/** The device of the request's `Authorization: Bearer` token; 401 otherwise, 403 for a role not listed. */
export async function requireDevice(store: Store, request: FastifyRequest, roles?: readonly Role[]): Promise<Device> {
  const device = await deviceOf(store, request);
  if (roles !== undefined && !roles.includes(device.role)) {
    throw new ApiError(403, `a ${device.role} device may not use this endpoint (allowed: ${roles.join(', ')})`);
  }
  return device;
}

/**
 * The desk's schema version (header, or `?schema=` for EventSource). An outdated desk gets 426
 * with a clear message; a desk newer than the server gets 400 asking to update the server.
 */
export function checkSchemaVersion(request: FastifyRequest, serverVersion: number = SCHEMA_VERSION): void {
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.schema;
  const raw = request.headers[SCHEMA_HEADER] ?? (typeof fromQuery === 'string' ? fromQuery : undefined);
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || !/^\d+$/.test(text)) {
    throw new ApiError(400, `send the desk's schema version in the ${SCHEMA_HEADER} header (the server is at ${serverVersion})`);
  }
  const version = Number(text);
  if (version < serverVersion) {
    throw new ApiError(426, `this desk's data schema (version ${version}) is older than the server's (version ${serverVersion}): update Branchdesk on this desk, then sync again`);
  }
  if (version > serverVersion) {
    throw new ApiError(400, `this desk's data schema (version ${version}) is newer than the server's (version ${serverVersion}): update the server`);
  }
}

/**
 * A route's `preValidation` hook: the device (401, 403 for a role not allowed), then the desk's
 * schema version when the route is a sync route — both before any path, query or body input is
 * checked, so a stranger learns nothing from the answer. `device` may name another way to know
 * the device (the live stream's one-time ticket); handlers then read it with `requireDevice`.
 */
export function deviceFirst(
  store: Store,
  options: { schemaVersion?: number; authorize?: (device: Device) => unknown; device?: (request: FastifyRequest) => Promise<Device> } = {},
): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const device = options.device === undefined ? await requireDevice(store, request) : await options.device(request);
    authenticated.set(request, device);
    options.authorize?.(device);
    if (options.schemaVersion !== undefined) checkSchemaVersion(request, options.schemaVersion);
  };
}
