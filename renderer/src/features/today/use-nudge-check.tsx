import { useCallback, useState } from 'react';
import { alreadyAsked, type Nudge } from './nudges';

export interface NudgeCheck {
  /** The nudges shown for the last save attempt, until the person changes something. */
  nudges: Nudge[];
  /**
   * True when saving may go on: nothing to ask (no nudge), or the same nudges were already shown
   * and the person pressed "… anyway" (a second submit of an unchanged form; compared by kind,
   * so a text that moved on with the clock does not ask again).
   */
  check: (nudges: readonly (Nudge | null)[]) => boolean;
  /** Forget the shown nudges (call when a field changes). */
  reset: () => void;
}

/** Asks once about a likely slip (a booking in the past, a price far from the usual) before saving. */
export function useNudgeCheck(): NudgeCheck {
  const [shown, setShown] = useState<Nudge[]>([]);
  const check = useCallback(
    (candidates: readonly (Nudge | null)[]): boolean => {
      const nudges = candidates.filter((n): n is Nudge => n !== null);
      if (nudges.length === 0) return true;
      if (shown.length > 0 && alreadyAsked(nudges, shown)) return true;
      setShown(nudges);
      return false;
    },
    [shown],
  );
  const reset = useCallback(() => setShown([]), []);
  return { nudges: shown, check, reset };
}

/** "Please check" before saving; the form's primary button becomes "… anyway". */
export function NudgeNotice({ nudges, action }: { nudges: readonly Nudge[]; action: string }) {
  if (nudges.length === 0) return null;
  return (
    <div className="notice notice-warning" role="status">
      <strong>Please check before saving</strong>
      <ul>
        {nudges.map((n) => (
          <li key={n.kind}>{n.text}</li>
        ))}
      </ul>
      <span>Change it, or press “{action}”.</span>
    </div>
  );
}
