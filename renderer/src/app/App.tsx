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
import { StartupFailed } from './StartupFailed';

function ReadyApp() {
  const branch = useCurrentBranch();
  const mode = useSyncStore((s) => (!s.loaded ? 'loading' : activeRole(s) === 'hq' ? 'hq' : 'desk'));
  useEffect(() => {
    if (mode !== 'loading') firstScreenShown();
  }, [mode]);
  if (mode === 'loading') return <LoadingScreen />;
  if (mode === 'hq') return <HqShell />;
  return branch === undefined ? <Welcome /> : <Shell />;
}

export function App() {
  const phase = useDeskStore((s) => s.phase);
  return (
    <ErrorBoundary>
      {phase === 'ready' ? <ReadyApp /> : phase === 'failed' ? <StartupFailed /> : <LoadingScreen />}
      <Toasts />
    </ErrorBoundary>
  );
}
