import { expect, type Locator, type Page } from '@playwright/test';
import type { BranchMetrics } from '../../shared/engine/metrics';
import { DashboardPage } from './dashboard-page';
import type { SyncDesk } from './sync-desk';

export const METRIC_KEYS: (keyof BranchMetrics)[] = ['customers', 'new', 'active', 'win_back', 'at_risk', 'churned', 'new_customers_30d', 'churn_rate', 'avg_clv', 'avg_visits'];

/** A figure as displayed ("1,234.50", "₱1,234.50", "37.85%", "12") as the number the metrics JSON holds. */
export function shownNumber(text: string, key: keyof BranchMetrics): number {
  const n = Number(text.replace(/[^\d.-]/g, ''));
  return key === 'churn_rate' ? Math.round(n * 100) / 10_000 : n;
}

/** The HQ dashboard (hq devices; also served by the server at `/`). */
export class HqDashboard {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'HQ dashboard' });
  }

  get label(): Locator {
    return this.page.getByTestId('hq-report-label');
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Branch comparison' });
  }

  row(branchId: string): Locator {
    return this.table.locator(`tr[data-branch="${branchId}"]`);
  }

  async setDate(isoDate: string): Promise<void> {
    await this.page.getByLabel('Report date').fill(isoDate);
    await expect(this.label).toContainText(`Figures for ${isoDate}`);
  }

  /** The figures of one branch row (or 'all' for the organisation), read from the table. */
  async metricsOf(branchId: string): Promise<BranchMetrics> {
    const row = this.row(branchId);
    await expect(row).toBeVisible();
    const out = {} as BranchMetrics;
    for (const key of METRIC_KEYS) out[key] = shownNumber((await row.locator(`td[data-metric="${key}"]`).textContent()) ?? '', key);
    return out;
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('button', { name: column }).click();
  }

  async branchOrder(): Promise<string[]> {
    return this.table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-branch') ?? ''));
  }
}

/** The figures a desk's own branch dashboard shows, in HQ's shape, to compare the two. */
export async function deskMetrics(desk: SyncDesk): Promise<BranchMetrics> {
  await desk.go('Dashboard');
  const dash = new DashboardPage(desk.page);
  await expect(dash.headline).toBeVisible();
  const out = {} as BranchMetrics;
  for (const key of METRIC_KEYS) out[key] = shownNumber((await dash.metric(key).textContent()) ?? '', key);
  return out;
}
