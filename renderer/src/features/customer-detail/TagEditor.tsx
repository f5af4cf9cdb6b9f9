import { useId, useMemo, useState } from 'react';
import type { CustomerDoc } from '../../../../shared/domain/schemas';
import { useCustomersVersion, useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { Icon } from '../../ui/Icon';
import { addTag, removeTag } from './profile-edits';
import { saveEdit } from './save-edit';

/** The customer's tags, added and removed in place (suggestions: tags used on this desk). */
export function TagEditor({ customer }: { customer: CustomerDoc }) {
  const desk = useDesk();
  const version = useCustomersVersion();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const id = useId();
  const known = useMemo(() => {
    void version;
    const all = new Set<string>();
    for (const c of desk.customers.values()) for (const t of c.tags) all.add(t);
    return [...all].filter((t) => !customer.tags.includes(t)).sort((a, b) => a.localeCompare(b));
  }, [desk, version, customer.tags]);

  const add = async (): Promise<void> => {
    const problem = await saveEdit(desk.db, addTag(customer, text, now()), '');
    setError(problem);
    if (problem === '') setText('');
  };

  return (
    <div className="tag-editor">
      <ul className="profile-tags" aria-label="Tags">
        {customer.tags.map((t) => (
          <li key={t} className="chip chip-removable">
            {t}
            <button type="button" className="chip-remove" aria-label={`Remove tag ${t}`} onClick={() => void saveEdit(desk.db, removeTag(customer, t, now()), '')}>
              <Icon name="close" size={11} />
            </button>
          </li>
        ))}
      </ul>
      <form
        className="tag-add"
        aria-label="Add a tag"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          className="input tag-input"
          aria-label="New tag"
          aria-invalid={error === '' ? undefined : true}
          aria-describedby={error === '' ? undefined : `${id}-error`}
          placeholder="Add a tag"
          list={`${id}-known`}
          value={text}
          onChange={(e) => (setText(e.target.value), setError(''))}
        />
        <datalist id={`${id}-known`}>
          {known.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="submit" className="btn btn-small" disabled={text.trim() === ''}>
          Add tag
        </button>
        {error !== '' && (
          <span id={`${id}-error`} className="field-error">
            {error}
          </span>
        )}
      </form>
    </div>
  );
}
