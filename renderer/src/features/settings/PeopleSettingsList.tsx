import type { ReactNode } from 'react';
import type { DeskPermission } from '../../sync/permissions';

/**
 * The list under a Settings section of people (staff, team members): loading, the designed empty
 * state, one row per person with what to know about them and, when the desk may change them, an
 * Edit button per row and an "Add …" button under the list.
 */
export function PeopleSettingsList<T extends { id: string; name: string; active: boolean }>({
  people,
  label,
  empty,
  details,
  permission,
  addLabel,
  onEdit,
}: {
  people: readonly T[] | null;
  /** The list's accessible name. */
  label: string;
  /** What the empty list says (permission-aware text is the caller's). */
  empty: ReactNode;
  /** What follows the name in a row. */
  details: (person: T) => ReactNode;
  permission: DeskPermission;
  addLabel: string;
  /** Opens the edit dialog for a person, or for a new one ('new'). */
  onEdit: (person: T | 'new') => void;
}) {
  return (
    <>
      {people === null ? (
        <p className="muted">Loading…</p>
      ) : people.length === 0 ? (
        <p className="empty-state">{empty}</p>
      ) : (
        <ul className="staff-list" aria-label={label}>
          {people.map((p) => (
            <li key={p.id} className={p.active ? 'staff-item' : 'staff-item retired'}>
              <div>
                <strong>{p.name}</strong>
                {details(p)}
              </div>
              {permission.allowed && (
                <button type="button" className="btn btn-small" aria-label={`Edit ${p.name}`} onClick={() => onEdit(p)}>
                  Edit
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {permission.allowed && (
        <div>
          <button type="button" className="btn" onClick={() => onEdit('new')}>
            {addLabel}
          </button>
        </div>
      )}
    </>
  );
}
