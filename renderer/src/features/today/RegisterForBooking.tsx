import { CustomerForm } from '../customers';
import type { CustomerFormValues } from '../customers';
import { Modal } from '../../ui/Modal';

/**
 * Registering a customer from a booking form (new booking, walk-in): the customer form, whose
 * saved customer (or the existing one it found and the person chose to use) is chosen for the
 * booking. Cancel goes back to the booking form.
 */
export function RegisterForBooking({
  title,
  description,
  initial,
  onClose,
  onBack,
  onChosen,
}: {
  title: string;
  description: string;
  initial: Partial<CustomerFormValues>;
  /** Escape or the dialog's close button. */
  onClose: () => void;
  onBack: () => void;
  onChosen: (customerId: string) => void;
}) {
  return (
    <Modal title={title} description={description} onClose={onClose} wide>
      <CustomerForm initial={initial} submitLabel="Register and continue" onCancel={onBack} onSaved={(doc) => onChosen(doc.id)} useExistingVerb="Use" onUseExisting={(doc) => onChosen(doc.id)} />
    </Modal>
  );
}
