import { useState } from 'react';
import { useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { shortDateTime } from '../../lib/zoned-time';
import { Modal } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { displayName } from '../customers';
import { ConflictNotice } from './ConflictNotice';
import { applyMove, type PlannedMove } from './move-booking';

function titleOf(move: PlannedMove): string {
  if (move.conflicts.length > 0) return 'Move into an overlap?';
  if (move.outside !== null) return 'Move outside working hours?';
  return 'Move into the past?';
}

/**
 * A drag that would double-book, leave the staff member's hours or start in the past: says with
 * whom or why, and moves only on an explicit "Move anyway"; "Keep where it was" / "Not yet" (or
 * Escape) leaves the booking where it was.
 */
export function MoveConflictDialog({ move, timeZone, onClose }: { move: PlannedMove; timeZone: string; onClose: () => void }) {
  const desk = useDesk();
  const [busy, setBusy] = useState(false);
  const name = displayName(desk.customers.get(move.booking.customer_id));
  const onlyPast = move.conflicts.length === 0 && move.outside === null;
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
      title={titleOf(move)}
      description={`${name} · ${move.booking.service || 'Visit'}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            {onlyPast ? 'Not yet' : 'Keep where it was'}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void confirm()}>
            Move anyway
          </button>
        </>
      }
    >
      <ConflictNotice conflicts={move.conflicts} outside={move.outside} timeZone={timeZone} action="Move anyway" />
      {move.past !== null && (
        <p className="notice notice-warning" role="status">
          {`To ${shortDateTime(move.startMs, timeZone)}${move.staff ? ` with ${move.staff}` : ''}: ${move.past.charAt(0).toLowerCase()}${move.past.slice(1)}`}
        </p>
      )}
    </Modal>
  );
}
