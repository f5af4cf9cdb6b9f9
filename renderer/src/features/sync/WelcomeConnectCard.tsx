import { useSyncStore } from '../../sync/sync-store';
import { Icon } from '../../ui/Icon';
import { PairingForm } from './PairingForm';

/** Welcome screen: start from the organisation's server instead of a new branch (desk or HQ). */
export function WelcomeConnectCard() {
  const pairing = useSyncStore((s) => s.pairing);
  return (
    <section className="card welcome-card welcome-connect" aria-labelledby="connect-title">
      <div className="welcome-card-head">
        <span className="empty-illustration" aria-hidden="true">
          <Icon name="sync" size={26} />
        </span>
        <div>
          <h2 id="connect-title">Connect to your server</h2>
          <p className="muted">Got an enrolment code? This desk gets its branch from the server and syncs. HQ signs in here too.</p>
        </div>
      </div>
      <PairingForm previous={pairing} submitLabel="Connect" />
    </section>
  );
}
