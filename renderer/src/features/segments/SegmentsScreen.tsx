import { useMemo } from 'react';
import { useCurrentBranch, useDesk, useToday } from '../../data/hooks';
import { longDate } from '../../lib/zoned-time';
import { Icon } from '../../ui/Icon';
import { dashboardMetrics, tierCounts } from '../dashboard';
import { StatusChart } from '../dashboard';
import { TierChart } from '../dashboard';
import { tagCounts } from '../customers';
import { DateLists, ValueLists } from './PeopleLists';
import { PreferenceCharts } from './PreferenceCharts';
import { RfmGridCard } from './RfmGridCard';
import { SavedSegments } from './SavedSegments';
import { segmentBuilder } from './segment-builder-store';
import { SegmentBuilder } from './SegmentBuilder';
import { anniversaries, birthdays, favouriteServices, preferredBranchMix, rfmGrid, statusTrend, valueLists } from './segments-model';
import { StatusTrendChart } from './StatusTrendChart';
import { useInsightSnapshot } from './use-insights';
import { useSegments } from './use-segments';

/**
 * The branch's customers as segments: saved segments with live counts and the builder, then the
 * picture — status mix and trend, tiers, favourite services and preferred branch, RFM grid, high
 * value and VIP, birthdays and first-visit anniversaries.
 */
export function SegmentsScreen() {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const { day } = useToday();
  const snapshot = useInsightSnapshot();
  const segments = useSegments();
  const branchId = branch?.id ?? '';

  const data = useMemo(() => {
    const activities = snapshot.views.flatMap((v) => (v.activity === null ? [] : [v.activity]));
    const rules = desk.activity.rulesFor(branchId);
    return {
      metrics: dashboardMetrics(desk.activity.activities(), desk.branches.keys(), snapshot.today, branchId),
      tiers: tierCounts(activities, branchId),
      trend: statusTrend(
        snapshot.views.map((v) => ({ facts: desk.activity.bookingsOf(branchId, v.customer.id) })),
        rules,
        snapshot.today,
      ),
      services: favouriteServices(activities),
      branches: preferredBranchMix(snapshot.views, (id) => desk.activity.forCustomer(id)),
      rfm: rfmGrid(snapshot.views),
      value: valueLists(snapshot.views),
      birthdays: { week: birthdays(snapshot.views, snapshot.today, 'week'), month: birthdays(snapshot.views, snapshot.today, 'month') },
      anniversaries: { week: anniversaries(snapshot.views, snapshot.today, 'week'), month: anniversaries(snapshot.views, snapshot.today, 'month') },
      tags: tagCounts(snapshot.views.map((v) => ({ id: v.customer.id, customer: v.customer, activity: v.activity, nameKey: '', entry: undefined }))).map((t) => t.tag),
    };
  }, [desk, snapshot, branchId]);

  if (branch === undefined) return null;

  return (
    <div className="page segments">
      <div className="page-header">
        <div>
          <h1>Segments</h1>
          <p>
            {branch.name} · as of {longDate(day)}
          </p>
        </div>
      </div>
      {snapshot.views.length === 0 ? (
        <div className="card empty-state">
          <span className="empty-illustration" aria-hidden="true">
            <Icon name="segments" size={26} />
          </span>
          <h2>No customers at {branch.name} yet</h2>
          <p>Segments group customers by status, spending, visits, RFM scores and more, once there are customers to group.</p>
        </div>
      ) : (
        <>
          <div className="seg-top">
            <SegmentBuilder snapshot={snapshot} tags={data.tags} />
            <SavedSegments segments={segments} snapshot={snapshot} />
          </div>
          <div className="dash-grid">
            <StatusChart metrics={data.metrics} />
            <StatusTrendChart trend={data.trend} />
          </div>
          <div className="dash-grid">
            <TierChart spending={data.tiers.spending} frequency={data.tiers.frequency} />
            <PreferenceCharts services={data.services} branches={data.branches} branchNameOf={(id) => desk.branches.get(id)?.name ?? id} deskBranchId={branchId} />
          </div>
          <div className="dash-grid">
            <RfmGridCard
              grid={data.rfm}
              onPick={(c, label) => {
                segmentBuilder.start(c, label);
                document.getElementById('seg-builder-title')?.scrollIntoView({ block: 'start' });
              }}
            />
            <ValueLists highValue={data.value.highValue} vip={data.value.vip} />
          </div>
          <DateLists today={snapshot.today} birthdays={data.birthdays} anniversaries={data.anniversaries} />
        </>
      )}
    </div>
  );
}
