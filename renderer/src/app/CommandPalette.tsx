import { useEffect, useId, useRef, useState } from 'react';
import { useCustomerSearch } from '../data/hooks';
import { CustomerOption, useListboxKeys } from '../ui/CustomerListbox';
import { Icon } from '../ui/Icon';
import { navigate } from './router';

const LIMIT = 8;

/**
 * Global customer search (Ctrl/Cmd+K): a combobox over the in-memory search index. Arrow keys
 * move, Enter opens the customer, Escape closes.
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const hits = useCustomerSearch(query, { limit: LIMIT });
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

  const { selected, setActive, onKeyDown } = useListboxKeys(hits, (hit) => open(hit.id));

  return (
    <dialog ref={ref} className="palette" aria-label="Search customers">
      <div className="palette-input-row">
        <Icon name="search" />
        <input
          className="palette-input"
          role="combobox"
          aria-label="Search customers"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={hits.length > 0 ? optionId(selected) : undefined}
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
      {query.trim() !== '' && hits.length === 0 ? (
        <p className="palette-empty">No customer matches “{query.trim()}”.</p>
      ) : (
        <ul id={listId} role="listbox" aria-label="Matching customers" className="palette-list">
          {hits.map((hit, i) => (
            <CustomerOption key={hit.id} id={hit.id} optionId={optionId(i)} selected={i === selected} onPick={() => open(hit.id)} onHover={() => setActive(i)} />
          ))}
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
