import { useEffect, useState } from 'react';
import { branchThresholds, presetOf, type Thresholds } from '../../../../shared/domain/settings';
import type { BranchDoc } from '../../../../shared/domain/schemas';
import { useBookingsVersion, useBranches, useCurrentBranch, useCustomersVersion, useDesk, useDeskSettings, useToday } from '../../data/hooks';
import { phoneCountryOf } from '../../data/desk-settings';
import { resetLocalData, setDeskPhoneCountry, switchBranch, updateCurrentBranch } from '../../data/session';
import { platform } from '../../platform/bridge';
import { Field } from '../../ui/Field';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage, toast } from '../../ui/toasts';
import { AutomationsSection } from './AutomationsSection';
import { ServicesSection } from './ServicesSection';
import { StaffSection } from './StaffSection';
import { ActivityLogSection, TeamSection } from './TeamSection';
import { useDeskPermission, useMemberGate } from '../../sync/permissions';
import { endApproval } from '../../data/team';
import { BranchForm } from './BranchForm';
import { CountryField } from './CountryField';
import { MoneySection } from './MoneySection';
import { RemindersSection } from './RemindersSection';
import { PRESET_LABELS } from './thresholds-model';
import { SyncSettingsSection } from '../sync';
import { activeRole, useSyncStore } from '../../sync/sync-store';

const count = new Intl.NumberFormat('en');

