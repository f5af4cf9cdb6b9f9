import { useMemo } from 'react';
import { DEFAULT_INSIGHT_RULES } from '../../../../shared/insights/business-rules';
import { useActivityVersion, useBookingsVersion, useCurrentBranch, useCustomersVersion, useDesk, useToday } from '../../data/hooks';
import { buildSnapshot, type InsightSnapshot } from './insight-snapshot';

/**
 * The insight snapshot of the desk's branch, rebuilt when customers, bookings or activity change.
 * RFM cut-offs: the business defaults (the desk does not keep the organisation's own yet).
 */
export function useInsightSnapshot(): InsightSnapshot {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const { day } = useToday();
  const activityVersion = useActivityVersion();
  const customersVersion = useCustomersVersion();
  const bookingsVersion = useBookingsVersion();
  const branchId = branch?.id ?? '';
  return useMemo(() => {
    void activityVersion;
    void customersVersion;
    void bookingsVersion;
    return buildSnapshot({
      customers: desk.customers,
      activities: desk.activity.activities(),
      branchId,
      today: day,
      rules: DEFAULT_INSIGHT_RULES,
      bookingsOf: (b, c) => desk.activity.bookingsOf(b, c),
      outlookOf: (b, c) => desk.outlook.get(b, c),
    });
  }, [desk, branchId, day, activityVersion, customersVersion, bookingsVersion]);
}
