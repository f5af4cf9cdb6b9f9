import { formProblems } from '../../data/write-errors';
import { errorMessage, toast } from '../../ui/toasts';

/**
 * A booking form could not save: what the shared write rules refused (e.g. a date more than 5
 * years away) is shown at its field, anything else in a toast that starts with `failed`.
 */
export function showSaveError<F extends string>(error: unknown, fields: Readonly<Partial<Record<string, F>>>, setErrors: (errors: Partial<Record<F, string>>) => void, failed: string): void {
  const fieldErrors = formProblems(error, fields);
  if (fieldErrors !== null) setErrors(fieldErrors);
  else toast.error(`${failed}: ${errorMessage(error)}`);
}
