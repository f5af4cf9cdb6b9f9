import { useState } from 'react';
import { routeHref } from '../../app/router';
import type { RefusedDoc } from '../../sync/refused-store';
import { discardRefused } from '../../sync/sync-session';
import { useSyncStore } from '../../sync/sync-store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage, toast } from '../../ui/toasts';
import { useRefusedDocText } from './use-refused-description';

/** Where a person fixes a refused document ('' when there is no screen for it). */
function openHref(doc: RefusedDoc): string {
  const customerId = typeof doc.refused.customer_id === 'string' ? doc.refused.customer_id : '';
  if (doc.collection === 'customers') return routeHref({ name: 'customer', id: doc.id });
  if ((doc.collection === 'bookings' || doc.collection === 'communications') && customerId !== '') return routeHref({ name: 'customer', id: customerId });
  if (doc.collection === 'campaigns') return routeHref({ name: 'campaign', id: doc.id });
  if (doc.collection === 'segments') return routeHref({ name: 'segments' });
  return '';
}

function NotSyncedItem({ doc }: { doc: RefusedDoc }) {
  const text = useRefusedDocText(doc) ?? `${doc.collection} ${doc.id}`;
  const [confirming, setConfirming] = useState(false);
  const href = openHref(doc);
  const onServer = doc.base !== null;
  return (
    <li className="not-synced-item">
      <p className="not-synced-text">{text}</p>
      <div className="row">
        {href !== '' && (
          <a className="btn btn-small" href={href}>
            Open
          </a>
        )}
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirming(true)}>
          Discard…
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Discard this change?"
          description={onServer ? 'The record goes back to the version the server has. The refused change is lost.' : 'This record exists only on this desk; it is removed.'}
          keepLabel="Keep it"
          confirmLabel={onServer ? 'Discard change' : 'Remove it'}
          onClose={() => setConfirming(false)}
          onConfirm={() =>
            discardRefused(doc.collection, doc.id)
              .then(() => toast.success(onServer ? 'Change discarded: back to the server’s version' : 'Removed from this desk'))
              .catch((error: unknown) => toast.error(`Not discarded: ${errorMessage(error)}`))
          }
        >
          <p>{text}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}

/**
 * Settings → "Not synced": every document the server refused, with the reason, to open and fix
 * (a changed document is sent again) or to discard. Nothing else waits for them.
 */
export function NotSyncedList() {
  const refused = useSyncStore((s) => s.status.refused);
  if (refused.length === 0) return null;
  return (
    <section className="not-synced notice notice-error" aria-labelledby="not-synced-title">
      <h3 id="not-synced-title">Not synced</h3>
      <p>The server refused {refused.length === 1 ? 'this change' : 'these changes'}. Everything else keeps syncing. Fix it (open the record and change it) or discard it.</p>
      <ul className="not-synced-list" aria-labelledby="not-synced-title">
        {refused.map((doc) => (
          <NotSyncedItem key={`${doc.collection}:${doc.id}`} doc={doc} />
        ))}
      </ul>
    </section>
  );
}
