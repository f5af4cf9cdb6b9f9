import { useState, type KeyboardEvent } from 'react';
import { formatPhone } from '../../../shared/domain/contact';
import { useActivity, useCustomer } from '../data/hooks';
import { initials } from '../lib/format';
import { StatusBadge } from './StatusBadge';

/**
 * The keyboard side of a combobox over a list of matches (the command palette, the customer
 * picker): ArrowDown/ArrowUp move the active option round the list, Enter chooses it. The input
 * keeps focus; the active option is announced through `aria-activedescendant`.
 */
export function useListboxKeys<T>(items: readonly T[], choose: (item: T) => void) {
  const [active, setActive] = useState(0);
  const selected = Math.min(active, Math.max(0, items.length - 1));
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((selected + 1) % Math.max(1, items.length));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((selected - 1 + items.length) % Math.max(1, items.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const item = items[selected];
      if (item !== undefined) choose(item);
    }
  };
  return { selected, setActive, onKeyDown };
}

/** One matching customer in a listbox: initials, name, contact details and status at this branch. */
export function CustomerOption({ id, optionId, selected, onPick, onHover }: { id: string; optionId: string; selected: boolean; onPick: () => void; onHover?: () => void }) {
  const customer = useCustomer(id);
  const activity = useActivity(id);
  if (customer === undefined) return null;
  const contact = [formatPhone(customer.phone), customer.email].filter((x) => x !== '').join(' · ');
  return (
    <li id={optionId} role="option" aria-selected={selected} className="palette-option" onMouseDown={(e) => e.preventDefault()} onClick={onPick} onMouseMove={onHover}>
      <span className="avatar" aria-hidden="true">
        {initials(customer.name)}
      </span>
      <span className="palette-option-main">
        <span className="palette-option-name">{customer.name}</span>
        <span className="palette-option-meta">{contact || 'No contact details'}</span>
      </span>
      {activity !== undefined && <StatusBadge status={activity.status} />}
    </li>
  );
}
