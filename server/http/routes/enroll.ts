import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { SCHEMA_VERSION, type BranchDoc } from '../../../shared/domain/schemas';
import type { EnrolResponse, SessionInfo } from '../../../shared/sync/protocol';
import { deviceLabel, redeemEnrolmentCode } from '../../store/auth';
import { loadBranches } from '../../store/branches';
import { ApiError } from '../../store/errors';
import { publicOrg } from '../../store/org';
import type { Store } from '../../store/store';
import type { Device } from '../../store/device';
import type { EnrolLimiter } from '../enrol-limiter';
import { requireDevice } from '../guards';
import { BODY_LIMITS } from '../input-limits';

const EnrolBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 64, pattern: '\\S', description: 'the enrolment code from `cli enroll` (XXXX-XXXX-XXXX-XXXX)' }) },
  { description: 'an object {"code": "…"} with the enrolment code from `cli enroll`' },
);

async function sessionOf(store: Store, device: Device, label?: string): Promise<SessionInfo> {
  const branches = await loadBranches(store.db);
  const branch: BranchDoc | null = branches.get(device.branch_id)?.doc ?? null;
  return {
    device_id: device.id,
    device_label: label ?? (await deviceLabel(store, device.id)),
    role: device.role,
    branch_id: device.branch_id,
    branch,
    schema_version: SCHEMA_VERSION,
    // Re-read: business rules changed through another process reach desks at their next check.
    org: publicOrg(await store.reloadOrg()),
  };
}

export function enrolRoutes(app: FastifyInstance, store: Store, limiter: EnrolLimiter): void {
  // attachValidation: a malformed body is refused after the limiter counted it, like a wrong code.
  app.post<{ Body: Static<typeof EnrolBody> }>('/api/enroll', { bodyLimit: BODY_LIMITS.enrol, schema: { body: EnrolBody }, attachValidation: true }, async (request) => {
    // Counted before the code is checked, so a concurrent burst cannot outrun the count.
    const admission = await limiter.begin(request.ip);
    if (!admission.ok) {
      const wait = admission.retryAfterSeconds;
      throw new ApiError(429, `too many failed enrolment attempts from this address; try again in ${wait} s`, [], { 'retry-after': String(wait) });
    }
    const { attempt } = admission;
    if (request.validationError !== undefined) {
      await attempt.failed();
      throw request.validationError;
    }
    const code = request.body.code.trim();
    try {
      const { token, device, label } = await redeemEnrolmentCode(store, code);
      await attempt.succeeded();
      request.log.info({ device: device.id, role: device.role, branch: device.branch_id }, 'device enrolled');
      return { token, ...(await sessionOf(store, device, label)) } satisfies EnrolResponse;
    } catch (error) {
      // A wrong code counts; a server failure does not (the reservation is given back).
      if (error instanceof ApiError && error.status === 401) await attempt.failed();
      else await attempt.cancelled();
      throw error;
    }
  });

  app.get('/api/session', async (request) => sessionOf(store, await requireDevice(store, request)));
}
