import { useEffect } from 'react';
import { useCurrentBranch } from '../data/hooks';
import { firstScreenShown } from '../data/session';
import { useDeskStore } from '../data/store';
import { HqShell } from '../features/hq';
import { activeRole, useSyncStore } from '../sync/sync-store';
import { Welcome } from '../features/onboarding';
import { Toasts } from '../ui/Toasts';
import { ErrorBoundary } from './ErrorBoundary';
import { LoadingScreen } from './LoadingScreen';
import { Shell } from './Shell';
import { TeamSignIn } from './TeamSignIn';
import { teamSetUp, useMembers, useTeamStore } from '../data/team';
import { StartupFailed } from './StartupFailed';
import { OpenElsewhere } from './OpenElsewhere';
import { useWindowStore } from './one-window';

function ReadyApp() {
  const branch = useCurrentBranch();
  const mode = useSyncStore((s) => (!s.loaded ? 'loading' : activeRole(s) === 'hq' ? 'hq' : 'desk'));
  useEffect(() => {
    if (mode !== 'loading') firstScreenShown();
  }, [mode]);
  if (mode === 'loading') return <LoadingScreen />;
  if (mode === 'hq') return <HqShell />;
  return branch === undefined ? <Welcome /> : <DeskGate branchId={branch.id} />;
}

/** Once the branch has team members, nobody uses the desk before signing in (docs/DESIGN.md §14). */
function DeskGate({ branchId }: { branchId: string }) {
  const members = useMembers(branchId);
  const member = useTeamStore((s) => s.member);
  if (members === null) return <LoadingScreen />;
  if (teamSetUp(members) && (member === null || !members.some((m) => m.id === member.id && m.active))) return <TeamSignIn members={members} />;
  return <Shell />;
}

export function App() {
  const phase = useDeskStore((s) => s.phase);
  const here = useWindowStore((s) => s.state);
  return (
    <ErrorBoundary>
      {here !== 'here' ? <OpenElsewhere state={here} /> : phase === 'ready' ? <ReadyApp /> : phase === 'failed' ? <StartupFailed /> : <LoadingScreen />}
      <Toasts />
    </ErrorBoundary>
  );
}
