import { useDeskStore } from '../data/store';
import { ProgressBar } from '../ui/ProgressBar';

const count = new Intl.NumberFormat('en');

/**
 * A screen that needs every customer, while the start-up is still reading them (Today shows
 * first, with the customers of its bookings): the reading's progress in the screen's place.
 */
export function ReadingCustomers() {
  const background = useDeskStore((s) => s.background);
  const label = background?.label ?? 'Reading customers';
  return (
    <div className="page" aria-busy="true">
      <div className="empty-state" role="status">
        <p>
          {label}
          {background !== null && background.total > 1 ? ` ${count.format(background.done)} of ${count.format(background.total)}` : ''}…
        </p>
        <ProgressBar label={label} done={background?.done ?? 0} total={background?.total ?? 0} />
      </div>
    </div>
  );
}
