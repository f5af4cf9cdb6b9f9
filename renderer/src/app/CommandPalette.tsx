import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useCustomerSearch, useCustomersVersion, useDesk } from '../data/hooks';
import { customersView } from '../features/customers';
import { CustomerOption, useListboxKeys } from '../ui/CustomerListbox';
import { Icon } from '../ui/Icon';
import { navigate } from './router';

const LIMIT = 8;

type Item = { kind: 'customer'; id: string } | { kind: 'all'; count: number };

/**
 * Global customer search (Ctrl/Cmd+K): a combobox over the in-memory search index. Arrow keys
 * move, Enter opens the customer, Escape closes. Beyond the first eight matches a last option
 * opens all of them in Customers; with none, names a typo away are offered ("Romel" → Rommel).
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const desk = useDesk();
  const version = useCustomersVersion();
  const hits = useCustomerSearch(query, { limit: LIMIT + 1 });
  const total = useMemo(() => {
    void version;
    return hits.length > LIMIT ? desk.search.search(query).length : hits.length;
  }, [desk, version, query, hits.length]);
  const close = useMemo(() => {
    void version;
    return hits.length === 0 ? desk.search.closeMatches(query, { limit: LIMIT }) : [];
  }, [desk, version, query, hits.length]);
  const items: Item[] = [
    ...(hits.length > 0 ? hits.slice(0, LIMIT) : close).map((h) => ({ kind: 'customer' as const, id: h.id })),
    ...(total > LIMIT ? [{ kind: 'all' as const, count: total }] : []),
  ];
  const listId = useId();
  const optionId = (i: number): string => `${listId}-o${i}`;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const onCancel = (event: Event): void => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [onClose]);

  const open = (id: string): void => {
    onClose();
    navigate({ name: 'customer', id });
  };

  const seeAll = (): void => {
    onClose();
    customersView.setQuery(query);
    navigate({ name: 'customers' });
  };

  const { selected, setActive, onKeyDown } = useListboxKeys(items, (item) => (item.kind === 'customer' ? open(item.id) : seeAll()));

  return (
    <dialog ref={ref} className="palette" aria-label="Search customers">
      <div className="palette-input-row">
        <Icon name="search" />
        <input
          className="palette-input"
          role="combobox"
          aria-label="Search customers"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items.length > 0 ? optionId(selected) : undefined}
          placeholder="Name, phone or email"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <span className="kbd">Esc</span>
      </div>
      {query.trim() !== '' && hits.length === 0 && (
        <p className="palette-empty" role="status">
          No customer matches “{query.trim()}”{close.length > 0 ? '. Did you mean:' : '.'}
        </p>
      )}
      {items.length > 0 && (
        <ul id={listId} role="listbox" aria-label={hits.length === 0 ? 'Close matches' : 'Matching customers'} className="palette-list">
          {items.map((item, i) =>
            item.kind === 'customer' ? (
              <CustomerOption key={item.id} id={item.id} optionId={optionId(i)} selected={i === selected} onPick={() => open(item.id)} onHover={() => setActive(i)} />
            ) : (
              <li
                key="all"
                id={optionId(i)}
                role="option"
                aria-selected={i === selected}
                className="palette-option palette-see-all"
                onMouseDown={(e) => e.preventDefault()}
                onClick={seeAll}
                onMouseMove={() => setActive(i)}
              >
                {query.trim() === '' ? `All ${item.count.toLocaleString('en')} customers in Customers` : `See all ${item.count.toLocaleString('en')} matches in Customers`}
              </li>
            ),
          )}
        </ul>
      )}
      <div className="palette-footer">
        <span>
          <span className="kbd">↑</span> <span className="kbd">↓</span> to move
        </span>
        <span>
          <span className="kbd">Enter</span> to open
        </span>
        <span>
          <span className="kbd">Esc</span> to close
        </span>
      </div>
    </dialog>
  );
}
