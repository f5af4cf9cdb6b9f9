import { useCallback, useEffect, useState } from 'react';
import { CommandPalette } from './CommandPalette';
import { ErrorBoundary } from './ErrorBoundary';
import { useRoute } from './router';
import { Screen } from './screens';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';
import { ManagerPasscodeDialog } from './TeamSignIn';
import { lockDesk, useTeamStore } from '../data/team';

/** Left navigation, top bar, the routed screen, and the global Ctrl/Cmd+K customer search. */
export function Shell() {
  const route = useRoute((s) => s.route);
  const [searching, setSearching] = useState(false);
  const closeSearch = useCallback(() => setSearching(false), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setSearching(true);
      }
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'l' && useTeamStore.getState().member !== null) {
        event.preventDefault();
        lockDesk();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SideNav />
      <TopBar onSearch={() => setSearching(true)} />
      <main id="main" className="main" tabIndex={-1}>
        <ErrorBoundary resetKey={JSON.stringify(route)}>
          <Screen route={route} />
        </ErrorBoundary>
      </main>
      {searching && <CommandPalette onClose={closeSearch} />}
      <ManagerPasscodeDialog />
    </div>
  );
}
