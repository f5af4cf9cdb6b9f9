/**
 * The branch's service menu and staff (synced `services` and `staff` collections): live lists for
 * the screens, and the writes of the Settings forms (a new document, or only what the form
 * changed over the document as it is now — `saveChange`).
 */
import { useEffect, useState } from 'react';
import type { MemberDoc, ServiceDoc, StaffDoc } from '../../../shared/domain/schemas';
import { menuOrder } from '../../../shared/schedule/services';
import { compareCodePoints } from '../../../shared/util/compare';
import { formatInstant } from '../../../shared/time/instant';
import { useDesk } from './hooks';
import type { Replica } from './replica';
import { saveChange } from './save-change';

/** A live list of one branch's documents of a branch-scoped collection; null while loading. */
export function useBranchDocs<T>(collection: 'services' | 'staff' | 'members' | 'audit_events', branchId: string): T[] | null {
  const desk = useDesk();
  const [state, setState] = useState<{ key: string; docs: T[] } | null>(null);
  const key = `${collection}:${branchId}`;
  useEffect(() => {
    const query = (desk.db[collection] as unknown as Replica['services']).find({ selector: { branch_id: branchId } });
    const subscription = query.$.subscribe((docs) => setState({ key, docs: docs.map((d) => d.toJSON() as unknown as T) }));
    return () => subscription.unsubscribe();
  }, [desk, collection, branchId, key]);
  return state !== null && state.key === key ? state.docs : null;
}

/** The branch's services in menu order (retired last); null while loading. */
export function useServices(branchId: string): ServiceDoc[] | null {
  const docs = useBranchDocs<ServiceDoc>('services', branchId);
  return docs === null ? null : menuOrder(docs);
}

function staffOrder(docs: readonly StaffDoc[]): StaffDoc[] {
  return [...docs].sort((a, b) => Number(b.active) - Number(a.active) || compareCodePoints(a.name.toLocaleLowerCase('en'), b.name.toLocaleLowerCase('en')));
}

/** The branch's staff, active first, by name; null while loading. */
export function useStaff(branchId: string): StaffDoc[] | null {
  const docs = useBranchDocs<StaffDoc>('staff', branchId);
  return docs === null ? null : staffOrder(docs);
}

/**
 * The branch's staff with their hours as stored now, for a check made at the moment of saving
 * (a live list may still be loading then: checked against it, a booking outside hours passed
 * unflagged on the first submit and was flagged on the second).
 */
export async function readStaff(db: Replica, branchId: string): Promise<StaffDoc[]> {
  const docs = await db.staff.find({ selector: { branch_id: branchId } }).exec();
  return staffOrder(docs.map((d) => d.toJSON() as unknown as StaffDoc));
}

/** Stores a new service or staff member (`base` null), or what the form changed of `base`. */
export async function saveMenuDoc<T extends ServiceDoc | StaffDoc | MemberDoc>(db: Replica, collection: 'services' | 'staff' | 'members', base: T | null, mine: T, nowMs: number): Promise<void> {
  const at = formatInstant(nowMs);
  if (base === null) {
    await saveChange(db, collection, mine, { ...mine, created_at: at, updated_at: at }, { missing: 'insert' });
    return;
  }
  const same = JSON.stringify({ ...mine, updated_at: '' }) === JSON.stringify({ ...base, updated_at: '' });
  if (same) return;
  await saveChange(db, collection, base, { ...mine, updated_at: at });
}

export function newServiceId(): string {
  return `sv-${crypto.randomUUID()}`;
}

export function newStaffId(): string {
  return `st-${crypto.randomUUID()}`;
}