function ReplicaFacts() {
  const desk = useDesk();
  useCustomersVersion();
  const bookingsVersion = useBookingsVersion();
  const [bookings, setBookings] = useState<number | null>(null);
  const [version, setVersion] = useState('');
  useEffect(() => {
    let live = true;
    // Counting scans the bookings: wait until writes pause (a first sync writes 100,000s).
    const timer = setTimeout(() => {
      // "Reset local data" closes the replica while this screen is still shown: count nothing then.
      const collection = desk.db.bookings;
      if (desk.db.closed || collection.closed) return;
      collection
        .count()
        .exec()
        .then(
          (n) => live && setBookings(n),
          (error: unknown) => {
            if (!collection.closed) throw error;
          },
        );
    }, 1000);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [desk, bookingsVersion]);
  useEffect(() => {
    void platform.app.version().then(setVersion);
  }, []);
  return (
    <dl className="facts">
      <dt>Customers</dt>
      <dd>{count.format(desk.customers.size)}</dd>
      <dt>Bookings</dt>
      <dd>{bookings === null ? '…' : count.format(bookings)}</dd>
      <dt>Branches</dt>
      <dd>{count.format(desk.branches.size)}</dd>
      <dt>Customer–branch pairs</dt>
      <dd>{count.format(desk.activity.size)}</dd>
      <dt>App version</dt>
      <dd>{version || '…'}</dd>
    </dl>
  );
}

/**
 * A paired front desk's view of its branch: the branch's managers change it (their desks push it
 * to the server, which every desk and HQ follow), so it is shown, not edited; the one desk-level
 * choice, the country for phone numbers, is kept in the desk's own settings.
 */
function BranchFacts({ branch, thresholds, reason }: { branch: BranchDoc; thresholds: Thresholds; reason: string }) {
  const preset = presetOf(thresholds);
  const current = phoneCountryOf(useDeskSettings(), branch);
  return (
    <div className="stack">
      <p className="notice notice-info" role="note">
        {reason} Every desk of the branch and HQ follow the same settings, so they count customers the same way.
      </p>
      <dl className="facts" aria-label="Branch settings from the server">
        <dt>Branch name</dt>
        <dd>{branch.name}</dd>
        <dt>Time zone</dt>
        <dd>{branch.timezone}</dd>
        <dt>Country</dt>
        <dd>{branch.country === '' ? 'None' : (new Intl.DisplayNames(['en'], { type: 'region' }).of(branch.country) ?? branch.country)}</dd>
        <dt>At risk</dt>
        <dd>
          {preset === 'custom' ? 'Custom' : PRESET_LABELS[preset].title}: active up to {thresholds.activeDays} days, at risk up to {thresholds.atRiskDays}
        </dd>
      </dl>
      {/* a new branch country (its managers changed it) starts a new draft */}
      <DeskPhoneCountryForm key={current} current={current} />
    </div>
  );
}

/** The desk's own country for phone numbers, over the branch's (the default). */
function DeskPhoneCountryForm({ current }: { current: string }) {
  const [country, setCountry] = useState(current);
  const [saving, setSaving] = useState(false);
  const saveCountry = async (): Promise<void> => {
    setSaving(true);
    try {
      await setDeskPhoneCountry(country);
      toast.success('Phone numbers are now read for this country on this desk');
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="inline-form"
      aria-label="Phone numbers on this desk"
      onSubmit={(e) => {
        e.preventDefault();
        void saveCountry();
      }}
    >
      <CountryField value={country} onChange={setCountry} hint="Local numbers typed at this desk are read in this country" />
      <button type="submit" className="btn" disabled={saving || country === current}>
        Save country
      </button>
    </form>
  );
}

/**
 * Settings are a manager's (docs/DESIGN.md §14): once the branch has team members, a front-desk
 * member sees them after a manager's passcode, for as long as the screen stays open.
 */
export function SettingsScreen() {
  const { gate, ensure } = useMemberGate('settings');
  useEffect(() => () => endApproval('settings'), []);
  if (gate.kind === 'open') return <SettingsPage />;
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p>{gate.reason}</p>
        </div>
      </div>
      <section className="card settings-section" aria-label="Manager approval">
        <p>Ask a manager to type their passcode to open Settings on this desk.</p>
        <div>
          <button type="button" className="btn btn-primary" onClick={() => void ensure()}>
            Enter a manager&apos;s passcode…
          </button>
        </div>
      </section>
    </div>
  );
}

/** Branch name, time zone, country and thresholds (activity recomputes); desk branch; reset. */
function SettingsPage() {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const branches = useBranches();
  const paired = useSyncStore((s) => activeRole(s) !== null); // a paired desk works for its enrolled branch only
  // a paired manager's desk changes the branch (the server checks and passes it on); a front desk sees it
  const branchEdit = useDeskPermission('change_branch');
  const [confirmReset, setConfirmReset] = useState(false);
  const { day: today } = useToday();
  if (branch === undefined) return null;
  const thresholds = branchThresholds(branch, desk.settings.defaults);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p>How this desk and its branch work. Changes apply at once; customer statuses are recomputed.</p>
        </div>
      </div>
      <div className="settings-grid">
        <div className="stack">
          <section className="card settings-section" aria-labelledby="branch-settings-title">
            <header>
              <h2 id="branch-settings-title">Branch</h2>
              <p>Status thresholds decide when a customer counts as active, at risk or churned.</p>
            </header>
            {!branchEdit.allowed ? (
              <BranchFacts branch={branch} thresholds={thresholds} reason={branchEdit.reason} />
            ) : (
              <BranchForm
                key={`${branch.id}:${branch.updated_at}`}
                label="Branch settings"
                submitLabel="Save branch settings"
                initial={{ name: branch.name, timezone: branch.timezone, country: branch.country, thresholds }}
                onSubmit={async (values) => {
                  await updateCurrentBranch({
                    name: values.name,
                    timezone: values.timezone,
                    country: values.country,
                    active_days: values.thresholds.activeDays,
                    at_risk_days: values.thresholds.atRiskDays,
                  });
                  toast.success(paired ? 'Branch settings saved — the branch’s other desks and HQ get them when this desk syncs' : 'Branch settings saved — customer statuses are up to date');
                }}
              />
            )}
          </section>
          <MoneySection paired={paired} />
          <ServicesSection />
          <StaffSection today={today} />
          <AutomationsSection />
          <RemindersSection />
          <ActivityLogSection />
        </div>
        <div className="stack">
          <SyncSettingsSection />
          <TeamSection />
          {branches.length > 1 && !paired && (
            <section className="card settings-section" aria-labelledby="desk-branch-title">
              <header>
                <h2 id="desk-branch-title">This desk</h2>
                <p>The branch this desk books for.</p>
              </header>
              <Field label="Desk branch">
                {(p) => (
                  <select
                    {...p}
                    className="select"
                    value={branch.id}
                    onChange={(e) => {
                      switchBranch(e.target.value)
                        .then(() => toast.success('This desk now works for another branch'))
                        .catch((error: unknown) => toast.error(errorMessage(error)));
                    }}
                  >
                    {branches.map((b) => (
                      <option key={b.id} value={b.id}>
                        {b.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </section>
          )}
          <section className="card settings-section" aria-labelledby="data-title">
            <header>
              <h2 id="data-title">Local data</h2>
              <p>Stored on this desk and available offline.</p>
            </header>
            <ReplicaFacts />
          </section>
          <section className="card settings-section danger-zone" aria-labelledby="reset-title">
            <header>
              <h2 id="reset-title">Reset local data</h2>
              <p>Deletes every customer, booking and setting stored on this desk.</p>
            </header>
            <div>
              <button type="button" className="btn btn-danger" onClick={() => setConfirmReset(true)}>
                Reset local data…
              </button>
            </div>
          </section>
        </div>
      </div>
      {confirmReset && (
        <ConfirmDialog
          title="Reset local data?"
          description="Customers, bookings and settings stored on this desk will be deleted. This cannot be undone."
          keepLabel="Keep my data"
          confirmLabel="Delete everything"
          onClose={() => setConfirmReset(false)}
          onConfirm={() =>
            resetLocalData().catch((error: unknown) => {
              toast.error(`Reset failed: ${errorMessage(error)}`);
              throw error;
            })
          }
        >
          <p className="muted">Data already synced to your server is not affected.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
