import { useState } from 'react';
import type { CustomerDoc } from '../../../../shared/domain/schemas';
import { useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { useDeskPermission, useMemberGate } from '../../sync/permissions';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { confirmationMatches, ERASE_WORD } from './erase-plan';
import { eraseCustomerOnDesk, exportCustomer } from './privacy-actions';

function EraseDialog({ customer, onClose }: { customer: CustomerDoc; onClose: () => void }) {
  const desk = useDesk();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const [erasing, setErasing] = useState(false);
  const erase = async (): Promise<void> => {
    if (!confirmationMatches(typed)) {
      setError(`Type ${ERASE_WORD} to confirm`);
      return;
    }
    setErasing(true);
    try {
      const { messages } = await eraseCustomerOnDesk(desk, customer.id, now());
      toast.success(`Erased ${customer.name || 'the customer'}: personal data removed${messages > 0 ? `, ${messages} ${messages === 1 ? 'message' : 'messages'} blanked` : ''}`);
      onClose();
    } catch (e) {
      setError(`Not erased: ${errorMessage(e)}`);
      setErasing(false);
    }
  };
  return (
    <Modal
      title={`Erase ${customer.name}?`}
      description="For a customer who asked to be forgotten. This cannot be undone."
      onClose={onClose}
      onSubmit={() => void erase()}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Keep the customer
          </button>
          <button type="submit" className="btn btn-danger" disabled={erasing || !confirmationMatches(typed)}>
            Erase customer
          </button>
        </>
      }
    >
      <div className="stack">
        <ul className="erase-list">
          <li>Name, phone, email, birthday, tags, notes, preferences, allergies and follow-up are removed.</li>
          <li>Marketing consent is withdrawn; messages not sent yet are cancelled and every message&apos;s text is blanked.</li>
          <li>Visits and spend stay as an anonymous “Erased customer”, so reports still add up.</li>
          <li>The erasure syncs to the server and every other desk.</li>
        </ul>
        <Field label={`Type ${ERASE_WORD} to confirm`} error={error}>
          {(p) => <input {...p} className="input" autoComplete="off" value={typed} autoFocus onChange={(e) => (setTyped(e.target.value), setError(''))} />}
        </Field>
      </div>
    </Modal>
  );
}

/** Privacy requests for one customer: a copy of their data (JSON) and erasure. */
export function PrivacyCard({ customer }: { customer: CustomerDoc }) {
  const desk = useDesk();
  const [erasing, setErasing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const erasePermission = useDeskPermission('erase_customer');
  const eraseGate = useMemberGate('erase_customer');
  const exportData = async (): Promise<void> => {
    setExporting(true);
    try {
      const result = await exportCustomer(desk, customer.id, now());
      if (result.saved) toast.success(`Exported ${customer.name}'s data to ${result.path ?? result.name}`);
    } catch (e) {
      toast.error(`Could not export: ${errorMessage(e)}`);
    } finally {
      setExporting(false);
    }
  };
  return (
    <section className="card profile-card privacy-card" aria-labelledby="privacy-title">
      <header className="card-header">
        <h2 id="privacy-title">Privacy</h2>
      </header>
      <div className="profile-card-body stack">
        <p className="muted">When a customer asks what you hold about them, or asks to be forgotten.</p>
        <div className="row">
          <button type="button" className="btn" disabled={exporting} onClick={() => void exportData()}>
            Export customer data
          </button>
          {erasePermission.allowed && (
            <button type="button" className="btn btn-danger-outline" onClick={() => void eraseGate.ensure().then((ok) => ok && setErasing(true))}>
              Erase customer…
            </button>
          )}
        </div>
        {!erasePermission.allowed && (
          <p className="notice notice-info" role="note">
            {erasePermission.reason} Ask a manager to erase a customer who asked to be forgotten.
          </p>
        )}
      </div>
      {erasing && erasePermission.allowed && <EraseDialog customer={customer} onClose={() => setErasing(false)} />}
    </section>
  );
}
