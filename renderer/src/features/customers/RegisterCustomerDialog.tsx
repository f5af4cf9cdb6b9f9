import type { CustomerDoc } from '../../../../shared/domain/schemas';
import { Modal } from '../../ui/Modal';
import { CustomerForm } from './CustomerForm';
import { prefillFromQuery } from './customer-form-model';

/** Registration in a dialog (the shared CustomerForm), prefilled from what was searched for. */
export function RegisterCustomerDialog({ query = '', onClose, onDone }: { query?: string; onClose: () => void; onDone: (doc: CustomerDoc) => void }) {
  return (
    <Modal title="Register a customer" description="Phone numbers are checked for your branch's country; duplicates are flagged." onClose={onClose} wide>
      <CustomerForm initial={prefillFromQuery(query)} onCancel={onClose} onSaved={onDone} onUseExisting={onDone} />
    </Modal>
  );
}
