import { useMemo, useState } from 'react';
import type { BookingDoc, CommunicationDoc } from '../../../../shared/domain/schemas';
import { formatPhone } from '../../../../shared/domain/contact';
import { isErased } from '../../../../shared/privacy/erase';
import { useActivityVersion, useBookingsVersion, useCurrentBranch, useCustomer, useDesk, useOutlookState, useToday } from '../../data/hooks';
import { formatPrice, initials } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { Modal } from '../../ui/Modal';
import { CustomerForm } from '../customers';
import { shortDate } from '../customers';
import { PrivacyCard } from '../privacy';
import { useRxDocs } from '../segments';
import { NewBookingDialog } from '../today';
import { BranchCard } from './BranchCard';
import { acrossBranches, orderPairs } from './branch-pairs';
import { CareCard } from './CareCard';
import { ConsentCard } from './ConsentCard';
import { consentText, dateInZone, preferredContactText } from './consent-text';
import { HistoryTimeline } from './HistoryTimeline';
import { LogContactDialog } from './LogContactDialog';
import { ProfileAnalytics } from './ProfileAnalytics';
import { ReferralsCard } from './ReferralsCard';
import { TagEditor } from './TagEditor';
import { historyOf, timelineOf } from './timeline-model';

function NotFound({ id }: { id: string }) {
  return (
    <div className="page">
      <div className="card empty-state">
        <span className="empty-illustration" aria-hidden="true">
          <Icon name="user" size={26} />
        </span>
        <h1>Customer not found</h1>
        <p>
          There is no customer “{id}” on this desk. They may have been registered at another branch that has not synced here
          yet.
        </p>
        <a className="btn btn-primary" href="#/customers">
          Back to customers
        </a>
      </div>
    </div>
  );
}

/**
 * One customer: profile with tags, care details and follow-up, consent per channel, referrals,
 * privacy requests, status and figures at each branch, analytics, and one history of bookings
 * and contacts. An erased customer shows as "Erased customer" with the anonymous figures only.
 */
