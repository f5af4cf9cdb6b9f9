import { useCurrentBranch, useToday } from '../data/hooks';
import { formatClockTime, longDate } from '../lib/zoned-time';
import { useNow } from '../lib/use-now';
import { zoneClock } from '../../../shared/time/zone';
import { Icon } from '../ui/Icon';
import { SyncIndicator } from '../features/sync';
import { BackgroundProgress } from './BackgroundProgress';
import { lockDesk, useTeamStore } from '../data/team';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function TopBar({ onSearch }: { onSearch: () => void }) {
  const branch = useCurrentBranch();
  const { day, timeZone } = useToday();
  const now = useNow();
  const time = formatClockTime(zoneClock(timeZone).localMinuteOfDay(now));
  return (
    <header className="topbar">
      <div className="topbar-branch">
        <span className="topbar-branch-name" data-testid="branch-name">
          {branch?.name ?? 'Branchdesk'}
        </span>
        <span className="topbar-date">
          <time dateTime={new Date(now).toISOString()}>
            {longDate(day)} · {time}
          </time>
        </span>
      </div>
      <button type="button" className="search-trigger" onClick={onSearch} aria-label="Search customers" aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
        <Icon name="search" />
        <span className="search-trigger-text">Search customers by name, phone or email</span>
        <span className="kbd">{isMac ? '⌘K' : 'Ctrl K'}</span>
      </button>
      <BackgroundProgress />
      <SignedInMember />
      <SyncIndicator />
    </header>
  );
}

/** Who is signed in, and "Lock" to switch member (Ctrl/Cmd+Shift+L); nothing without a team. */
function SignedInMember() {
  const member = useTeamStore((s) => s.member);
  if (member === null) return null;
  return (
    <div className="topbar-member">
      <span data-testid="signed-in-member">{member.name}</span>
      <button type="button" className="btn btn-small" onClick={lockDesk} aria-keyshortcuts={isMac ? 'Meta+Shift+L' : 'Control+Shift+L'} title={isMac ? '⌘⇧L' : 'Ctrl Shift L'}>
        Lock
      </button>
    </div>
  );
}
