import { useDeskStore } from '../data/store';
import { ProgressBar } from '../ui/ProgressBar';

const count = new Intl.NumberFormat('en');

/**
 * The start-up's second part (every booking read behind the screens): a quiet progress in the
 * top bar while the desk is already in use. Nothing when done.
 */
export function BackgroundProgress() {
  const background = useDeskStore((s) => s.background);
  if (background === null) return null;
  const figures = background.total > 1 ? ` ${count.format(background.done)} of ${count.format(background.total)}` : '';
  return (
    <div className="background-progress" role="status" aria-label="Loading in the background">
      <span className="background-progress-label">
        {background.label}
        {figures}
      </span>
      <ProgressBar label={background.label} done={background.done} total={background.total} />
    </div>
  );
}
