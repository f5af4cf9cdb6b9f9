import { useEffect, useId, useRef, useState } from 'react';
import { formatPhone } from '../../../../shared/domain/contact';
import { useActivity, useCustomer, useCustomerSearch, useCustomersLoaded } from '../../data/hooks';
import { initials } from '../../lib/format';
import { CustomerOption, useListboxKeys } from '../../ui/CustomerListbox';
import { StatusBadge } from '../../ui/StatusBadge';

const LIMIT = 6;

/** The chosen customer, with their status at this branch and a way to change the choice. */
export function ChosenCustomer({ id, onChange, focusChange = false }: { id: string; onChange?: () => void; /** Move focus to "Change" on mount (the customer was just picked). */ focusChange?: boolean }) {
  const customer = useCustomer(id);
  const activity = useActivity(id);
  const change = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusChange) change.current?.focus();
  }, [focusChange]);
  if (customer === undefined) return null;
  return (
    <div className="chosen-customer">
      <span className="avatar" aria-hidden="true">
        {initials(customer.name)}
      </span>
      <span className="palette-option-main">
        <span className="palette-option-name">{customer.name}</span>
        <span className="palette-option-meta">{formatPhone(customer.phone) || customer.email || 'No contact details'}</span>
      </span>
      {activity !== undefined && <StatusBadge status={activity.status} days={activity.days_since_last_visit} detailed />}
      {onChange && (
        <button ref={change} type="button" className="btn btn-small btn-ghost" onClick={onChange}>
          Change
        </button>
      )}
    </div>
  );
}

/**
 * Customer search inside a form: a combobox listing matching customers (arrow keys + Enter, or
 * click), and "Register new customer" for someone not found.
 */
export function CustomerPicker({
  value,
  onChange,
  onRegister,
  error,
  label = 'Customer',
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  onRegister: (typed: string) => void;
  error?: string;
  label?: string;
}) {
  const [query, setQuery] = useState('');
  const hits = useCustomerSearch(query, { limit: LIMIT });
  const loaded = useCustomersLoaded();
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const shown = query.trim() === '' ? [] : hits;
  // Keyboard flow: picking moves focus to "Change" (Tab goes on to the next field); "Change"
  // brings focus back to the search. Focus is never dropped on the page.
  const [moved, setMoved] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (moved && value === null) input.current?.focus();
  }, [moved, value]);
  const pick = (customerId: string): void => {
    setMoved(true);
    onChange(customerId);
  };
  const { selected, setActive, onKeyDown } = useListboxKeys(shown, (hit) => pick(hit.id));

  if (value !== null) {
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <ChosenCustomer id={value} onChange={() => onChange(null)} focusChange={moved} />
      </div>
    );
  }

  return (
    <div className="field customer-picker">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={input}
        id={id}
        className="input"
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? `${listId}-${selected}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        placeholder="Search by name, phone or email"
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
      <ul id={listId} role="listbox" aria-label="Matching customers" className="picker-list" hidden={shown.length === 0}>
        {shown.map((hit, i) => (
          <CustomerOption key={hit.id} id={hit.id} optionId={`${listId}-${i}`} selected={i === selected} onPick={() => pick(hit.id)} />
        ))}
      </ul>
      {!loaded && query.trim() !== '' && (
        <p className="field-hint" role="status">
          Still reading customers: more matches may follow.
        </p>
      )}
      {loaded && query.trim() !== '' && shown.length === 0 && <p className="field-hint">No customer matches “{query.trim()}”.</p>}
      <div>
        <button type="button" className="btn btn-small" onClick={() => onRegister(query.trim())}>
          + Register new customer
        </button>
      </div>
    </div>
  );
}
