import { useState } from 'react';
import { SyncHttpError, SyncNetworkError, SyncProtocolError } from '../../sync/errors';
import { NeedsConfirmation, pairDesk, PairingInputError, type LocalData } from '../../sync/pairing';
import type { PairingRecord } from '../../sync/pairing-record';
import { pairingProblem } from '../../sync/pairing-errors';
import { plural } from '../../sync/sync-status';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';

interface Errors {
  serverUrl?: string;
  code?: string;
  form?: string;
}

/** The address a browser-served app most likely pairs with: the server that served it. */
function suggestedServer(previous: PairingRecord | null): string {
  if (previous !== null) return previous.serverUrl;
  const { protocol, origin } = window.location;
  return protocol === 'http:' || protocol === 'https:' ? origin : '';
}

function localDataText(local: LocalData): string {
  const parts = [
    local.customers > 0 ? plural(local.customers, 'customer', 'customers') : '',
    local.bookings > 0 ? plural(local.bookings, 'booking', 'bookings') : '',
    local.communications > 0 ? plural(local.communications, 'message', 'messages') : '',
    local.campaigns > 0 ? plural(local.campaigns, 'campaign', 'campaigns') : '',
  ].filter((p) => p !== '');
  return parts.join(', ');
}

/**
 * Server address + one-time enrolment code → paired desk (or HQ sign-in, when the code is for the
 * hq role). Problems appear on the field they concern; when the desk holds data of its own, the
 * person confirms that pairing replaces it before the code is used — except data that came from
 * this same server, which is kept when the code is for the same branch and asked about (after
 * the code is used, without needing a new one) when it is for another.
 */
export function PairingForm({ previous, submitLabel = 'Pair this desk', onPaired }: { previous: PairingRecord | null; submitLabel?: string; onPaired?: (record: PairingRecord) => void }) {
  const [serverUrl, setServerUrl] = useState(() => suggestedServer(previous));
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<NeedsConfirmation | null>(null);
  /** The person already agreed to replace the local data (asked once per form). */
  const [replaceAgreed, setReplaceAgreed] = useState(false);

  const submit = async (replaceLocalData: boolean): Promise<void> => {
    setBusy(true);
    setErrors({});
    if (replaceLocalData) setReplaceAgreed(true);
    try {
      const record = await pairDesk({ serverUrl, code, replaceLocalData: replaceLocalData || replaceAgreed });
      setConfirm(null);
      toast.success(record.role === 'hq' ? `Signed in to ${record.orgName} as HQ` : `Paired with ${record.branchName} — syncing`);
      onPaired?.(record);
    } catch (error) {
      setConfirm(null);
      if (error instanceof NeedsConfirmation) setConfirm(error);
      else if (error instanceof PairingInputError) setErrors({ [error.field]: error.message });
      else if (error instanceof SyncHttpError || error instanceof SyncNetworkError || error instanceof SyncProtocolError) {
        const problem = pairingProblem(error, serverUrl);
        setErrors(problem.field === null ? { form: problem.message } : { [problem.field]: problem.message });
      } else setErrors({ form: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form
        className="stack pairing-form"
        noValidate
        aria-label="Pair with a server"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <Field label="Server address" error={errors.serverUrl} hint="As given by your administrator, e.g. http://192.168.1.20:8787">
          {(p) => <input {...p} className="input" type="url" inputMode="url" autoComplete="url" spellCheck={false} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />}
        </Field>
        <Field label="Enrolment code" error={errors.code} hint="16 letters and digits, used once. Your administrator creates it for this desk’s branch (or for HQ).">
          {(p) => (
            <input
              {...p}
              className="input input-code"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              placeholder="XXXX-XXXX-XXXX-XXXX"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        {errors.form !== undefined && (
          <div className="notice notice-error" role="alert">
            {errors.form}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Pairing…' : submitLabel}
          </button>
        </div>
      </form>
      {confirm !== null && (
        <Modal
          title="Replace this desk’s data?"
          description={
            confirm.codeFor !== null
              ? `This desk holds ${localDataText(confirm.local)} of ${confirm.previous?.branchName ?? 'another branch'}.`
              : `This desk holds ${localDataText(confirm.local)} that are not on the server${confirm.local.branchNames.length > 0 ? ` (${confirm.local.branchNames.join(', ')})` : ''}.`
          }
          onClose={() => setConfirm(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirm(null)}>
                Keep my data
              </button>
              <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void submit(true)}>
                {busy ? 'Pairing…' : 'Erase local data and pair'}
              </button>
            </>
          }
        >
          <div className="stack">
            {confirm.codeFor !== null ? (
              <p>
                This code is for {confirm.codeFor}, and this desk holds {confirm.previous?.branchName ?? 'another branch'}’s data. Pairing with {confirm.codeFor} erases what is stored only on this desk and then downloads that branch’s customers and bookings.
              </p>
            ) : (
              <p>
                A paired desk works with its branch’s data from the server. Pairing erases what is stored only on this desk and then downloads the branch’s customers and bookings.
              </p>
            )}
            {confirm.codeFor !== null ? (
              <p className="muted">The code has been used: to keep this desk’s data, choose Keep my data and ask your administrator for a code for {confirm.previous?.branchName ?? 'its branch'}.</p>
            ) : (
              <p className="muted">To keep a copy, export the customers first (Customers → Export CSV). An HQ code changes nothing on this desk.</p>
            )}
          </div>
        </Modal>
      )}
    </>
  );
}
