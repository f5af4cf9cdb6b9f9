import { platform } from '../../platform/bridge';
import { errorMessage, toast } from '../../ui/toasts';
import type { CustomerRow } from './customer-rows';
import { customersCsv, exportFileName } from './customer-csv';

/**
 * Saves rows as CSV through the desktop's save dialog (a download in web mode) and says how it
 * went. Resolves when done; a cancelled dialog is not an error.
 */
export async function exportCustomers(rows: readonly CustomerRow[], options: { scopeName: string; date: string; branchName: (id: string) => string }): Promise<void> {
  const suggestedName = exportFileName(options.scopeName, options.date);
  try {
    const result = await platform.files.saveCsv({ suggestedName, content: customersCsv(rows, options.branchName) });
    if (!result.saved) return;
    const n = `${rows.length.toLocaleString('en')} ${rows.length === 1 ? 'customer' : 'customers'}`;
    toast.success(result.path === undefined ? `Exported ${n} to ${suggestedName}` : `Exported ${n} to ${result.path}`);
  } catch (error) {
    toast.error(`Could not export the list: ${errorMessage(error)}`);
  }
}
