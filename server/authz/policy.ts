/**
 * The server side of the authorisation model: the table itself lives in shared/authz/policy.ts
 * (the desk reads the same rows to show only what its role may do); here every read and write
 * path asks `authorize` (or `readBranch` for scoped reads) instead of checking roles itself.
 */
import type { Role } from '../../shared/sync/protocol';
import { ApiError } from '../store/errors';
import type { Device } from '../store/device';
import { ruleOf, type Operation, type Resource, type ScopeRule } from '../../shared/authz/policy';

export { OPERATIONS, POLICY, RESOURCES, ROLES, policyEntries, ruleOf, type Operation, type Resource, type ScopeRule } from '../../shared/authz/policy';

const OPERATION_WORDS: Record<Operation, string> = {
  read: 'read',
  create: 'create',
  update: 'change',
  delete: 'delete',
  erase: 'erase',
  lookup: 'look up',
  export: 'export',
  consent_history: 'read the consent history of',
  send: 'send',
  queue_marketing: 'queue marketing messages in',
  queue_transactional: 'queue messages in',
  correct: 'correct finished visits in',
  series: 'change the recurring series of',
  pay: 'record payments in',
  write: 'change',
};

export function deniedMessage(role: Role, resource: Resource, operation: Operation): string {
  return `a ${role} device may not ${OPERATION_WORDS[operation]} ${resource.replace('_', ' ')}`;
}

/**
 * The rule for the device, or 403 naming the role, resource and operation when it is `deny`.
 * A branch rule on a device without a branch is a deny too.
 */
export function authorize(device: Device, resource: Resource, operation: Operation): Exclude<ScopeRule, 'deny'> {
  const rule = allowedRule(device, resource, operation);
  if (rule === null) throw new ApiError(403, deniedMessage(device.role, resource, operation));
  return rule;
}

function allowedRule(device: Device, resource: Resource, operation: Operation): Exclude<ScopeRule, 'deny'> | null {
  const rule = ruleOf(device.role, resource, operation);
  return rule === 'deny' || ((rule === 'branch' || rule === 'linked') && device.branch_id === '') ? null : rule;
}

/**
 * A push's first check, before any row is read: the device may write `resource` at all, by
 * creating or by changing documents (an append-only resource such as audit_events is only
 * created). Which of the two each row is, and its scope, is decided per row in the transaction
 * (server/authz/push-authz.ts). 403 naming the change otherwise.
 */
export function authorizePushRole(device: Device, resource: Resource): void {
  if (allowedRule(device, resource, 'update') === null && allowedRule(device, resource, 'create') === null) {
    throw new ApiError(403, deniedMessage(device.role, resource, 'update'));
  }
}

/**
 * The branch a device's reads of `resource` are limited to, or null for every branch.
 * Throws 403 when the device may not read the resource at all.
 */
export function readBranch(device: Device, resource: Resource): string | null {
  const rule = authorize(device, resource, 'read');
  return rule === 'all' ? null : device.branch_id;
}
