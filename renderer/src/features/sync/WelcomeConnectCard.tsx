import { useSyncStore } from '../../sync/sync-store';
import { Icon } from '../../ui/Icon';
import { PairingForm } from './PairingForm';

/**
 * Welcome screen: start from the organisation's server instead of a new branch (desk or HQ).
 * `hqFirst` when the page is the server's own (HQ opening its address): sign-in comes first.
 */
export function WelcomeConnectCard({ hqFirst = false }: { hqFirst?: boolean }) {
  const pairing = useSyncStore((s) => s.pairing);
  return (
    <section className={`card welcome-card welcome-connect${hqFirst ? ' welcome-connect-first' : ''}`} aria-labelledby="connect-title">
      <div className="welcome-card-head">
        <span className="empty-illustration" aria-hidden="true">
          <Icon name="sync" size={26} />
        </span>
        <div>
          <h2 id="connect-title">{hqFirst ? 'Sign in to HQ' : 'Connect to your server'}</h2>
          <p className="muted">
            {hqFirst
              ? 'Enter the HQ enrolment code your administrator created. This browser stays signed in until the administrator revokes it. A branch’s code pairs this browser as that branch’s desk instead.'
              : 'Got an enrolment code? This desk gets its branch from the server and syncs. HQ signs in here too.'}
          </p>
        </div>
      </div>
      <PairingForm previous={pairing} submitLabel="Connect" />
    </section>
  );
}
