import { useEffect, useRef, useState } from 'react';
import { Brand } from '../../ui/Brand';
import { DEFAULT_THRESHOLDS } from '../../../../shared/domain/settings';
import { currencyOfCountry } from '../../../../shared/domain/currency';
import { useDesk } from '../../data/hooks';
import { browserTimeZone, now, setUpBranch } from '../../data/session';
import { useDeskStore } from '../../data/store';
import { browserCountry } from '../../lib/regions';
import { platform } from '../../platform/bridge';
import { Icon } from '../../ui/Icon';
import { ProgressBar } from '../../ui/ProgressBar';
import { errorMessage, toast } from '../../ui/toasts';
import { BranchForm, type BranchValues } from '../settings';
import { branchCountry } from '../../../../shared/csv/customer-import';
import { loadDemo } from './demo';
import { useServedByServer, WelcomeConnectCard } from '../sync';

const count = new Intl.NumberFormat('en');

/**
 * The set-up form's first values: the browser's zone, the country that zone implies (else the
 * language's region: an en-GB browser in Manila is in the Philippines), that country's currency.
 */
function setUpDefaults(): BranchValues {
  const timezone = browserTimeZone();
  const country = branchCountry({ country: '', timezone }) || browserCountry();
  return { name: '', timezone, country, thresholds: DEFAULT_THRESHOLDS, currency: currencyOfCountry(country) };
}

/** First run on an empty replica: set up this desk's branch, or load the demo business. */
export function Welcome() {
  const desk = useDesk();
  const progress = useDeskStore((s) => s.progress);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const autoStarted = useRef(false);
  // opened at the sync server's own address: that is HQ in a browser, so its sign-in comes first
  const served = useServedByServer() === true;

  const startDemo = async (): Promise<void> => {
    setLoading(true);
    setError('');
    try {
      await loadDemo(now());
      toast.success('Demo data loaded: four branches, their customers and bookings');
    } catch (e) {
      setError(errorMessage(e));
      setLoading(false);
    }
  };

  useEffect(() => {
    if (autoStarted.current) return;
    autoStarted.current = true;
    void platform.app.launchOptions().then((options) => {
      if (options.demo && desk.branches.size === 0 && desk.customers.size === 0) void startDemo();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at first render
  }, []);

  return (
    <main className="welcome">
      <div className="welcome-inner">
        <header className="welcome-hero">
          <Brand />
          <h1>{served ? 'Branchdesk HQ' : 'Welcome to your front desk'}</h1>
          {served ? (
            <p>Every branch’s customers, churn and bookings, synced by this server. Sign in with your HQ code, or set this browser up as a front desk below.</p>
          ) : (
            <p>
              Book and check in customers, and see at a glance who is active, at risk or drifting away — everything works
              offline, right on this desk.
            </p>
          )}
        </header>
        {served && <WelcomeConnectCard hqFirst />}
        <div className="welcome-grid">
          <section className="card welcome-card" aria-labelledby="setup-title" inert={loading}>
            <div className="welcome-card-head">
              <span className="empty-illustration" aria-hidden="true">
                <Icon name="store" size={26} />
              </span>
              <div>
                <h2 id="setup-title">Set up your branch</h2>
                <p className="muted">Start with your own customers. You can change all of this later in Settings.</p>
              </div>
            </div>
            <BranchForm
              label="Set up your branch"
              submitLabel="Create branch"
              initial={setUpDefaults()}
              onSubmit={async (values) => {
                const branch = await setUpBranch(values);
                toast.success(`${branch.name} is ready`);
              }}
            />
          </section>
          <section className="card welcome-card welcome-demo" aria-labelledby="demo-title">
            <div className="welcome-card-head">
              <span className="empty-illustration" aria-hidden="true">
                <Icon name="demo" size={26} />
              </span>
              <div>
                <h2 id="demo-title">Explore with demo data</h2>
                <p className="muted">A living four-branch business around today&apos;s date: 1,500 customers and three years of bookings.</p>
              </div>
            </div>
            <ul className="welcome-points">
              <li>Today&apos;s agenda with real appointments</li>
              <li>Customers who are active, at risk, churned or back</li>
              <li>Manila, New York, London and Auckland branches in their own time zones</li>
            </ul>
            {loading ? (
              <div className="stack" aria-live="polite">
                <p>
                  <strong>{progress?.label ?? 'Preparing demo'}…</strong>
                  {progress !== null && progress.total > 0 && (
                    <span className="muted nums">
                      {' '}
                      {count.format(progress.done)} of {count.format(progress.total)}
                    </span>
                  )}
                </p>
                <ProgressBar label="Loading demo data" done={progress?.done ?? 0} total={progress?.total ?? 0} />
              </div>
            ) : (
              <button type="button" className="btn btn-primary btn-large btn-block" onClick={() => void startDemo()}>
                Load demo data
              </button>
            )}
            {error !== '' && (
              <div className="notice notice-error" role="alert">
                Loading the demo failed: {error}
              </div>
            )}
          </section>
          {!served && <WelcomeConnectCard />}
        </div>
      </div>
    </main>
  );
}
