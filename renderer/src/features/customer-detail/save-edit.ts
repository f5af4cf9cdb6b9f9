import type { CustomerDoc } from '../../../../shared/domain/schemas';
import type { AppliedEdit } from '../../../../shared/sync/apply-edit';
import { saveCustomerChange } from '../../data/customers';
import type { Replica } from '../../data/replica';
import { errorMessage, toast } from '../../ui/toasts';
import { overlapNotice } from '../customers/model';
import type { Edit } from './profile-edits';

/**
 * Stores a profile edit as a three-way change (only what it changed, over the customer as it is
 * now) and says how it went, including what had changed on another desk meanwhile; resolves to
 * the problem ('' when saved) so a form can show it next to its field.
 */
export async function saveEdit(db: Replica, edit: Edit, success: string): Promise<string> {
  if (!edit.ok) return edit.message;
  try {
    const result: AppliedEdit<CustomerDoc> = await saveCustomerChange(db, edit.base, edit.doc);
    const notice = overlapNotice(result.overlaps);
    if (notice !== '') toast.success(success === '' ? notice : `${success}. ${notice}`);
    else if (success !== '') toast.success(success);
    return '';
  } catch (e) {
    const message = errorMessage(e);
    toast.error(`Not saved: ${message}`);
    return message;
  }
}
