import { saveCustomer } from '../../data/customers';
import type { Replica } from '../../data/replica';
import { errorMessage, toast } from '../../ui/toasts';
import type { Edit } from './profile-edits';

/**
 * Stores a profile edit and says how it went; resolves to the problem ('' when saved) so a form
 * can show it next to its field.
 */
export async function saveEdit(db: Replica, edit: Edit, success: string): Promise<string> {
  if (!edit.ok) return edit.message;
  try {
    await saveCustomer(db, edit.doc);
    if (success !== '') toast.success(success);
    return '';
  } catch (e) {
    const message = errorMessage(e);
    toast.error(`Not saved: ${message}`);
    return message;
  }
}
