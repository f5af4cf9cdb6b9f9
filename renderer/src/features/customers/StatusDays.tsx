import type { CustomerStatus } from '../../../../shared/domain/types';
import { statusDetail } from '../../lib/format';
import { statusWithDays } from './display';

/** Status badge with the days since the last visit ("At risk · 21 days"); the full sentence as its title. */
export function StatusDays({ status, days }: { status: CustomerStatus; days: number | null }) {
  return (
    <span className={`badge status-${status}`} data-status={status} title={statusDetail(status, days)}>
      {statusWithDays(status, days)}
    </span>
  );
}
