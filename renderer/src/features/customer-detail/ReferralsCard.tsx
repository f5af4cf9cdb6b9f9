import { useMemo, useState } from 'react';
import type { CustomerDoc } from '../../../../shared/domain/schemas';
import { routeHref } from '../../app/router';
import { useCustomersVersion, useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { CustomerPicker } from '../today';
import { referredBy, withReferrer } from './profile-edits';
import { saveEdit } from './save-edit';

/** Who referred the customer (set or change it) and whom they referred. */
export function ReferralsCard({ customer }: { customer: CustomerDoc }) {
  const desk = useDesk();
  const version = useCustomersVersion();
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState('');
  const referrer = customer.referred_by === '' ? undefined : desk.customers.get(customer.referred_by);
  const referred = useMemo(() => {
    void version;
    return referredBy(desk.customers.values(), customer.id);
  }, [desk, version, customer.id]);
  const nameOf = (c: CustomerDoc): string => (c.erased_at !== '' ? 'Erased customer' : c.name);

  return (
    <section className="card profile-card" aria-labelledby="referrals-title">
      <header className="card-header">
        <h2 id="referrals-title">Referrals</h2>
      </header>
      <div className="profile-card-body stack">
        <div>
          <span className="field-label">Referred by</span>
          {picking ? (
            <div className="stack referral-pick">
              <CustomerPicker
                label="Who referred them?"
                value={null}
                error={error === '' ? undefined : error}
                onChange={(id) => {
                  if (id === null) return;
                  void saveEdit(desk.db, withReferrer(customer, id, now()), 'Referral saved').then((problem) => {
                    setError(problem);
                    if (problem === '') setPicking(false);
                  });
                }}
                onRegister={() => setError('Register the referrer first, then pick them here')}
              />
              <button type="button" className="btn btn-small btn-ghost" onClick={() => (setPicking(false), setError(''))}>
                Cancel
              </button>
            </div>
          ) : (
            <p className="referral-line">
              {customer.referred_by === '' ? (
                <span className="faint">Nobody recorded</span>
              ) : referrer === undefined ? (
                <span>{customer.referred_by} (not on this desk)</span>
              ) : (
                <a href={routeHref({ name: 'customer', id: referrer.id })}>{nameOf(referrer)}</a>
              )}
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setPicking(true)}>
                {customer.referred_by === '' ? 'Add referrer' : 'Change'}
              </button>
              {customer.referred_by !== '' && (
                <button type="button" className="btn btn-small btn-ghost" onClick={() => void saveEdit(desk.db, withReferrer(customer, '', now()), 'Referral removed')}>
                  Remove
                </button>
              )}
            </p>
          )}
        </div>
        <div>
          <span className="field-label">Referred {referred.length === 0 ? 'nobody yet' : `${referred.length} ${referred.length === 1 ? 'customer' : 'customers'}`}</span>
          {referred.length > 0 && (
            <ul className="referral-list" aria-label="Customers they referred">
              {referred.map((c) => (
                <li key={c.id}>
                  <a href={routeHref({ name: 'customer', id: c.id })}>{nameOf(c)}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
