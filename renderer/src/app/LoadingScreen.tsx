import { useDeskStore } from '../data/store';
import { Brand } from '../ui/Brand';
import { ProgressBar } from '../ui/ProgressBar';

const count = new Intl.NumberFormat('en');

/** Start-up: opening the replica and computing activity, with progress. */
export function LoadingScreen() {
  const progress = useDeskStore((s) => s.progress);
  const label = progress?.label ?? 'Opening local data';
  return (
    <main className="splash" aria-busy="true">
      <div className="card splash-card">
        <Brand />
        <h1 className="visually-hidden">Starting Branchdesk</h1>
        <p>{label}…</p>
        <ProgressBar label={label} done={progress?.done ?? 0} total={progress?.total ?? 0} />
        <div className="splash-figures nums">
          <span>Your data is on this desk and works offline.</span>
          {progress !== null && progress.total > 1 && (
            <span>
              {count.format(progress.done)} / {count.format(progress.total)}
            </span>
          )}
        </div>
      </div>
    </main>
  );
}
