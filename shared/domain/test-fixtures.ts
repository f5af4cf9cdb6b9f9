/** The one valid customer document that tests start from (desk, server and shared tests), with overrides. Not used by the app. */
import type { CustomerDoc } from './schemas';

export function customerFixture(over: Partial<CustomerDoc> = {}): CustomerDoc {
  return {
    id: 'cu-1',
    name: 'Maria Santos',
    phone: '+639171234567',
    email: 'maria@example.com',
    birthday: '',
    opted_in_marketing: false,
    preferred_contact: 'none',
    consent: { sms: { granted: false, at: '' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } },
    tags: [],
    notes: '',
    preferences: '',
    preferred_staff: '',
    allergies: '',
    home_branch_id: '',
    registered_branch_id: '',
    referred_by: '',
    follow_up_date: '',
    created_at: '',
    updated_at: '',
    erased_at: '',
    ...over,
  };
}
