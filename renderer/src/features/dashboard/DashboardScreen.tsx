import '../../ui/chart-setup';
import { useMemo } from 'react';
import type { CustomerStatus } from '../../../../shared/domain/types';
import { navigate } from '../../app/router';
import { useActivityVersion, useBranches, useCurrentBranch, useCustomersVersion, useDesk, useOutlookState, useToday } from '../../data/hooks';
import { outlookNote } from '../../lib/outlook-format';
import { longDate } from '../../lib/zoned-time';
import { Icon } from '../../ui/Icon';
import { customersView } from '../customers';
import { AtRiskList } from './AtRiskList';
import { atRiskActions, dashboardMetrics, tierCounts, topBySpend } from './dashboard-model';
import { setDashboardScope, useDashboardView } from './dashboard-view-store';
import { MetricCards } from './MetricCards';
import { PredictionCheck } from './PredictionCheck';
import { StatusChart } from './StatusChart';
import { TierChart } from './TierChart';
import { TopCustomers } from './TopCustomers';

const ALL = '*';

/** The branch at a glance: status counts, key figures, status and tier charts, who to call, best customers. */
export function DashboardScreen() {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const branches = useBranches();
  const { day } = useToday();
  const activityVersion = useActivityVersion();
  const outlookState = useOutlookState();
  const ranked = outlookState.kind === 'ready';
  const customersVersion = useCustomersVersion();
  const chosen = useDashboardView((s) => s.scope);
  const scope = chosen === undefined || (chosen !== null && !desk.branches.has(chosen)) ? (branch?.id ?? null) : chosen;

  const data = useMemo(() => {
    void activityVersion;
    void customersVersion;
    const activities = [...desk.activity.activities()];
    return {
      metrics: dashboardMetrics(activities, desk.branches.keys(), desk.asOfDay, scope),
      atRisk: atRiskActions(activities, desk.customers, scope, ranked ? (b, c) => desk.outlook.get(b, c) : undefined),
      top: topBySpend(activities, desk.customers, scope),
      tiers: tierCounts(activities, scope),
    };
  }, [desk, scope, activityVersion, customersVersion, ranked]);

  if (branch === undefined) return null;
  const scopeName = scope === null ? 'All branches' : (desk.branches.get(scope)?.name ?? scope);
  const isDesk = scope === branch.id;
  const branchNameOf = (id: string): string => desk.branches.get(id)?.name ?? id;
  const showStatus = (status: CustomerStatus): void => {
    customersView.showStatus(status, status === 'at_risk' ? { field: ranked ? 'value_at_risk' : 'total_spent', direction: 'desc' } : undefined);
    navigate({ name: 'customers' });
  };

  return (
    <div className="page dashboard">
      <div className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p>
            {scopeName} · as of {longDate(day)}
          </p>
        </div>
        {branches.length > 1 && (
          <label className="dash-branch">
            <span className="field-label">Branch</span>
            <select
              className="select select-compact"
              value={scope === null ? ALL : scope}
              onChange={(e) => setDashboardScope(e.target.value === ALL ? null : e.target.value === branch.id ? undefined : e.target.value)}
            >
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                  {b.id === branch.id ? ' (this desk)' : ''}
                </option>
              ))}
              <option value={ALL}>All branches</option>
            </select>
          </label>
        )}
      </div>

      {data.metrics.customers === 0 ? (
        <div className="card empty-state">
          <span className="empty-illustration" aria-hidden="true">
            <Icon name="dashboard" size={26} />
          </span>
          <h2>No customers at {scopeName} yet</h2>
          <p>Once customers are registered and visits completed, their status, churn and spending show up here.</p>
          <a className="btn btn-primary" href="#/customers">
            Go to Customers
          </a>
        </div>
      ) : (
        <>
          <MetricCards metrics={data.metrics} onStatus={isDesk ? showStatus : undefined} />
          <div className="dash-grid">
            <StatusChart metrics={data.metrics} />
            <TierChart spending={data.tiers.spending} frequency={data.tiers.frequency} />
          </div>
          <div className="dash-grid dash-grid-lists">
            <AtRiskList items={data.atRisk} ranked={ranked} note={outlookNote(outlookState)} branchNameOf={branchNameOf} showBranch={scope === null} onShowAll={isDesk ? () => showStatus('at_risk') : undefined} />
            <TopCustomers items={data.top} branchNameOf={branchNameOf} showBranch={scope === null} />
          </div>
          {scope !== null && <PredictionCheck branchId={scope} branchName={scopeName} />}
        </>
      )}
    </div>
  );
}
