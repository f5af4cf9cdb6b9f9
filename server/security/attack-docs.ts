/** Fresh, valid documents for the attack suite (unique ids, times near the real now). */
import { randomBytes } from 'node:crypto';
import type { AuditEventDoc, BranchDoc, BranchSettingsDoc, MemberDoc, SegmentDoc, ServiceDoc, StaffDoc } from '../../shared/domain/schemas';
import { defaultWeek } from '../../shared/schedule/staff-hours';
import { effectiveBranchSettings } from '../../shared/insights/branch-settings';
import { criteria } from '../../shared/domain/criteria';
import type { PushCollection, WireDoc } from '../../shared/sync/protocol';
import { bookingDoc, campaignDoc, communicationDoc, customerDoc } from '../test-support/docs';

type Doc = WireDoc<Record<string, unknown>>;

let counter = 0;
export function freshId(prefix: string): string {
  counter += 1;
  return `${prefix}-${randomBytes(3).toString('hex')}-${counter}`;
}

export const soon = (): string => new Date(Date.now() + 86_400_000).toISOString();
export const recently = (): string => new Date(Date.now() - 60_000).toISOString();

const yes = () => ({ granted: true, at: recently() });

/** A customer registered at `branch`, with marketing consent on SMS and a unique phone number. */
export function freshCustomer(branch: string, over: Record<string, unknown> = {}): Doc {
  const digits = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  return customerDoc({
    id: freshId('cu'),
    name: 'Attack Target',
    phone: `+1212${digits.slice(0, 7)}`,
    opted_in_marketing: true,
    preferred_contact: 'sms',
    consent: { sms: yes(), email: { granted: false, at: '' }, push: { granted: false, at: '' } },
    registered_branch_id: branch,
    home_branch_id: branch,
    ...over,
  }) as unknown as Doc;
}

/** A new document of `collection` naming `branch`; `customer` is a customer linked to that branch. */
export function freshDoc(collection: PushCollection, branch: string, customer: string): Doc {
  switch (collection) {
    case 'branches': {
      // a branch that does not exist yet (branches are created only by the server's CLI)
      const b: WireDoc<BranchDoc> = { id: freshId('br'), name: `New branch next to ${branch}`, timezone: 'UTC', active_days: null, at_risk_days: null, country: '', updated_at: '', _deleted: false };
      return b as unknown as Doc;
    }
    case 'customers':
      return freshCustomer(branch);
    case 'bookings':
      return bookingDoc({ id: freshId('bk'), customer_id: customer, branch_id: branch, start_at: soon() }) as unknown as Doc;
    case 'communications':
      return communicationDoc({ id: freshId('cm'), customer_id: customer, branch_id: branch, status: 'logged', purpose: 'follow-up', at: recently() }) as unknown as Doc;
    case 'campaigns':
      return campaignDoc({ id: freshId('cp'), branch_id: branch }) as unknown as Doc;
    case 'segments': {
      const s: WireDoc<SegmentDoc> = { id: freshId('sg'), branch_id: branch, name: 'Regulars', criteria: criteria({ statuses: ['active'] }), created_at: '', updated_at: '', _deleted: false };
      return s as unknown as Doc;
    }
    case 'branch_settings': {
      const s: WireDoc<BranchSettingsDoc> = { ...effectiveBranchSettings(branch, null), _deleted: false };
      return s as unknown as Doc;
    }
    case 'services': {
      const s: WireDoc<ServiceDoc> = { id: freshId('sv'), branch_id: branch, name: 'Haircut', category: 'Hair', duration_min: 30, price: 2500, price_max: null, active: true, created_at: recently(), updated_at: '', _deleted: false };
      return s as unknown as Doc;
    }
    case 'staff': {
      const s: WireDoc<StaffDoc> = { id: freshId('st'), branch_id: branch, name: 'Ana', active: true, week: defaultWeek(), days_off: [], created_at: recently(), updated_at: '', _deleted: false };
      return s as unknown as Doc;
    }
    case 'members': {
      const s: WireDoc<MemberDoc> = { id: freshId('mb'), branch_id: branch, name: 'Ana', role: 'front_desk', active: true, passcode: ATTACK_PASSCODE, created_at: recently(), updated_at: '', _deleted: false };
      return s as unknown as Doc;
    }
    case 'audit_events': {
      const s: WireDoc<AuditEventDoc> = { id: freshId('au'), branch_id: branch, at: recently(), action: 'check_in', subject: 'booking', subject_id: freshId('bk'), summary: 'Checked in', member_id: 'mb-1', member_name: 'Ana', approved_by: '', approved_by_name: '', _deleted: false };
      return s as unknown as Doc;
    }
  }
}

/** A well-formed stored passcode (the attack suite never derives one: the shape is what the server checks). */
export const ATTACK_PASSCODE: MemberDoc['passcode'] = { kdf: 'PBKDF2-SHA256', iterations: 600_000, salt: 'AAECAwQFBgcICQoLDA0ODw==', hash: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=' };

/** The same document with one harmless field changed (an edit). */
export function edited(collection: PushCollection, doc: Doc): Doc {
  const field: Record<PushCollection, string> = {
    branches: 'name',
    customers: 'notes',
    bookings: 'notes',
    communications: 'message',
    campaigns: 'name',
    segments: 'name',
    branch_settings: 'offer',
    services: 'name',
    staff: 'name',
    members: 'name',
    audit_events: 'summary',
  };
  return { ...doc, [field[collection]]: `edited ${freshId('x')}` };
}
