import type { Amendment } from '../../../../shared/domain/schemas';
import { amendmentAuthor, amendmentChanges, amendmentWhen } from './correction-text';

/** The corrections of a finished visit, oldest first: what changed, why, who and when. */
export function AmendmentList({ amendments, timeZone, compact = false }: { amendments: readonly Amendment[]; timeZone: string; compact?: boolean }) {
  if (amendments.length === 0) return null;
  return (
    <ul className={compact ? 'amendments amendments-compact' : 'amendments'} aria-label="Corrections">
      {amendments.map((a) => (
        <li key={a.id} className="amendment">
          <span className="amendment-changes">{amendmentChanges(a)}</span>
          <span className="amendment-reason">“{a.reason}”</span>
          <span className="amendment-meta muted">
            Corrected {amendmentWhen(a, timeZone)} {amendmentAuthor(a)}
          </span>
        </li>
      ))}
    </ul>
  );
}
