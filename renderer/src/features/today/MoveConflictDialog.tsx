import { useState } from 'react';
import { useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { Modal } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { displayName } from '../customers';
import { ConflictNotice } from './ConflictNotice';
import { applyMove, type PlannedMove } from './move-booking';

/** A drag that would double-book or leave the staff member's hours: says with whom or why, and moves only on an explicit "Move anyway". */
export function MoveConflictDialog({ move, timeZone, onClose }: { move: PlannedMove; timeZone: string; onClose: () => void }) {
  const desk = useDesk();
  const [busy, setBusy] = useState(false);
  const name = displayName(desk.customers.get(move.booking.customer_id));
  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      toast.success(await applyMove(desk.db, move, name, timeZone, now()));
      onClose();
    } catch (error) {
      toast.error(`Could not move the booking: ${errorMessage(error)}`);
      setBusy(false);
    }
  };
  return (
    <Modal
      title={move.conflicts.length > 0 ? 'Move into an overlap?' : 'Move outside working hours?'}
      description={`${name} · ${move.booking.service || 'Visit'}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            Keep where it was
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void confirm()}>
            Move anyway
          </button>
        </>
      }
    >
      <ConflictNotice conflicts={move.conflicts} outside={move.outside} timeZone={timeZone} action="Move anyway" />
    </Modal>
  );
}