export function CustomerDetailScreen({ id }: { id: string }) {
  const desk = useDesk();
  const customer = useCustomer(id);
  const branch = useCurrentBranch();
  const { day: today, timeZone } = useToday();
  const activityVersion = useActivityVersion();
  const outlookState = useOutlookState();
  const bookingsVersion = useBookingsVersion();
  const [open, setOpen] = useState<'edit' | 'book' | 'contact' | null>(null);
  const contacts = useRxDocs<CommunicationDoc>(() => desk.db.communications.find({ selector: { customer_id: id } }), `contacts:${id}`);
  const ownBookings = useRxDocs<BookingDoc>(() => desk.db.bookings.find({ selector: { customer_id: id } }), `bookings:${id}`);
  const corrections = useMemo(() => new Map((ownBookings ?? []).filter((b) => b.amendments.length > 0).map((b) => [b.id, b.amendments])), [ownBookings]);

  const pairs = useMemo(() => {
    void activityVersion;
    return orderPairs(desk.activity.forCustomer(id), branch?.id ?? '');
  }, [desk, id, branch, activityVersion]);
  const zoneOf = (branchId: string): string => desk.branches.get(branchId)?.timezone ?? 'UTC';
  const branchNameOf = (branchId: string): string => desk.branches.get(branchId)?.name ?? branchId;
  const facts = useMemo(() => {
    void bookingsVersion;
    void activityVersion;
    return pairs.flatMap((p) => desk.activity.bookingsOf(p.branch_id, id));
  }, [desk, id, pairs, bookingsVersion, activityVersion]);
  const history = useMemo(() => {
    const zone = (b: string): string => desk.branches.get(b)?.timezone ?? 'UTC';
    return historyOf(timelineOf(facts, zone, today), contacts ?? [], zone);
  }, [desk, facts, today, contacts]);

  if (customer === undefined) return <NotFound id={id} />;
  const erased = isErased(customer);

  const totals = acrossBranches(pairs);
  const consent = consentText(customer, timeZone);
  const home = customer.home_branch_id === '' ? 'None' : branchNameOf(customer.home_branch_id);
  const contact = [formatPhone(customer.phone), customer.email].filter((x) => x !== '');
  const since = dateInZone(customer.created_at, timeZone);
  const favouriteStaff = pairs.find((p) => p.branch_id === branch?.id)?.preferred_staff ?? pairs[0]?.preferred_staff ?? '';
  const profile: [string, string][] = erased
    ? [
        ['Home branch', home],
        ['Erased', dateInZone(customer.erased_at, timeZone)],
      ]
    : [
        ['Home branch', home],
        ['Preferred contact', preferredContactText(customer)],
        ['Birthday', shortDate(customer.birthday) || '—'],
        ['Customer since', since || '—'],
      ];

  return (
    <div className="page customer-detail">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href="#/customers">Customers</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{erased ? 'Erased customer' : customer.name}</span>
      </nav>

      <section className="card profile" aria-label="Profile">
        <div className="profile-main">
          <span className="avatar avatar-xl" aria-hidden="true">
            {erased ? '—' : initials(customer.name)}
          </span>
          <div className="profile-text">
            <h1 className={erased ? 'erased-name' : undefined}>{erased ? 'Erased customer' : customer.name}</h1>
            {erased ? (
              <p className="profile-contact muted">Personal data erased at the customer&apos;s request. Visits and spend still count, anonymously.</p>
            ) : (
              <>
                <p className="profile-contact">
                  {contact.length === 0 ? <span className="muted">No contact details</span> : contact.map((c, i) => <span key={i}>{c}</span>)}
                </p>
                <p className={consent.granted ? 'consent consent-yes' : 'consent consent-no'}>
                  <Icon name={consent.granted ? 'check' : 'close'} size={14} />
                  {consent.text}
                </p>
                <TagEditor customer={customer} />
              </>
            )}
          </div>
          {!erased && (
            <div className="profile-actions">
              <button type="button" className="btn" onClick={() => setOpen('edit')}>
                Edit details
              </button>
              <button type="button" className="btn btn-primary" onClick={() => setOpen('book')}>
                <Icon name="plus" />
                New booking
              </button>
            </div>
          )}
        </div>
        <dl className="profile-facts">
          {profile.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          <div>
            <dt>All branches</dt>
            <dd className="nums">
              {totals.visits.toLocaleString('en')} {totals.visits === 1 ? 'visit' : 'visits'} · {formatPrice(totals.spent)}
            </dd>
          </div>
        </dl>
      </section>

      {!erased && (
        <div className="profile-grid">
          <CareCard customer={customer} favouriteStaff={favouriteStaff} />
          <div className="stack">
            <ConsentCard customer={customer} />
            <ReferralsCard customer={customer} />
            <PrivacyCard customer={customer} />
          </div>
        </div>
      )}

      <section className="branch-cards" aria-labelledby="branches-title">
        <h2 id="branches-title" className="section-heading">
          Status by branch
        </h2>
        {pairs.length === 0 ? (
          <p className="card card-body muted">Not linked to any branch yet: no bookings and no home branch.</p>
        ) : (
          <div className="branch-card-grid">
            {pairs.map((a) => (
              <BranchCard
                key={a.branch_id}
                activity={a}
                branchName={branchNameOf(a.branch_id)}
                isDesk={a.branch_id === branch?.id}
                isHome={a.branch_id === customer.home_branch_id}
                outlook={desk.outlook.get(a.branch_id, customer.id)}
                outlookState={outlookState}
              />
            ))}
          </div>
        )}
      </section>

      <ProfileAnalytics facts={facts} pairs={pairs} branchNameOf={branchNameOf} zoneOf={zoneOf} />

      <HistoryTimeline entries={history} branchNameOf={branchNameOf} zoneOf={zoneOf} correctionsOf={(bookingId) => corrections.get(bookingId) ?? []} showBranch onLogContact={erased ? undefined : () => setOpen('contact')} />

      {open === 'edit' && (
        <Modal title={`Edit ${customer.name}`} onClose={() => setOpen(null)} wide>
          <CustomerForm existing={customer} onCancel={() => setOpen(null)} onSaved={() => setOpen(null)} />
        </Modal>
      )}
      {open === 'contact' && <LogContactDialog customerId={customer.id} customerName={customer.name} onClose={() => setOpen(null)} />}
      {open === 'book' && <NewBookingDialog day={today} customerId={customer.id} onClose={() => setOpen(null)} onCreated={() => setOpen(null)} />}
    </div>
  );
}
