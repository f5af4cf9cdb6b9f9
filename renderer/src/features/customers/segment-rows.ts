import type { SegmentCriteria } from '../../../../shared/domain/schemas';
import { customerView, type ViewContext } from '../../../../shared/insights/customer-view';
import { matches } from '../../../../shared/insights/segment';
import type { CustomerRow } from './customer-rows';

/**
 * The rows matching a segment's criteria (the shared segment rules, on the pair each row shows),
 * in the order given. Used for the criteria the list's own filters cannot express.
 */
export function rowsInSegment(rows: readonly CustomerRow[], criteria: SegmentCriteria, context: ViewContext, today: number): CustomerRow[] {
  return rows.filter((row) => matches(criteria, customerView(row.customer, row.activity, context), today));
}
